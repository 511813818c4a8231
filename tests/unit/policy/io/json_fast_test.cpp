// The fast JSON record parser must agree exactly with nlohmann's: same rows, same errors,
// on valid records, tricky ones, and many random corruptions of a valid one.
#include "policy/io/json_fast.h"

#include <gtest/gtest.h>

#include <random>

#include "policy/io/json_record.h"
#include "test_policy.h"

namespace jincai::policy::io {
namespace {

// Everything a parse produced: the error or the row's values.
std::string Outcome(std::string_view text, bool use_fast, const BatchLayout& layout, StringPool& pool) {
  RecordBuilder b(layout, pool);
  const JsonNames names = JsonNames::For(layout);
  Batch out;
  out.Reset(layout);
  b.Begin(1);
  size_t offset = 0;
  const bool parsed = ParseJsonRecord(text, names, b, &offset, use_fast);
  if (!parsed || !b.Commit(out)) {
    return "error@" + std::to_string(parsed ? 0 : offset) + ": " + b.TakeError().Render();
  }
  std::string row = "id=" + out.ids[0];
  for (const auto& col : out.scalars) row += " " + std::to_string(col[0]);
  for (const auto& list : out.lists) {
    row += " [";
    for (const auto& col : list.elements) {
      for (int64_t v : col) row += std::to_string(v) + ",";
      row += ";";
    }
    row += "]";
  }
  return row;
}

class JsonFastTest : public ::testing::Test {
 protected:
  JsonFastTest() : policy_(testing::TestPolicy()), layout_(BatchLayout::For(policy_)) {}
  void ExpectSame(const std::string& text) {
    // One pool for both runs: string ids then compare equal.
    const std::string slow = Outcome(text, false, layout_, pool_);
    const std::string fast = Outcome(text, true, layout_, pool_);
    ASSERT_EQ(fast, slow) << text;
  }
  PolicyDocument policy_;
  BatchLayout layout_;
  StringPool pool_;
};

const char kValid[] =
    R"({"id": "t1", "name": "Wang \"Jr\" \u5f20\ud83d\ude00\/\b\f\n\r\t\\", "birth_date": "1980-06-15",)"
    R"( "papers": 12.5, "salary": 120000.50, "overseas": true, "education": "master",)"
    R"( "honors": ["academician"], "awards": [{"level": "national", "rank": 1e0}, {"rank": 2, "level": "municipal"}],)"
    R"( "spouse": {"present": false}, "children": [{"birth_date": "2012-09-01", "school_stage": "primary"}]})";

TEST_F(JsonFastTest, AgreesOnValidAndTrickyRecords) {
  const std::string cases[] = {
      kValid,
      "\n\t {\"id\":\"a\",\"name\":\"n\",\"birth_date\":\"1980-01-01\",\"salary\":1,\"children\":[]} \r\n",
      R"({"id": "a", "name": "\u00e9\u0000x", "birth_date": "1980-01-01", "salary": 0.29, "children": []})",
      R"({"id": "a", "name": "n", "birth_date": "1980-01-01", "salary": -0, "children": []})",
      R"({"id": "a", "name": "n", "birth_date": "1980-01-01", "salary": 1E+2, "papers": 0.5e-1, "children": []})",
      R"({"id": "a", "name": "n", "birth_date": "1980-01-01", "salary": 1e999, "children": []})",
      R"({"id": "a", "name": "n", "birth_date": "1980-01-01", "salary": 123456789012345678901234567890, "children": []})",
      R"({"id": "a", "name": "\ud800", "birth_date": "1980-01-01", "salary": 1, "children": []})",
      R"({"id": "a", "name": "\udc00\ud800", "birth_date": "1980-01-01", "salary": 1, "children": []})",
      R"({"id": "a", "name": "\x", "birth_date": "1980-01-01", "salary": 1, "children": []})",
      R"({"id": "a", "name": "n", "birth_date": "1980-01-01", "salary": 01, "children": []})",
      R"({"id": "a", "name": "n", "birth_date": "1980-01-01", "salary": 1., "children": []})",
      R"({"id": "a", "name": "n", "birth_date": "1980-01-01", "salary": .1, "children": []})",
      R"({"id": "a", "name": "n", "birth_date": "1980-01-01", "salary": +1, "children": []})",
      R"({"id": "a", "name": "n", "birth_date": "1980-01-01", "salary": 1, "children": [],})",
      R"({"id": "a", "name": "n", "birth_date": "1980-01-01", "salary": 1, "children": [,]})",
      R"({"id": "a" "name": "n"})",
      R"({"id": "a", "name": nul, "birth_date": "1980-01-01", "salary": 1, "children": []})",
      R"({"id": "a", "name": null, "birth_date": "1980-01-01", "salary": 1, "children": []})",
      R"({"id": "a", "name": "n", "birth_date": "1980-01-01", "salary": 1, "children": [], "x": {"y": [1, {"z": []}]}})",
      R"({"id": "a", "name": "n", "birth_date": "1980-01-01", "salary": 1, "children": []} x)",
      R"({"id": "a", "name": "n", "birth_date": "1980-01-01", "salary": 1, "children": []}})",
      "{\"id\": \"a\", \"name\": \"\xE5\xBC\xA0\", \"birth_date\": \"1980-01-01\", \"salary\": 1, \"children\": []}",
      "{\"id\": \"a\", \"name\": \"\xE5\xBC\", \"birth_date\": \"1980-01-01\", \"salary\": 1, \"children\": []}",
      "{\"id\": \"a\", \"name\": \"\xC0\xAF\", \"birth_date\": \"1980-01-01\", \"salary\": 1, \"children\": []}",
      "{\"id\": \"a\", \"name\": \"tab\there\", \"birth_date\": \"1980-01-01\", \"salary\": 1, \"children\": []}",
      "{\"id\": \"a\", \"name\": \"n\"\x7F}",
      "[1, 2]",
      "5",
      "",
      "{",
      std::string(100, '[') + std::string(100, ']'),
      "{\"id\": \"a\", \"x\": " + std::string(100, '[') + std::string(100, ']') + "}",
  };
  for (const std::string& text : cases) ExpectSame(text);
}

TEST_F(JsonFastTest, AgreesOnRandomCorruptions) {
  std::mt19937 rng(12345);
  const std::string base = kValid;
  const char alphabet[] = "{}[]\",:\\u0123456789.eE+- \ntrufalsn\xC3\xA9\xFF";
  for (int i = 0; i < 20000; ++i) {
    std::string text = base;
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      const size_t pos = rng() % (text.size() + 1);
      const char c = alphabet[rng() % (sizeof(alphabet) - 1)];
      switch (rng() % 4) {
        case 0: if (pos < text.size()) text[pos] = c; break;
        case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(pos), c); break;
        case 2: if (pos < text.size()) text.erase(pos, 1); break;
        case 3: text.resize(pos); break;
      }
    }
    ExpectSame(text);
  }
}

}  // namespace
}  // namespace jincai::policy::io
