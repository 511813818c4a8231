// RFC 4180 scanning for the CSV dossier reader: where a row ends (quoted cells may hold
// line breaks) and how a row splits into cells, over bytes already in memory. Rows
// without quotes take a fast path (16 bytes at a time for commas).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jincai::policy::io::csv {

// Row-end scanner, resumable across reads: a '"' opens a quoted field only at the start
// of a field; inside one, "" is a quote and a line break is part of the cell. Misplaced
// quotes are left for SplitRow to report.
struct Scan {
  enum State : uint8_t { kFieldStart, kUnquoted, kQuoted, kQuoteSeen } state = kFieldStart;
  // Scans [p, end); returns the '\n' that ends the row, or nullptr. Counts inner breaks.
  const char* Run(const char* p, const char* end, int64_t* inner);
};

// The row end for a row whose quotes are well formed (each quoted field starts a field
// and its closing quote ends it), jumping from quote to quote. Returns false when a quote
// is misplaced, for Scan to decide. *nl is null when the row does not end in [b, end);
// *scan then says whether it stopped inside quotes.
bool QuotedRowEnd(const char* b, const char* end, const char** nl, int64_t* inner, Scan* scan);

// Splits one row (without its line break) into *cells. Cells of quoted fields with ""
// are unescaped into *scratch (reserved here, so the views stay valid). On a quoting
// error returns false with *message and the 0-based *column.
bool SplitRow(std::string_view row, bool has_quotes, std::vector<std::string_view>* cells,
              std::string* scratch, std::string* message, size_t* column);

}  // namespace jincai::policy::io::csv
