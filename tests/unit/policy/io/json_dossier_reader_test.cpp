// Tests of the JSON dossier reader over files: one object, a list, JSON Lines; line
// numbers; structural errors; skip_invalid; the record size limit; batching.
#include <sys/resource.h>

#include <fstream>

#include "reader_test_util.h"

namespace jincai::policy {
namespace {

using testing::ReadOutcome;
using testing::TempFile;

std::string Rec(const std::string& id, const std::string& extra = "") {
  return R"({"id": ")" + id + R"(", "name": "n", "birth_date": "1980-01-01", "salary": 1, "children": [])" +
         (extra.empty() ? "" : ", " + extra) + "}";
}

class JsonReaderTest : public testing::ReaderTest {};

TEST_F(JsonReaderTest, OnePrettyPrintedObject) {
  const ReadOutcome r = Read("\n{\n  \"id\": \"a\",\n  \"name\": \"n\",\n  \"birth_date\": \"1980-01-01\",\n"
                             "  \"salary\": 1,\n  \"children\": []\n}\n",
                             ".json");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.ids, (std::vector<std::string>{"a"}));
  EXPECT_EQ(r.lines, (std::vector<int64_t>{2}));
}

TEST_F(JsonReaderTest, AListOfObjects) {
  const ReadOutcome r = Read("[\n  " + Rec("a") + ",\n  " + Rec("b") + "\n  ,\n" + Rec("c") + "\n]\n", ".json");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.ids, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(r.lines, (std::vector<int64_t>{2, 3, 5}));
}

TEST_F(JsonReaderTest, JsonLines) {
  const ReadOutcome r = Read(Rec("a") + "\n" + Rec("b") + "\r\n\n" + Rec("c"), ".jsonl");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.ids, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(r.lines, (std::vector<int64_t>{1, 2, 4}));
}

TEST_F(JsonReaderTest, EmptyInputsAreNoRecords) {
  for (const char* text : {"", "  \n\n ", "[]", " [ \n ] \n", "\xEF\xBB\xBF"}) {
    const ReadOutcome r = Read(text, ".json");
    EXPECT_EQ(r.error, "") << text;
    EXPECT_TRUE(r.ids.empty()) << text;
  }
}

TEST_F(JsonReaderTest, ByteOrderMarkIsSkipped) {
  const ReadOutcome r = Read("\xEF\xBB\xBF" + Rec("a") + "\n", ".json");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.ids, (std::vector<std::string>{"a"}));
}

TEST_F(JsonReaderTest, BatchesHoldAtMostMaxRows) {
  std::string text;
  for (int i = 0; i < 5; ++i) text += Rec("r" + std::to_string(i)) + "\n";
  TempFile file(text, ".jsonl");
  auto reader = DossierReader::Open(file.path(), layout_, pool_, {});
  ASSERT_TRUE(reader.ok());
  std::vector<int32_t> sizes;
  for (;;) {
    auto n = (*reader)->Next(batch_, 2);
    ASSERT_TRUE(n.ok());
    sizes.push_back(*n);
    if (*n == 0) break;
  }
  EXPECT_EQ(sizes, (std::vector<int32_t>{2, 2, 1, 0}));
  EXPECT_EQ(batch_.rows, 0);
}

TEST_F(JsonReaderTest, FieldErrorStopsTheRunAndIsSticky) {
  TempFile file(Rec("a") + "\n" + Rec("b", R"("papers": "x")") + "\n" + Rec("c") + "\n", ".jsonl");
  auto reader = DossierReader::Open(file.path(), layout_, pool_, {});
  ASSERT_TRUE(reader.ok());
  auto n = (*reader)->Next(batch_, 100);
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(n.status().message(), R"(line 2 (id b): field 'papers': expected a number, got "x")");
  auto again = (*reader)->Next(batch_, 100);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().message(), n.status().message());
}

TEST_F(JsonReaderTest, SkipInvalidReportsAndGoesOn) {
  const std::string text = Rec("a") + "\n" + Rec("b", R"("papers": "x")") + "\n" +
                           R"({"id": "c", "papers" 1})" + "\n" +
                           "not json\n" +
                           Rec("d", R"("honors": [1})") + "\n" +
                           "{\"id\": \"e\", \"name\": \"raw\nnewline\"}\n" +
                           Rec("f") + " trailing\n" +
                           Rec("g") + "\n";
  const ReadOutcome r = Read(text, ".jsonl", Skip());
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.ids, (std::vector<std::string>{"a", "f", "g"}));
  EXPECT_EQ(r.lines, (std::vector<int64_t>{1, 8, 9}));
  EXPECT_EQ(r.records_skipped, 7);
  ASSERT_EQ(r.skipped.size(), 7u);
  EXPECT_EQ(r.skipped[0], R"(line 2 (id b): field 'papers': expected a number, got "x")");
  EXPECT_EQ(r.skipped[1], "line 3 (id c): invalid JSON: syntax error while parsing object separator - "
                          "unexpected number literal; expected ':'");
  EXPECT_EQ(r.skipped[2], "line 4: expected a JSON object, got 'n'");
  EXPECT_EQ(r.skipped[3], "line 5 (id d): invalid JSON: syntax error while parsing array - "
                          "unexpected '}'; expected ']'");
  EXPECT_EQ(r.skipped[4], "line 6 (id e): invalid JSON: syntax error while parsing value - invalid string: "
                          "control character U+000A (LF) must be escaped to \\u000A or \\n; last read: "
                          "'\"raw<U+000A>'");
  // The raw line break ended record e; the rest of it is a line of its own.
  EXPECT_EQ(r.skipped[5], "line 7: expected a JSON object, got 'n'");
  EXPECT_EQ(r.skipped[6], "line 8: expected a JSON object, got 't'");
}

TEST_F(JsonReaderTest, StructuralErrors) {
  struct Case {
    std::string text;
    const char* expected;
  };
  const Case cases[] = {
      {Rec("a") + "\n{\"id\": \"b\",\n \"name\": ", "line 2: truncated JSON: the object that starts here is not closed"},
      {"[\n" + Rec("a") + ",\n", "line 1: truncated JSON: the list that starts here is not closed"},
      {"[\n" + Rec("a"), "line 1: truncated JSON: the list that starts here is not closed"},
      {"id,name\n1,2\n", "line 1: expected a JSON object or a list of objects, got 'i'"},
      {"\n\n\"text\"", "line 3: expected a JSON object or a list of objects, got '\"'"},
      {"[1]", "line 1: expected a JSON object in the list, got '1'"},
      {"[" + Rec("a") + ",\n 2]", "line 2: expected a JSON object in the list, got '2'"},
      {"[" + Rec("a") + "\n" + Rec("b") + "]", "line 2: expected ',' or ']' after an element of the list, got '{'"},
      {"[" + Rec("a") + "]\n" + Rec("b"), "line 2: unexpected '{' after the end of the list"},
      {"[]\x01", "line 1: unexpected byte 0x01 after the end of the list"},
      // In a list a syntax error stops the run even with skip_invalid: there is no safe
      // place to resume.
      {"[\n" + Rec("a") + ",\n{\"id\": \"b\", 5}\n]", "line 3 (id b): invalid JSON: syntax error while parsing "
                                                        "object key - unexpected number literal; expected string literal"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Read(c.text, ".json", Skip()).error, c.expected) << c.text;
  }
  // Bad UTF-8 in a string names the line.
  EXPECT_EQ(Read(Rec("a") + "\n" + Rec("b", "\"name\": \"\xFF\"") + "\n", ".json").error,
            "line 2 (id b): invalid JSON: syntax error while parsing value - invalid string: "
            "ill-formed UTF-8 byte; last read: '\"\\xFF'");
}

TEST_F(JsonReaderTest, FieldErrorsInsideAListCanBeSkipped) {
  const ReadOutcome r = Read("[\n" + Rec("a", R"("papers": -1)") + ",\n" + Rec("b") + "]", ".json", Skip());
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.ids, (std::vector<std::string>{"b"}));
  EXPECT_EQ(r.skipped, (std::vector<std::string>{"line 2 (id a): field 'papers': -1 is below the minimum 0"}));
}

TEST_F(JsonReaderTest, LongRecordIsAnError) {
  ReaderOptions options;
  options.max_record_bytes = 200;
  const std::string big = Rec("big", "\"name2\": \"" + std::string(300, 'x') + "\"");
  const std::string text = Rec("a") + "\n" + Rec("b") + "\n" + big + "\n" + Rec("c") + "\n";
  EXPECT_EQ(Read(text, ".jsonl", options).error, "line 3: record is longer than 200 bytes");
  options.skip_invalid = true;
  const ReadOutcome r = Read(text, ".jsonl", options);
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.ids, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(r.lines, (std::vector<int64_t>{1, 2, 4}));
  EXPECT_EQ(r.skipped, (std::vector<std::string>{"line 3: record is longer than 200 bytes"}));
}

// Peak resident memory, in kilobytes.
long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// Writes `count` bytes of `fill` in small pieces, so the test itself holds no big buffer.
void WriteFill(std::ofstream& out, char fill, size_t count) {
  const std::string chunk(1 << 16, fill);
  while (count > 0) {
    const size_t n = std::min(count, chunk.size());
    out.write(chunk.data(), static_cast<std::streamsize>(n));
    count -= n;
  }
}

TEST_F(JsonReaderTest, AHugeLineIsNeverHeldWhole) {
  const std::string path = TempFile("", ".jsonl").path() + ".huge";
  {
    std::ofstream out(path, std::ios::binary);
    out << Rec("a") << "\n{\"id\": \"huge\", \"name\": \"";
    WriteFill(out, 'x', size_t{96} << 20);  // a 96 MB line
    out << "\"}\n" << Rec("b") << "\n[1,\n";
    WriteFill(out, ' ', size_t{40} << 20);  // a 40 MB array line, not an object
    out << "]\n" << Rec("c") << "\n";
  }
  const long before = PeakRssKb();
  ReaderOptions options;
  options.skip_invalid = true;
  const ReadOutcome r = ReadFile(path, options);
  std::remove(path.c_str());
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.ids, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(r.lines, (std::vector<int64_t>{1, 3, 6}));
  ASSERT_GE(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0], "line 2: record is longer than 1048576 bytes");
  EXPECT_EQ(r.skipped[1], "line 4: expected a JSON object, got '['");
  EXPECT_LT(PeakRssKb() - before, 16 * 1024) << "the reader held a huge line in memory";
}

TEST_F(JsonReaderTest, RecordsAcrossReadBlocks) {
  std::string text;
  const int n = 30000;  // ~3 MB: several 1 MB reads, records cut at block edges
  for (int i = 0; i < n; ++i) {
    text += Rec("r" + std::to_string(i), R"("honors": ["academician"], "awards": [{"level": "national", "rank": 2}])") + "\n";
  }
  const ReadOutcome r = Read(text, ".jsonl", {}, 4096);
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.ids.size(), static_cast<size_t>(n));
  EXPECT_EQ(r.ids.back(), "r29999");
  EXPECT_EQ(r.lines.back(), n);
}

TEST_F(JsonReaderTest, EscapesAndBracketsInStringsAtEveryOffset) {
  // Escaped quotes and backslashes, and brackets inside strings, at every position
  // relative to the scanner's 16-byte steps.
  std::string text;
  std::vector<std::string> names;
  for (int k = 0; k < 48; ++k) {
    const std::string pad(static_cast<size_t>(k), 'a');
    const std::string raw = pad + "\\\"}]{[\\\\" + pad + "\\\\\\\"x";
    names.push_back(pad + "\"}]{[\\" + pad + "\\\"x");
    text += R"({"id": "r)" + std::to_string(k) + R"(", "name": ")" + raw +
            R"(", "birth_date": "1980-01-01", "salary": 1, "children": [{"birth_date": "2015-01-01"}]})" + "\n";
  }
  TempFile file(text, ".jsonl");
  auto reader = DossierReader::Open(file.path(), layout_, pool_, {});
  ASSERT_TRUE(reader.ok());
  auto n = (*reader)->Next(batch_, 1000);
  ASSERT_TRUE(n.ok()) << n.status().message();
  ASSERT_EQ(*n, 48);
  for (int k = 0; k < 48; ++k) {
    EXPECT_EQ(pool_.Get(batch_.scalars[s_.name][k]), names[k]) << k;
    EXPECT_EQ(batch_.lines[k], k + 1);
  }
}

}  // namespace
}  // namespace jincai::policy
