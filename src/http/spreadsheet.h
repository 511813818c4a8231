// Tables for download: CSV (RFC 4180) and Excel workbooks (libxlsxwriter), one sheet
// per table. Cells that read as plain decimal numbers are written as numbers; in CSV,
// text that a spreadsheet would take for a formula is prefixed with an apostrophe.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"

namespace jincai::http {

struct Sheet {
  std::string name;                              // at most 31 characters
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

std::string CsvOf(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows);
// The workbook's bytes. Io when the temporary file cannot be written.
Result<std::string> XlsxOf(const std::vector<Sheet>& sheets);

}  // namespace jincai::http
