// A strict, fast parser for the common case of one well-formed JSON object, driving the
// same SAX-style handler as nlohmann's parser but with string_views (no per-character
// string building). It accepts a subset of what nlohmann accepts: on anything unusual
// (a syntax error, bad UTF-8, an odd number) it gives up, and the caller re-parses with
// nlohmann, whose messages explain the problem. So it never changes what is accepted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "policy/io/field_codec.h"

namespace jincai::policy::io {

// Handler needs: Key(string_view), Value for strings/numbers via StringValue(sv) and
// NumberValue(raw sv), boolean(bool), null(), start_object(size_t), end_object(),
// start_array(size_t), end_array(). All return true to go on.
template <typename Handler>
class FastJson {
 public:
  FastJson(std::string_view text, Handler& h) : p_(text.data()), end_(text.data() + text.size()), h_(h) {}

  // True when the whole text was one valid value and the handler saw all of it. False
  // means "not handled here" (the handler may have seen part of it: start again).
  bool Parse() {
    SkipSpace();
    if (!Value(0)) return false;
    SkipSpace();
    return p_ == end_;
  }

 private:
  static constexpr int kMaxDepth = 64;

  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\t' || *p_ == '\r')) ++p_;
  }

  bool Literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  bool Value(int depth) {
    if (p_ >= end_) return false;
    switch (*p_) {
      case '{': return depth < kMaxDepth && Object(depth + 1);
      case '[': return depth < kMaxDepth && Array(depth + 1);
      case '"': {
        std::string_view s;
        return String(&s) && h_.StringValue(s);
      }
      case 't': return Literal("true") && h_.boolean(true);
      case 'f': return Literal("false") && h_.boolean(false);
      case 'n': return Literal("null") && h_.null();
      default: {
        std::string_view raw;
        return Number(&raw) && h_.NumberValue(raw);
      }
    }
  }

  bool Object(int depth) {
    ++p_;  // '{'
    if (!h_.start_object(0)) return false;
    SkipSpace();
    if (p_ < end_ && *p_ == '}') {
      ++p_;
      return h_.end_object();
    }
    for (;;) {
      std::string_view key;
      if (p_ >= end_ || *p_ != '"' || !String(&key) || !h_.Key(key)) return false;
      SkipSpace();
      if (p_ >= end_ || *p_ != ':') return false;
      ++p_;
      SkipSpace();
      if (!Value(depth)) return false;
      SkipSpace();
      if (p_ >= end_) return false;
      if (*p_ == ',') {
        ++p_;
        SkipSpace();
        continue;
      }
      if (*p_ != '}') return false;
      ++p_;
      return h_.end_object();
    }
  }

  bool Array(int depth) {
    ++p_;  // '['
    if (!h_.start_array(0)) return false;
    SkipSpace();
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      return h_.end_array();
    }
    for (;;) {
      if (!Value(depth)) return false;
      SkipSpace();
      if (p_ >= end_) return false;
      if (*p_ == ',') {
        ++p_;
        SkipSpace();
        continue;
      }
      if (*p_ != ']') return false;
      ++p_;
      return h_.end_array();
    }
  }

  // JSON's number grammar, kept to sizes a double surely holds (nlohmann rejects numbers
  // that overflow a double; those go to it).
  bool Number(std::string_view* raw) {
    const char* start = p_;
    if (p_ < end_ && *p_ == '-') ++p_;
    if (p_ >= end_) return false;
    if (*p_ == '0') {
      ++p_;
    } else if (*p_ >= '1' && *p_ <= '9') {
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    } else {
      return false;
    }
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      const char* f = p_;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      if (p_ == f) return false;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      const char* e = p_;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      if (p_ == e || p_ - e > 2) return false;  // exponents past 99: let nlohmann judge
    }
    if (p_ - start > 200) return false;
    *raw = std::string_view(start, static_cast<size_t>(p_ - start));
    return true;
  }

  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool Hex4(uint32_t* out) {
    if (end_ - p_ < 4) return false;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const int h = Hex(p_[i]);
      if (h < 0) return false;
      v = v * 16 + static_cast<uint32_t>(h);
    }
    p_ += 4;
    *out = v;
    return true;
  }

  void AppendUtf8(uint32_t cp) {
    if (cp < 0x80) {
      scratch_ += static_cast<char>(cp);
    } else if (cp < 0x800) {
      scratch_ += static_cast<char>(0xC0 | (cp >> 6));
      scratch_ += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      scratch_ += static_cast<char>(0xE0 | (cp >> 12));
      scratch_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      scratch_ += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      scratch_ += static_cast<char>(0xF0 | (cp >> 18));
      scratch_ += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      scratch_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      scratch_ += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  // A string at p_ ('"'). Without escapes the view points into the text; with escapes
  // it points into scratch_ (valid until the next string).
  bool String(std::string_view* out) {
    const char* start = ++p_;
    bool ascii = true;
    while (p_ < end_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        *out = std::string_view(start, static_cast<size_t>(p_ - start));
        ++p_;
        return ascii || IsValidUtf8(*out);
      }
      if (c == '\\') return Escaped(start, out);
      if (c < 0x20) return false;
      ascii &= c < 0x80;
      ++p_;
    }
    return false;
  }

  bool Escaped(const char* start, std::string_view* out) {
    scratch_.assign(start, static_cast<size_t>(p_ - start));
    while (p_ < end_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        *out = scratch_;
        return IsValidUtf8(scratch_);
      }
      if (c < 0x20) return false;
      if (c != '\\') {
        scratch_ += static_cast<char>(c);
        ++p_;
        continue;
      }
      if (++p_ >= end_) return false;
      const char e = *p_++;
      switch (e) {
        case '"': scratch_ += '"'; break;
        case '\\': scratch_ += '\\'; break;
        case '/': scratch_ += '/'; break;
        case 'b': scratch_ += '\b'; break;
        case 'f': scratch_ += '\f'; break;
        case 'n': scratch_ += '\n'; break;
        case 'r': scratch_ += '\r'; break;
        case 't': scratch_ += '\t'; break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a lone low surrogate
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t lo;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            if (!Hex4(&lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          AppendUtf8(cp);
          break;
        }
        default: return false;
      }
    }
    return false;
  }

  const char* p_;
  const char* end_;
  Handler& h_;
  std::string scratch_;
};

}  // namespace jincai::policy::io
