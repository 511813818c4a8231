// CSV and Excel output (see spreadsheet.h).
#include "http/spreadsheet.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace jincai::http {
namespace {

// "12", "-3.50": a number for the spreadsheet; codes and dates stay text.
bool IsNumber(const std::string& s, double* out) {
  if (s.empty() || s.size() > 18) return false;
  size_t i = s[0] == '-' ? 1 : 0, digits = 0, dots = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '.') ++dots;
    else if (s[i] >= '0' && s[i] <= '9') ++digits;
    else return false;
  }
  if (!digits || dots > 1 || s.back() == '.') return false;
  *out = std::strtod(s.c_str(), nullptr);
  return true;
}

// A cell as RFC 4180 writes it. Text a spreadsheet would run as a formula (=, +, -, @,
// tab, CR first) gets a leading apostrophe: the free text of a dossier must not become
// a formula on an officer's machine. Numbers such as "-3.50" stay numbers.
std::string CsvCell(const std::string& cell) {
  double ignored = 0;
  std::string s = cell;
  if (!s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos && !IsNumber(s, &ignored))
    s = "'" + s;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

void CsvLine(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += CsvCell(cells[i]);
  }
  out += "\r\n";
}


}  // namespace

std::string CsvOf(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  CsvLine(out, header);
  for (const auto& r : rows) CsvLine(out, r);
  return out;
}

Result<std::string> XlsxOf(const std::vector<Sheet>& sheets) {
  std::string path = (std::filesystem::temp_directory_path() / "jincai-xlsx-XXXXXX").string();
  int fd = ::mkstemp(path.data());
  if (fd < 0) return Status::Io("cannot create a temporary file for the workbook");
  ::close(fd);
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) {
    std::filesystem::remove(path);
    return Status::Io("cannot start the workbook");
  }
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  for (const auto& s : sheets) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, s.name.substr(0, 31).c_str());
    if (!sheet) {  // a name too long, repeated or with characters Excel refuses
      workbook_close(book);
      std::filesystem::remove(path);
      return Status::InvalidArgument("a workbook sheet may not be named '" + s.name + "'");
    }
    for (size_t c = 0; c < s.header.size(); ++c)
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), s.header[c].c_str(), bold);
    for (size_t r = 0; r < s.rows.size(); ++r)
      for (size_t c = 0; c < s.rows[r].size(); ++c) {
        double v = 0;
        const auto row = static_cast<lxw_row_t>(r + 1);
        const auto col = static_cast<lxw_col_t>(c);
        if (IsNumber(s.rows[r][c], &v)) worksheet_write_number(sheet, row, col, v, nullptr);
        else worksheet_write_string(sheet, row, col, s.rows[r][c].c_str(), nullptr);
      }
    worksheet_set_column(sheet, 0, static_cast<lxw_col_t>(s.header.empty() ? 0 : s.header.size() - 1), 22, nullptr);
  }
  const lxw_error err = workbook_close(book);
  std::string bytes;
  if (err == LXW_NO_ERROR) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream all;
    all << in.rdbuf();
    bytes = all.str();
  }
  std::filesystem::remove(path);
  if (err != LXW_NO_ERROR) return Status::Io(std::string("cannot write the workbook: ") + lxw_strerror(err));
  return bytes;
}

}  // namespace jincai::http
