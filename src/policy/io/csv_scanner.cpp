// RFC 4180 scanning for the CSV dossier reader: row ends and cell splitting (see
// csv_scanner.h). The common row, without quotes, is split 16 bytes at a time.
#include "policy/io/csv_scanner.h"

#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace jincai::policy::io::csv {

const char* Scan::Run(const char* p, const char* end, int64_t* inner) {
  for (; p < end; ++p) {
    const char c = *p;
    switch (state) {
      case kFieldStart:
        if (c == '"') {
          state = kQuoted;
          break;
        }
        [[fallthrough]];
      case kUnquoted:
        if (c == '\n') return p;
        state = c == ',' ? kFieldStart : kUnquoted;
        break;
      case kQuoted:
        if (c == '"') state = kQuoteSeen;
        *inner += c == '\n';
        break;
      case kQuoteSeen:
        if (c == '"') {
          state = kQuoted;
          break;
        }
        if (c == '\n') return p;
        state = c == ',' ? kFieldStart : kUnquoted;
        break;
    }
  }
  return nullptr;
}

bool QuotedRowEnd(const char* b, const char* end, const char** nl, int64_t* inner, Scan* scan) {
  const char* p = b;
  for (;;) {  // outside quotes
    const char* line_end = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    const char* limit = line_end ? line_end : end;
    const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(limit - p)));
    if (!q) {
      *nl = line_end;
      scan->state = Scan::kUnquoted;
      return true;
    }
    if (q != b && q[-1] != ',') return false;  // a quote inside an unquoted field
    p = q + 1;
    for (;;) {  // inside quotes
      q = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(end - p)));
      if (!q || q + 1 == end) {  // the row goes on past what has been read
        for (; p < end; ++p) *inner += *p == '\n';
        *nl = nullptr;
        scan->state = q ? Scan::kQuoteSeen : Scan::kQuoted;
        return true;
      }
      for (; p < q; ++p) *inner += *p == '\n';
      if (q[1] == '"') {  // an escaped quote
        p = q + 2;
        continue;
      }
      if (q[1] != ',' && q[1] != '\n' && q[1] != '\r') return false;  // text after a closing quote
      p = q + 1;
      break;
    }
  }
}

bool SplitRow(std::string_view row, bool has_quotes, std::vector<std::string_view>* cells,
              std::string* scratch, std::string* message, size_t* column) {
  cells->clear();
  const char* p = row.data();
  const char* end = p + row.size();
  if (!has_quotes) {  // fast path: find commas 16 bytes at a time
    const char* start = p;
#ifdef __SSE2__
    const __m128i comma = _mm_set1_epi8(',');
    for (; end - p >= 16; p += 16) {
      unsigned mask = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), comma)));
      while (mask != 0) {
        const char* c = p + __builtin_ctz(mask);
        cells->emplace_back(start, static_cast<size_t>(c - start));
        start = c + 1;
        mask &= mask - 1;
      }
    }
#endif
    for (; p < end; ++p) {
      if (*p == ',') {
        cells->emplace_back(start, static_cast<size_t>(p - start));
        start = p + 1;
      }
    }
    cells->emplace_back(start, static_cast<size_t>(end - start));
    return true;
  }
  scratch->clear();
  scratch->reserve(row.size());
  for (;;) {
    const char* next;
    if (p < end && *p == '"') {
      const char* s = p + 1;
      const size_t start = scratch->size();
      bool copied = false;
      for (;;) {
        const char* q = static_cast<const char*>(std::memchr(s, '"', static_cast<size_t>(end - s)));
        if (!q) {  // the row finder guarantees balance; kept for safety
          *column = cells->size();
          *message = "unterminated quoted field";
          return false;
        }
        if (q + 1 < end && q[1] == '"') {
          scratch->append(s, static_cast<size_t>(q + 1 - s));
          copied = true;
          s = q + 2;
          continue;
        }
        if (copied) {
          scratch->append(s, static_cast<size_t>(q - s));
          cells->emplace_back(scratch->data() + start, scratch->size() - start);
        } else {
          cells->emplace_back(s, static_cast<size_t>(q - s));
        }
        next = q + 1;
        break;
      }
      if (next < end && *next != ',') {
        *column = cells->size() - 1;
        *message = "unexpected text after a closing quote (a quote inside a quoted field is written \"\")";
        return false;
      }
    } else {
      const char* c = static_cast<const char*>(std::memchr(p, ',', static_cast<size_t>(end - p)));
      next = c ? c : end;
      if (std::memchr(p, '"', static_cast<size_t>(next - p))) {
        *column = cells->size();
        *message = "a quote '\"' inside an unquoted field (quote the whole field)";
        return false;
      }
      cells->emplace_back(p, static_cast<size_t>(next - p));
    }
    if (next >= end) return true;
    p = next + 1;
  }
}

}  // namespace jincai::policy::io::csv
