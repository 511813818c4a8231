// Tests of the CSV dossier reader: RFC 4180 quoting, flattened record columns, '|' and
// ':' list cells, defaults for empty cells, header and row errors, skip_invalid, the
// record size limit, and reading across block boundaries.
#include <sys/resource.h>

#include <fstream>

#include "reader_test_util.h"

namespace jincai::policy {
namespace {

using testing::ReadOutcome;
using testing::TempFile;

const std::string kHeader =
    "id,name,birth_date,papers,salary,overseas,education,honors,awards,spouse.present,"
    "spouse.employed,children\n";
const std::string kRow =
    "t1,Wang,1980-06-15,3,12000.50,true,master,academician|national_talent_program,"
    "national:1|provincial:2,true,false,2012-09-01:primary|2020-01-01\n";

class CsvReaderTest : public testing::ReaderTest {
 protected:
  // The row's cells with cell `index` replaced by `value`.
  static std::string RowWith(size_t index, const std::string& value, const std::string& id = "t1") {
    std::vector<std::string> cells;
    std::string row = kRow.substr(0, kRow.size() - 1);
    size_t start = 0;
    for (;;) {
      const size_t comma = row.find(',', start);
      cells.push_back(row.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    cells[0] = id;
    cells[index] = value;
    std::string out;
    for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + cells[i];
    return out + "\n";
  }
  // The rendered error of a file with the header and the one row.
  std::string RowError(size_t index, const std::string& value) {
    return Read(kHeader + RowWith(index, value), ".csv").error;
  }
};

TEST_F(CsvReaderTest, ARowEncodesEveryKind) {
  const ReadOutcome r = Read(kHeader + kRow, ".csv");
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(batch_.rows, 0);  // the last Next() returned 0 rows; read again to inspect
  TempFile file(kHeader + kRow, ".csv");
  auto reader = DossierReader::Open(file.path(), layout_, pool_, {});
  ASSERT_TRUE(reader.ok());
  ASSERT_EQ(*(*reader)->Next(batch_, 10), 1);
  EXPECT_EQ(batch_.ids[0], "t1");
  EXPECT_EQ(batch_.lines[0], 2);
  EXPECT_EQ(pool_.Get(batch_.scalars[s_.name][0]), "Wang");
  EXPECT_EQ(batch_.scalars[s_.birth_date][0], *ParseDate("1980-06-15"));
  EXPECT_EQ(batch_.scalars[s_.papers][0], 3'000'000);
  EXPECT_EQ(batch_.scalars[s_.salary][0], 1'200'050);
  EXPECT_EQ(batch_.scalars[s_.overseas][0], 1);
  EXPECT_EQ(pool_.Get(batch_.scalars[s_.education][0]), "master");
  EXPECT_EQ(batch_.scalars[s_.spouse_present][0], 1);
  EXPECT_EQ(batch_.scalars[s_.spouse_employed][0], 0);
  const ListColumn& honors = batch_.lists[s_.honors];
  EXPECT_EQ(honors.offsets, (std::vector<int32_t>{0, 2}));
  EXPECT_EQ(pool_.Get(honors.elements[0][0]), "academician");
  EXPECT_EQ(pool_.Get(honors.elements[0][1]), "national_talent_program");
  const ListColumn& awards = batch_.lists[s_.awards];
  EXPECT_EQ(awards.parent, (std::vector<int32_t>{0, 0}));
  EXPECT_EQ(pool_.Get(awards.elements[0][1]), "provincial");
  EXPECT_EQ(awards.elements[1], (std::vector<int64_t>{1'000'000, 2'000'000}));
  const ListColumn& children = batch_.lists[s_.children];
  EXPECT_EQ(children.elements[0], (std::vector<int64_t>{*ParseDate("2012-09-01"), *ParseDate("2020-01-01")}));
  EXPECT_EQ(pool_.Get(children.elements[1][0]), "primary");
  EXPECT_EQ(pool_.Get(children.elements[1][1]), "none");  // field default
  EXPECT_EQ(*(*reader)->Next(batch_, 10), 0);
}

TEST_F(CsvReaderTest, ColumnsInAnyOrderAndEmptyCellsTakeDefaults) {
  TempFile file("children,salary,birth_date,name,id,papers,overseas,honors\n"
                "2015-01-01,1,1990-01-01,Li,a,,,\n"
                "2015-01-01,2,1990-01-01,Li,b,4,TRUE,\n",
                ".csv");
  auto reader = DossierReader::Open(file.path(), layout_, pool_, {});
  ASSERT_TRUE(reader.ok());
  ASSERT_EQ(*(*reader)->Next(batch_, 10), 2);
  EXPECT_EQ(batch_.ids, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(batch_.scalars[s_.papers], (std::vector<int64_t>{0, 4'000'000}));
  EXPECT_EQ(batch_.scalars[s_.overseas], (std::vector<int64_t>{0, 1}));
  EXPECT_EQ(pool_.Get(batch_.scalars[s_.education][1]), "none");
  EXPECT_EQ(batch_.lists[s_.honors].offsets, (std::vector<int32_t>{0, 0, 0}));
  EXPECT_EQ(batch_.lists[s_.children].offsets, (std::vector<int32_t>{0, 1, 2}));
}

TEST_F(CsvReaderTest, QuotingFollowsRfc4180) {
  const std::string text = kHeader +
                           "\"t1\",\"Wang, Jr.\",1980-06-15,,1,,,,,,,2015-01-01\n" +
                           "t2,\"He said \"\"hi\"\"\",1980-06-15,,1,,,,,,,2015-01-01\n" +
                           "t3,\"two\nlines\",1980-06-15,,1,,,,,,,2015-01-01\n" +
                           "t4,x,1980-06-15,\"\",1,,,,,,,2015-01-01\n";
  TempFile file(text, ".csv");
  auto reader = DossierReader::Open(file.path(), layout_, pool_, {});
  ASSERT_TRUE(reader.ok());
  auto n = (*reader)->Next(batch_, 10);
  ASSERT_TRUE(n.ok()) << n.status().message();
  ASSERT_EQ(*n, 4);
  EXPECT_EQ(pool_.Get(batch_.scalars[s_.name][0]), "Wang, Jr.");
  EXPECT_EQ(pool_.Get(batch_.scalars[s_.name][1]), "He said \"hi\"");
  EXPECT_EQ(pool_.Get(batch_.scalars[s_.name][2]), "two\nlines");
  EXPECT_EQ(batch_.scalars[s_.papers][3], 0);  // "" is an empty cell: the default
  EXPECT_EQ(batch_.lines, (std::vector<int64_t>{2, 3, 4, 6}));
}

TEST_F(CsvReaderTest, LineEndingsBomBlankLinesAndNoFinalNewline) {
  std::string crlf = kHeader + kRow + "\n" + RowWith(0, "t2") + "\n\n";
  for (size_t p = 0; (p = crlf.find('\n', p)) != std::string::npos; p += 2) crlf.replace(p, 1, "\r\n");
  std::string last = RowWith(0, "t3");
  last.pop_back();
  const ReadOutcome r = Read("\xEF\xBB\xBF" + crlf + last, ".csv");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.ids, (std::vector<std::string>{"t1", "t2", "t3"}));
  EXPECT_EQ(r.lines, (std::vector<int64_t>{2, 4, 7}));
}

TEST_F(CsvReaderTest, EmptyInputAndHeaderOnly) {
  EXPECT_EQ(Read("", ".csv").error, "");
  EXPECT_TRUE(Read("", ".csv").ids.empty());
  EXPECT_EQ(Read("\n\n", ".csv").error, "");
  const ReadOutcome r = Read(kHeader, ".csv");
  EXPECT_EQ(r.error, "");
  EXPECT_TRUE(r.ids.empty());
}

TEST_F(CsvReaderTest, HeaderErrors) {
  struct Case {
    std::string text;
    const char* expected;
  };
  const Case cases[] = {
      {"id,name,foo\n", "line 1: unknown field 'foo' (the policy declares no such input)"},
      {"id,spouse\n",
       "line 1: unknown field 'spouse' (a record: give its fields as columns 'spouse.present', "
       "'spouse.employed')"},
      {"id,name,name\n", "line 1: column 'name' appears twice"},
      {"id,id\n", "line 1: column 'id' appears twice"},
      {"id,honors,honors\n", "line 1: column 'honors' appears twice"},
      {"name,birth_date,salary,children\n", "line 1: field 'id' is missing (the header has no such column)"},
      {"id,birth_date,salary,children\n",
       "line 1: field 'name' is missing (the header has no such column and the input has no default)"},
      {"id,name,birth_date,salary\n",
       "line 1: field 'children' is missing (the header has no such column and the input has no default)"},
      {"\n\nid,\"na\"me\n", "line 3: header column 2: unexpected text after a closing quote (a quote inside a "
                            "quoted field is written \"\")"},
      {"id,\"name\n", "line 1: unterminated quoted field (the quote is never closed)"},
      {"id,na\"me\n", "line 1: header column 2: a quote '\"' inside an unquoted field (quote the whole field)"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Read(c.text, ".csv", Skip()).error, c.expected) << c.text;
  }
  ReaderOptions small;
  small.max_record_bytes = 16;
  EXPECT_EQ(Read(kHeader + kRow, ".csv", small).error, "line 1: header is longer than 16 bytes");
}

TEST_F(CsvReaderTest, FieldErrors) {
  // Cells: 0 id, 1 name, 2 birth_date, 3 papers, 4 salary, 5 overseas, 6 education,
  // 7 honors, 8 awards, 9 spouse.present, 10 spouse.employed, 11 children.
  struct Case {
    size_t index;
    std::string value;
    const char* expected;
  };
  const Case cases[] = {
      {3, "x", R"(line 2 (id t1): field 'papers': expected a number, got "x")"},
      {3, "1,5", "line 2 (id t1): expected 12 fields (as in the header), got 13"},
      {3, "1.0000001", R"(line 2 (id t1): field 'papers': expected a number with at most 6 decimals, got "1.0000001")"},
      {3, "1e40", R"(line 2 (id t1): field 'papers': number out of range: "1e40")"},
      {3, "-2", "line 2 (id t1): field 'papers': -2 is below the minimum 0"},
      {4, "12000.505", R"(line 2 (id t1): field 'salary': expected an amount in yuan with at most 2 decimals, got "12000.505")"},
      {4, "¥12000", R"(line 2 (id t1): field 'salary': expected an amount in yuan, got "¥12000")"},
      {4, "1e30", R"(line 2 (id t1): field 'salary': amount out of range: "1e30")"},
      {4, "-0.01", "line 2 (id t1): field 'salary': -0.01 is below the minimum 0.00"},
      {5, "yes", R"(line 2 (id t1): field 'overseas': expected true or false, got "yes")"},
      {2, "1980-02-30", R"(line 2 (id t1): field 'birth_date': no such date: "1980-02-30" (expected a real day, years 1000 to 9999))"},
      {2, "0980-01-01", R"(line 2 (id t1): field 'birth_date': no such date: "0980-01-01" (expected a real day, years 1000 to 9999))"},
      {2, "1980/01/01", R"(line 2 (id t1): field 'birth_date': expected a date "YYYY-MM-DD", got "1980/01/01")"},
      {2, "", "line 2 (id t1): field 'birth_date' is missing"},
      {6, "phd", R"(line 2 (id t1): field 'education': "phd" is not one of the allowed values: none, bachelor, master, doctorate)"},
      {7, "academician|nobel", R"(line 2 (id t1): field 'honors[1]': "nobel" is not one of the allowed values: academician, national_talent_program, provincial_talent_program)"},
      {7, "academician||national_talent_program", "line 2 (id t1): field 'honors[1]': empty element (elements are separated by '|')"},
      {8, "national:1|provincial:x", R"(line 2 (id t1): field 'awards[1].rank': expected a number, got "x")"},
      {8, "national:1|world:1", R"(line 2 (id t1): field 'awards[1].level': "world" is not one of the allowed values: national, provincial, municipal)"},
      {8, "national:1:2011", R"(line 2 (id t1): field 'awards[0]': expected at most 2 values separated by ':' (level:rank), got "national:1:2011")"},
      {8, "national", "line 2 (id t1): field 'awards[0].rank' is missing"},
      {8, "national:5", "line 2 (id t1): field 'awards[0].rank': 5 is above the maximum 3"},
      {9, "1", R"(line 2 (id t1): field 'spouse.present': expected true or false, got "1")"},
      {11, ":primary", "line 2 (id t1): field 'children[0].birth_date' is missing"},
      {11, "", "line 2 (id t1): field 'children' is missing"},
      {1, "", "line 2 (id t1): field 'name' is missing"},
      {1, "\xFF\xFE", R"(line 2 (id t1): field 'name': invalid UTF-8 in "\xFF\xFE")"},
      {1, "a\"b", "line 2 (id t1): field 'name': a quote '\"' inside an unquoted field (quote the whole field)"},
      {1, "\"a\"b", "line 2 (id t1): field 'name': unexpected text after a closing quote (a quote inside a quoted field "
                    "is written \"\")"},
      {0, "", "line 2: field 'id' is missing"},
      {0, "\xC0\xAF", R"(line 2 (id \xC0\xAF): field 'id': invalid UTF-8 in "\xC0\xAF")"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(RowError(c.index, c.value), c.expected) << c.index << " " << c.value;
  }
  EXPECT_EQ(Read(kHeader + "t1,\"Wang\n", ".csv").error,
            "line 2: unterminated quoted field (the quote is never closed)");
}

TEST_F(CsvReaderTest, SkipInvalidReportsAndGoesOn) {
  const std::string text = kHeader + RowWith(0, "a") + RowWith(3, "x", "b") + "c,short\n" +
                           RowWith(1, "\"q\"x", "d") + RowWith(0, "e");
  const ReadOutcome r = Read(text, ".csv", Skip());
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.ids, (std::vector<std::string>{"a", "e"}));
  EXPECT_EQ(r.lines, (std::vector<int64_t>{2, 6}));
  EXPECT_EQ(r.records_skipped, 3);
  EXPECT_EQ(r.skipped,
            (std::vector<std::string>{
                R"(line 3 (id b): field 'papers': expected a number, got "x")",
                "line 4 (id c): expected 12 fields (as in the header), got 2",
                "line 5 (id d): field 'name': unexpected text after a closing quote (a quote inside a quoted field is written \"\")",
            }));
  // Unterminated quotes leave no row boundary to resume at: fatal even when skipping.
  EXPECT_EQ(Read(kHeader + RowWith(0, "a") + "b,\"x\n", ".csv", Skip()).error,
            "line 3: unterminated quoted field (the quote is never closed)");
}

TEST_F(CsvReaderTest, AnInvalidRowLeavesNothingInTheBatch) {
  // The bad value is in the last column, after lists were already parsed.
  const ReadOutcome r = Read(kHeader + RowWith(0, "a") + RowWith(11, "2012-09-01|bad", "b") + RowWith(0, "c"),
                             ".csv", Skip());
  EXPECT_EQ(r.ids, (std::vector<std::string>{"a", "c"}));
  TempFile file(kHeader + RowWith(0, "a") + RowWith(11, "2012-09-01|bad", "b") + RowWith(0, "c"), ".csv");
  ReaderOptions options = Skip();
  auto reader = DossierReader::Open(file.path(), layout_, pool_, options);
  ASSERT_TRUE(reader.ok());
  ASSERT_EQ(*(*reader)->Next(batch_, 10), 2);
  EXPECT_EQ(batch_.lists[s_.honors].offsets, (std::vector<int32_t>{0, 2, 4}));
  EXPECT_EQ(batch_.lists[s_.honors].parent, (std::vector<int32_t>{0, 0, 1, 1}));
  EXPECT_EQ(batch_.lists[s_.children].elements[0].size(), 4u);
  for (const auto& col : batch_.scalars) EXPECT_EQ(col.size(), 2u);
}

TEST_F(CsvReaderTest, LongRowIsAnError) {
  ReaderOptions options;
  options.max_record_bytes = 200;
  const std::string big = RowWith(1, "\"" + std::string(150, 'x') + "\n" + std::string(100, 'y') + "\"", "big");
  const std::string text = kHeader + RowWith(0, "a") + big + RowWith(0, "c");
  EXPECT_EQ(Read(text, ".csv", options).error, "line 3: record is longer than 200 bytes");
  options.skip_invalid = true;
  const ReadOutcome r = Read(text, ".csv", options);
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.ids, (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(r.lines, (std::vector<int64_t>{2, 5}));
  EXPECT_EQ(r.skipped, (std::vector<std::string>{"line 3: record is longer than 200 bytes"}));
}

long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

TEST_F(CsvReaderTest, AHugeRowIsNeverHeldWhole) {
  const std::string path = TempFile("", ".csv").path() + ".huge.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << kHeader << RowWith(0, "a") << "big,\"";
    const std::string chunk(1 << 16, 'x');
    for (int i = 0; i < 1200; ++i) out << chunk << (i % 100 == 0 ? "\n" : "");  // ~75 MB, 12 line breaks
    out << "\"\n" << RowWith(0, "c");
  }
  const long before = PeakRssKb();
  const ReadOutcome r = ReadFile(path, Skip());
  std::remove(path.c_str());
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.ids, (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(r.lines, (std::vector<int64_t>{2, 16}));
  EXPECT_EQ(r.skipped, (std::vector<std::string>{"line 3: record is longer than 1048576 bytes"}));
  EXPECT_LT(PeakRssKb() - before, 16 * 1024) << "the reader held a huge row in memory";
}

TEST_F(CsvReaderTest, ManyRowsAcrossBlocksAndBatches) {
  std::string text = kHeader;
  const int n = 25000;  // ~3.5 MB
  for (int i = 0; i < n; ++i) {
    text += RowWith(1, i % 7 == 0 ? "\"Zhang, \"\"S\"\"\"" : "Name" + std::to_string(i % 100), "r" + std::to_string(i));
  }
  const ReadOutcome r = Read(text, ".csv", {}, 1000);
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.ids.size(), static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    ASSERT_EQ(r.ids[i], "r" + std::to_string(i));
    ASSERT_EQ(r.lines[i], i + 2);
  }
}

TEST_F(CsvReaderTest, QuotedCellsAcrossBlocks) {
  // Quoted cells with escaped quotes and line breaks at every offset of the 1 MB reads.
  std::string text = kHeader;
  std::vector<int64_t> lines;
  std::vector<std::string> names;
  int64_t line = 2;
  for (int i = 0; i < 40000; ++i) {
    std::string name = "n" + std::to_string(i);
    std::string cell = name;
    if (i % 3 == 0) {
      name += "\"q\"\n" + std::string(i % 11, 'z');
      cell = "\"" + std::string("n") + std::to_string(i) + "\"\"q\"\"\n" + std::string(i % 11, 'z') + "\"";
    } else if (i % 3 == 1) {
      cell = "\"" + name + "\"";
    }
    text += RowWith(1, cell, "r" + std::to_string(i));
    names.push_back(name);
    lines.push_back(line);
    line += 1 + (i % 3 == 0);
  }
  TempFile file(text, ".csv");
  auto reader = DossierReader::Open(file.path(), layout_, pool_, {});
  ASSERT_TRUE(reader.ok());
  size_t seen = 0;
  for (;;) {
    auto n = (*reader)->Next(batch_, 777);
    ASSERT_TRUE(n.ok()) << n.status().message();
    if (*n == 0) break;
    for (int32_t r = 0; r < *n; ++r, ++seen) {
      ASSERT_EQ(batch_.ids[r], "r" + std::to_string(seen));
      ASSERT_EQ(batch_.lines[r], lines[seen]) << seen;
      ASSERT_EQ(pool_.Get(batch_.scalars[s_.name][r]), names[seen]) << seen;
    }
  }
  EXPECT_EQ(seen, names.size());
}

TEST_F(CsvReaderTest, MisplacedQuotesAreFoundInLongInputs) {
  // A stray quote must not swallow the rows after it.
  std::string text = kHeader;
  for (int i = 0; i < 20000; ++i) text += RowWith(0, "r" + std::to_string(i));
  text += RowWith(1, "x\"y", "bad") + RowWith(0, "after");
  const ReadOutcome r = Read(text, ".csv", Skip());
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.ids.size(), 20001u);
  EXPECT_EQ(r.ids.back(), "after");
  EXPECT_EQ(r.skipped, (std::vector<std::string>{
                           "line 20002 (id bad): field 'name': a quote '\"' inside an unquoted field (quote the whole field)"}));
}

}  // namespace
}  // namespace jincai::policy
