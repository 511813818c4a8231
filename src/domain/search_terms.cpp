// Search terms (see search_terms.h).
#include "domain/search_terms.h"

#include <algorithm>
#include <cstdint>

namespace jincai::domain {
namespace {

// One decoded character: its code point and its bytes in the text.
struct Char {
  char32_t cp;
  std::string_view bytes;
};

// Decodes UTF-8 strictly: a malformed, overlong or surrogate sequence, or one beyond
// U+10FFFF, is taken as one character U+FFFD (punctuation here) for its first byte.
// Full-width forms (Ｐｙｔｈｏｎ, ２０２４), common from Chinese input methods, are folded
// to ASCII, so they find and are found by the same words.
std::vector<Char> Decode(std::string_view s) {
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  std::vector<Char> out;
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    char32_t cp = ok ? (len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07)) : 0;
    for (size_t k = 1; ok && k < len; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if ((c >> 6) != 2) ok = false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (ok && (cp < kMin[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)) ok = false;
    if (!ok) {
      out.push_back({0xFFFD, s.substr(i, 1)});
      ++i;
      continue;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      static const std::string kAscii = [] {
        std::string a;
        for (char c = '!'; c <= '~'; ++c) a += c;
        return a;
      }();
      out.push_back({cp - 0xFF01 + '!', std::string_view(kAscii).substr(cp - 0xFF01, 1)});
    } else {
      out.push_back({cp, s.substr(i, len)});
    }
    i += len;
  }
  return out;
}

bool IsCjk(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FA1F) ||
         (c >= 0xF900 && c <= 0xFAFF);
}
bool IsWordChar(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '+' || c == '#' ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);  // Latin letters with accents
}

// Splits into runs and hands each run's terms to `add`.
template <class Add>
void Terms(std::string_view text, bool query, Add add) {
  std::vector<Char> chars = Decode(text);
  for (size_t i = 0; i < chars.size();) {
    if (IsCjk(chars[i].cp)) {
      size_t j = i;
      while (j < chars.size() && IsCjk(chars[j].cp)) ++j;
      // [i, j) is a Chinese run.
      const bool only_pairs = query && j - i >= 2;
      for (size_t k = i; k < j; ++k) {
        if (!only_pairs) add(std::string(chars[k].bytes));
        if (k + 1 < j) add(std::string(chars[k].bytes) + std::string(chars[k + 1].bytes));
      }
      i = j;
    } else if (IsWordChar(chars[i].cp)) {
      std::string word;
      for (; i < chars.size() && IsWordChar(chars[i].cp); ++i) {
        std::string b(chars[i].bytes);
        if (b.size() == 1 && b[0] >= 'A' && b[0] <= 'Z') b[0] = static_cast<char>(b[0] - 'A' + 'a');
        word += b;
      }
      // A word longer than any sensible one is not indexed; in a query it stays, and so
      // finds nothing, rather than being dropped and widening the search.
      if (word.size() <= 64 || query) add(std::move(word));
    } else {
      ++i;
    }
  }
}

std::vector<std::string> Distinct(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

}  // namespace

std::vector<std::string> IndexTerms(std::string_view text) {
  std::vector<std::string> out;
  Terms(text, false, [&](std::string t) { out.push_back(std::move(t)); });
  return Distinct(std::move(out));
}

std::vector<std::string> QueryTerms(std::string_view query) {
  std::vector<std::string> out;
  Terms(query, true, [&](std::string t) { out.push_back(std::move(t)); });
  return Distinct(std::move(out));
}

}  // namespace jincai::domain
