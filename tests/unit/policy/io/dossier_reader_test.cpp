// Tests of DossierReader::Open (paths, standard input, format detection) and of
// RecordError::Render, the format every reader error is shown in.
#include "policy/io/dossier_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include "reader_test_util.h"

namespace jincai::policy {
namespace {

using testing::ReadOutcome;
using testing::TempFile;

TEST(RecordError, Render) {
  RecordError e;
  e.line = 12;
  e.id = "t7";
  e.field = "awards[1].rank";
  e.message = "expected a number, got \"x\"";
  EXPECT_EQ(e.Render(), "line 12 (id t7): field 'awards[1].rank': expected a number, got \"x\"");
  e.id.clear();
  EXPECT_EQ(e.Render(), "line 12: field 'awards[1].rank': expected a number, got \"x\"");
  e.field.clear();
  e.message = "record is longer than 10 bytes";
  EXPECT_EQ(e.Render(), "line 12: record is longer than 10 bytes");
  // A message that already names the field in quotes is not prefixed again.
  e.field = "birth_date";
  e.message = "field 'birth_date' is missing";
  EXPECT_EQ(e.Render(), "line 12: field 'birth_date' is missing");
}

const char kJson[] =
    R"({"id": "j1", "name": "n", "birth_date": "1980-01-01", "salary": 1, "children": []})"
    "\n";
const char kCsv[] = "id,name,birth_date,salary,children\nc1,n,1980-01-01,1,2015-01-01\n";

class OpenTest : public testing::ReaderTest {};

TEST_F(OpenTest, MissingFileIsAnIoError) {
  auto reader = DossierReader::Open("/nonexistent/dir/d.json", layout_, pool_, {});
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), Code::kIo);
  EXPECT_EQ(reader.status().message(), "cannot open '/nonexistent/dir/d.json': No such file or directory");
}

TEST_F(OpenTest, ReadFailureIsAnIoError) {
  // Sniffing the format reads the input, so the failure shows at Open...
  auto sniffed = DossierReader::Open("/tmp", layout_, pool_, {});
  ASSERT_FALSE(sniffed.ok());
  EXPECT_EQ(sniffed.status().code(), Code::kIo);
  EXPECT_EQ(sniffed.status().message(), "cannot read '/tmp': Is a directory");
  // ...and with a known format, at the first Next().
  for (InputFormat format : {InputFormat::kCsv, InputFormat::kJson}) {
    ReaderOptions options;
    options.format = format;
    auto reader = DossierReader::Open("/tmp", layout_, pool_, options);
    ASSERT_TRUE(reader.ok());
    auto n = (*reader)->Next(batch_, 10);
    ASSERT_FALSE(n.ok());
    EXPECT_EQ(n.status().code(), Code::kIo);
    EXPECT_EQ(n.status().message(), "cannot read '/tmp': Is a directory");
  }
}

TEST_F(OpenTest, FormatByExtensionThenByFirstByte) {
  EXPECT_EQ(Read(kJson, ".json").ids, (std::vector<std::string>{"j1"}));
  EXPECT_EQ(Read(kJson, ".jsonl").ids, (std::vector<std::string>{"j1"}));
  EXPECT_EQ(Read(kJson, ".NDJSON").ids, (std::vector<std::string>{"j1"}));
  EXPECT_EQ(Read(kCsv, ".csv").ids, (std::vector<std::string>{"c1"}));
  EXPECT_EQ(Read(kCsv, ".Csv").ids, (std::vector<std::string>{"c1"}));
  EXPECT_EQ(Read(std::string("\n  ") + kJson, ".txt").ids, (std::vector<std::string>{"j1"}));
  EXPECT_EQ(Read(std::string("\xEF\xBB\xBF[") + kJson + "]", "").ids, (std::vector<std::string>{"j1"}));
  EXPECT_EQ(Read(kCsv, ".dat").ids, (std::vector<std::string>{"c1"}));
  EXPECT_EQ(Read("", "").error, "");
  // An explicit format wins over the extension.
  ReaderOptions csv;
  csv.format = InputFormat::kCsv;
  EXPECT_EQ(Read(kCsv, ".json", csv).ids, (std::vector<std::string>{"c1"}));
  ReaderOptions json;
  json.format = InputFormat::kJson;
  EXPECT_EQ(Read(kCsv, ".txt", json).error, "line 1: expected a JSON object or a list of objects, got 'i'");
}

// Reads `text` through standard input ("-").
ReadOutcome ReadStdin(testing::ReaderTest& t, const std::string& text, ReaderOptions options = {}) {
  TempFile file(text, ".stdin");
  const int saved = ::dup(0);
  const int fd = ::open(file.path().c_str(), O_RDONLY);
  ::dup2(fd, 0);
  ::close(fd);
  struct Access : testing::ReaderTest {
    using testing::ReaderTest::ReadFile;
  };
  ReadOutcome r = (t.*(&Access::ReadFile))("-", options, 1000);
  ::dup2(saved, 0);
  ::close(saved);
  return r;
}

TEST_F(OpenTest, DashIsStandardInput) {
  EXPECT_EQ(ReadStdin(*this, kJson).ids, (std::vector<std::string>{"j1"}));
  EXPECT_EQ(ReadStdin(*this, kCsv).ids, (std::vector<std::string>{"c1"}));
  EXPECT_EQ(ReadStdin(*this, "").ids.size(), 0u);
}

}  // namespace
}  // namespace jincai::policy
