// The JSON dossier reader: finds each top-level object (one object, a list of objects,
// or JSON Lines) with a small bracket/string scanner that streams through the input, so
// that no object longer than max_record_bytes is ever held whole, then parses it.
#include <cstdio>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "policy/io/json_record.h"
#include "policy/io/readers.h"

namespace jincai::policy::io {

namespace {

class JsonDossierReader : public DossierReader {
 public:
  JsonDossierReader(std::unique_ptr<InputBuffer> in, const BatchLayout& layout, StringPool& pool,
                    ReaderOptions options)
      : in_(std::move(in)), layout_(layout), options_(std::move(options)), errors_(options_),
        builder_(layout, pool), names_(JsonNames::For(layout)) {}

  Result<int32_t> Next(Batch& out, int32_t max_rows) override;
  int64_t records_skipped() const override { return errors_.skipped(); }

 private:
  enum class State { kStart, kSeq, kArrayFirst, kArrayAfter, kArrayElem, kArrayEnd };
  enum class Scan { kFound, kCut, kTooLong, kTruncated };

  Result<int> Peek();  // next non-space byte (not consumed), or -1 at end of input
  Result<Scan> ScanObject(bool keep, size_t* len);
  Status SkipLine();
  RecordError Error(int64_t line, std::string message) const {
    RecordError e;
    e.line = line;
    e.message = std::move(message);
    return e;
  }
  Status ReadObject(Batch& out, bool in_array);

  std::unique_ptr<InputBuffer> in_;
  const BatchLayout& layout_;
  ReaderOptions options_;
  ErrorSink errors_;
  RecordBuilder builder_;
  JsonNames names_;
  State state_ = State::kStart;
  int64_t line_ = 1;        // line of in_->begin()
  int64_t array_line_ = 0;  // line of the '[' of a top-level list
  // Object scanner state, resumable across reads.
  size_t scan_off_ = 0;
  std::vector<char> stack_;
  bool in_string_ = false, escape_ = false;
  int64_t newlines_ = 0;
};

Result<int> JsonDossierReader::Peek() {
  for (;;) {
    const char* p = in_->begin();
    const char* e = in_->end();
    if (state_ == State::kStart && line_ == 1 && e - p >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
      in_->Consume(3);  // UTF-8 byte order mark
      continue;
    }
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) line_ += *p++ == '\n';
    in_->Consume(static_cast<size_t>(p - in_->begin()));
    if (p < e) return static_cast<unsigned char>(*p);
    auto more = in_->More();
    if (!more.ok()) return more.status();
    if (!*more) return -1;
  }
}

Status JsonDossierReader::SkipLine() {
  for (;;) {
    const char* p = in_->begin();
    const void* nl = std::memchr(p, '\n', in_->size());
    if (nl) {
      in_->Consume(static_cast<size_t>(static_cast<const char*>(nl) - p) + 1);
      ++line_;
      return Status::Ok();
    }
    in_->Consume(in_->size());
    auto more = in_->More();
    if (!more.ok()) return more.status();
    if (!*more) return Status::Ok();
  }
}

// Scans the object starting at in_->begin() for its closing brace. kCut: the text cannot
// be valid (a raw control character in a string, a mismatched bracket) and ends there.
// With keep=false the scanned bytes are dropped as it goes (skipping an oversized record).
Result<JsonDossierReader::Scan> JsonDossierReader::ScanObject(bool keep, size_t* len) {
  for (;;) {
    const char* b = in_->begin();
    const char* p = b + scan_off_;
    const char* e = in_->end();
    // One byte of the state machine. Returns true when the scan is over (*result set).
    Scan result = Scan::kFound;
    const auto step = [&](const char* at) {
      const char c = *at;
      if (in_string_) {
        if (escape_) {
          escape_ = false;
        } else if (c == '\\') {
          escape_ = true;
        } else if (c == '"') {
          in_string_ = false;
        } else if (static_cast<unsigned char>(c) < 0x20) {
          newlines_ += c == '\n';
          *len = static_cast<size_t>(at + 1 - b);
          result = Scan::kCut;
          return true;
        }
        return false;
      }
      switch (c) {
        case '"': in_string_ = true; break;
        case '{':
        case '[': stack_.push_back(c); break;
        case '}':
        case ']':
          if (stack_.back() != (c == '}' ? '{' : '[')) {
            *len = static_cast<size_t>(at + 1 - b);
            result = Scan::kCut;
            return true;
          }
          stack_.pop_back();
          if (stack_.empty()) {
            *len = static_cast<size_t>(at + 1 - b);
            result = Scan::kFound;
            return true;
          }
          break;
        case '\n': ++newlines_; break;
        default: break;
      }
      return false;
    };
#ifdef __SSE2__
    // 16 bytes at a time: only quotes, backslashes, brackets and control characters
    // (line breaks among them) can change the state; other bytes are skipped. A byte
    // right after a backslash in a string is stepped through even when plain.
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const __m128i open_brace = _mm_set1_epi8('{'), close_brace = _mm_set1_epi8('}');
    const __m128i open_bracket = _mm_set1_epi8('['), close_bracket = _mm_set1_epi8(']');
    const __m128i ctrl_max = _mm_set1_epi8(0x1F);
    while (e - p >= 16) {
      if (escape_) {  // the escaped byte, whatever it is
        if (step(p++)) return result;
        continue;
      }
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      __m128i m = _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash));
      m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, open_brace), _mm_cmpeq_epi8(x, close_brace)));
      m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, open_bracket), _mm_cmpeq_epi8(x, close_bracket)));
      m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_max_epu8(x, ctrl_max), ctrl_max));
      unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(m));
      const char* chunk = p;
      p += 16;
      while (mask != 0) {
        const char* at = chunk + __builtin_ctz(mask);
        mask &= mask - 1;
        if (step(at)) return result;
        if (escape_) {  // step the escaped byte too, and skip its bit if it has one
          if (at + 1 == p) break;  // it starts the next chunk
          escape_ = false;
          mask &= ~(1u << (at + 1 - chunk));
        }
      }
    }
#endif
    for (; p < e; ++p) {
      if (step(p)) return result;
    }
    scan_off_ = static_cast<size_t>(p - b);
    if (keep && scan_off_ > options_.max_record_bytes) return Scan::kTooLong;
    if (!keep) {
      in_->Consume(scan_off_);
      scan_off_ = 0;
    }
    auto more = in_->More();
    if (!more.ok()) return more.status();
    if (!*more) return Scan::kTruncated;
  }
}

Status JsonDossierReader::ReadObject(Batch& out, bool in_array) {
  const int64_t start_line = line_;
  scan_off_ = 0;
  stack_.clear();
  in_string_ = escape_ = false;
  newlines_ = 0;
  size_t len = 0;
  auto scan = ScanObject(/*keep=*/true, &len);
  if (!scan.ok()) return errors_.FatalStatus(scan.status());
  if (*scan == Scan::kFound && len > options_.max_record_bytes) {
    in_->Consume(len);
    line_ += newlines_;
    scan = Scan::kTooLong;
  } else if (*scan == Scan::kTooLong) {
    const RecordError e = Error(start_line, "record is longer than " +
                                                std::to_string(options_.max_record_bytes) + " bytes");
    if (!options_.skip_invalid) return errors_.Fatal(e);
    auto rest = ScanObject(/*keep=*/false, &len);  // drop the rest of it, reading on
    if (!rest.ok()) return errors_.FatalStatus(rest.status());
    if (*rest == Scan::kTruncated) {
      return errors_.Fatal(Error(start_line, "truncated JSON: the object that starts here is not closed"));
    }
    in_->Consume(len);
    line_ += newlines_;
    return errors_.Record(e);
  }
  if (*scan == Scan::kTooLong) {
    return errors_.Record(Error(start_line, "record is longer than " +
                                                std::to_string(options_.max_record_bytes) + " bytes"));
  }
  if (*scan == Scan::kTruncated) {
    return errors_.Fatal(Error(start_line, "truncated JSON: the object that starts here is not closed"));
  }
  const std::string_view text(in_->begin(), len);
  builder_.Begin(start_line);
  size_t offset = 0;
  const bool parsed = ParseJsonRecord(text, names_, builder_, &offset);
  if (parsed && builder_.Commit(out)) {
    in_->Consume(len);
    line_ += newlines_;
    return Status::Ok();
  }
  RecordError e = builder_.TakeError();
  if (!parsed) {
    for (size_t i = 0; i < offset && i < text.size(); ++i) e.line += text[i] == '\n';
  }
  const bool ends_line = text.back() == '\n';
  in_->Consume(len);
  line_ += newlines_;
  if (!parsed && in_array) return errors_.Fatal(e);  // no safe place to resume in a list
  JINCAI_RETURN_IF_ERROR(errors_.Record(e));
  if (!parsed && !ends_line) {
    auto st = SkipLine();  // resynchronise on the next line
    if (!st.ok()) return errors_.FatalStatus(st);
  }
  return Status::Ok();
}

Result<int32_t> JsonDossierReader::Next(Batch& out, int32_t max_rows) {
  if (!errors_.failed().ok()) return errors_.failed();
  out.Reset(layout_);
  while (out.rows < max_rows) {
    auto peek = Peek();
    if (!peek.ok()) return errors_.FatalStatus(peek.status());
    const int c = *peek;
    if (c < 0) {
      if (state_ == State::kArrayFirst || state_ == State::kArrayAfter || state_ == State::kArrayElem) {
        return errors_.Fatal(Error(array_line_, "truncated JSON: the list that starts here is not closed"));
      }
      break;
    }
    const char ch = static_cast<char>(c);
    bool in_array = true;
    switch (state_) {
      case State::kStart:
        if (ch == '[') {
          in_->Consume(1);
          array_line_ = line_;
          state_ = State::kArrayFirst;
          continue;
        }
        if (ch != '{') {
          return errors_.Fatal(Error(line_, "expected a JSON object or a list of objects, got " +
                                                DescribeByte(ch)));
        }
        state_ = State::kSeq;
        in_array = false;
        break;
      case State::kSeq:
        in_array = false;
        if (ch != '{') {
          JINCAI_RETURN_IF_ERROR(errors_.Record(Error(line_, "expected a JSON object, got " + DescribeByte(ch))));
          auto st = SkipLine();
          if (!st.ok()) return errors_.FatalStatus(st);
          continue;
        }
        break;
      case State::kArrayFirst:
        if (ch == ']') {
          in_->Consume(1);
          state_ = State::kArrayEnd;
          continue;
        }
        [[fallthrough]];
      case State::kArrayElem:
        if (ch != '{') {
          return errors_.Fatal(Error(line_, "expected a JSON object in the list, got " + DescribeByte(ch)));
        }
        state_ = State::kArrayAfter;
        break;
      case State::kArrayAfter:
        in_->Consume(1);
        if (ch == ',') {
          state_ = State::kArrayElem;
        } else if (ch == ']') {
          state_ = State::kArrayEnd;
        } else {
          return errors_.Fatal(Error(line_, "expected ',' or ']' after an element of the list, got " +
                                                DescribeByte(ch)));
        }
        continue;
      case State::kArrayEnd:
        return errors_.Fatal(Error(line_, "unexpected " + DescribeByte(ch) + " after the end of the list"));
    }
    JINCAI_RETURN_IF_ERROR(ReadObject(out, in_array));
  }
  return out.rows;
}

}  // namespace

std::string DescribeByte(char c) {
  const auto b = static_cast<unsigned char>(c);
  if (b >= 0x21 && b < 0x7F) return std::string("'") + c + "'";
  char buf[16];
  std::snprintf(buf, sizeof buf, "byte 0x%02X", b);
  return buf;
}

std::unique_ptr<DossierReader> MakeJsonReader(std::unique_ptr<InputBuffer> in,
                                              const BatchLayout& layout, StringPool& pool,
                                              ReaderOptions options) {
  return std::make_unique<JsonDossierReader>(std::move(in), layout, pool, std::move(options));
}

}  // namespace jincai::policy::io
