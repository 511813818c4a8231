// CSV and Excel output: RFC 4180 quoting, text that would run as a formula neutralised
// with an apostrophe while numbers stay numbers, and a workbook that is a zip archive.
#include "http/spreadsheet.h"

#include <gtest/gtest.h>

namespace jincai::http {
namespace {

TEST(Spreadsheet, CsvQuotesAndNeutralisesFormulas) {
  EXPECT_EQ(CsvOf({"a", "b"}, {{"x,y", "say \"hi\""}, {"line\nbreak", "plain"}}),
            "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",plain\r\n");
  EXPECT_EQ(CsvOf({"k"}, {{"=HYPERLINK(\"http://x\")"}, {"+1+1"}, {"@SUM(A1)"}, {"-cmd"}, {"\tx"}}),
            "k\r\n\"'=HYPERLINK(\"\"http://x\"\")\"\r\n'+1+1\r\n'@SUM(A1)\r\n'-cmd\r\n'\tx\r\n");
  EXPECT_EQ(CsvOf({"n"}, {{"-3.50"}, {"12"}, {"2026-11"}}), "n\r\n-3.50\r\n12\r\n2026-11\r\n");
}

TEST(Spreadsheet, WorkbookIsAZipOfSheets) {
  auto book = XlsxOf({{"totals", {"k", "v"}, {{"talents", "23"}}}, {"claims", {"k"}, {{"=1+1"}}}});
  ASSERT_TRUE(book.ok()) << book.status().message();
  ASSERT_GT(book->size(), 100u);
  EXPECT_EQ(book->substr(0, 2), "PK");
  auto repeated = XlsxOf({{"same", {}, {}}, {"same", {}, {}}});
  EXPECT_FALSE(repeated.ok()) << "a repeated sheet name is an error, not a crash";
}

}  // namespace
}  // namespace jincai::http
