// Tests of one JSON object -> one record (AppendJsonRecord): encodings, defaults, and
// every field-level error message the JSON reader produces.
#include <gtest/gtest.h>

#include "policy/io/dossier_reader.h"
#include "test_policy.h"

namespace jincai::policy {
namespace {

using testing::Slots;

class JsonRecordTest : public ::testing::Test {
 protected:
  JsonRecordTest() : policy_(testing::TestPolicy()), layout_(BatchLayout::For(policy_)), s_(layout_) {
    batch_.Reset(layout_);
  }

  // Appends `fields` (the inside of an object) after a valid base record's fields that
  // it does not name; returns the error message or "" on success.
  std::string Append(const std::string& object, int64_t line = 7) {
    const Status st = AppendJsonRecord(object, line, layout_, pool_, batch_);
    return st.ok() ? "" : st.message();
  }
  std::string str(int slot, int row = 0) { return pool_.Get(batch_.scalars[slot][row]); }

  static constexpr const char* kBase =
      R"("id": "t1", "name": "Wang", "birth_date": "1980-06-15", "salary": 120000.50, "children": [])";
  std::string With(const std::string& extra) { return std::string("{") + kBase + ", " + extra + "}"; }

  PolicyDocument policy_;
  BatchLayout layout_;
  Slots s_;
  StringPool pool_;
  Batch batch_;
};

TEST_F(JsonRecordTest, MinimalRecordTakesDefaults) {
  ASSERT_EQ(Append(std::string("{") + kBase + "}"), "");
  ASSERT_EQ(batch_.rows, 1);
  EXPECT_EQ(batch_.ids[0], "t1");
  EXPECT_EQ(batch_.lines[0], 7);
  EXPECT_EQ(str(s_.name), "Wang");
  EXPECT_EQ(batch_.scalars[s_.birth_date][0], *ParseDate("1980-06-15"));
  EXPECT_EQ(batch_.scalars[s_.salary][0], 12'000'050);
  EXPECT_EQ(batch_.scalars[s_.papers][0], 0);
  EXPECT_EQ(batch_.scalars[s_.overseas][0], 0);
  EXPECT_EQ(str(s_.education), "none");
  EXPECT_EQ(batch_.scalars[s_.spouse_employed][0], 0);
  EXPECT_EQ(batch_.lists[s_.honors].offsets, (std::vector<int32_t>{0, 0}));
  EXPECT_EQ(batch_.lists[s_.awards].offsets, (std::vector<int32_t>{0, 0}));
}

TEST_F(JsonRecordTest, FullRecordEncodesEveryKind) {
  ASSERT_EQ(Append(R"({"children": [{"birth_date": "2012-09-01", "school_stage": "primary"},
                      {"birth_date": "2020-01-01"}],
    "spouse": {"employed": true, "present": true}, "awards": [{"level": "national", "rank": 1},
    {"rank": 2.0, "level": "provincial"}], "honors": ["academician", "national_talent_program"],
    "education": "doctorate", "overseas": true, "salary": 1e3, "papers": 12.125,
    "birth_date": "1975-02-28", "name": "\u5f20\u4f1f", "id": "t2"})"),
            "");
  EXPECT_EQ(batch_.ids[0], "t2");
  EXPECT_EQ(str(s_.name), "张伟");
  EXPECT_EQ(batch_.scalars[s_.papers][0], 12'125'000);
  EXPECT_EQ(batch_.scalars[s_.salary][0], 100'000);
  EXPECT_EQ(batch_.scalars[s_.overseas][0], 1);
  EXPECT_EQ(str(s_.education), "doctorate");
  EXPECT_EQ(batch_.scalars[s_.spouse_present][0], 1);
  EXPECT_EQ(batch_.scalars[s_.spouse_employed][0], 1);
  const ListColumn& honors = batch_.lists[s_.honors];
  EXPECT_EQ(honors.offsets, (std::vector<int32_t>{0, 2}));
  EXPECT_EQ(honors.parent, (std::vector<int32_t>{0, 0}));
  EXPECT_EQ(pool_.Get(honors.elements[0][1]), "national_talent_program");
  const ListColumn& awards = batch_.lists[s_.awards];
  ASSERT_EQ(awards.elements.size(), 2u);
  EXPECT_EQ(pool_.Get(awards.elements[0][0]), "national");
  EXPECT_EQ(pool_.Get(awards.elements[0][1]), "provincial");
  EXPECT_EQ(awards.elements[1], (std::vector<int64_t>{1'000'000, 2'000'000}));
  const ListColumn& children = batch_.lists[s_.children];
  EXPECT_EQ(children.elements[0][1], *ParseDate("2020-01-01"));
  EXPECT_EQ(pool_.Get(children.elements[1][0]), "primary");
  EXPECT_EQ(pool_.Get(children.elements[1][1]), "none");  // element default
}

TEST_F(JsonRecordTest, MoneyIsParsedFromTheExactText) {
  // 0.29 has no exact double; the value must still be 29 fen. A double cannot hold
  // 92233720368547.58 to the fen at all.
  policy_.inputs[3].scalar.max.reset();
  ASSERT_EQ(Append(R"({"id": "m", "name": "a", "birth_date": "1980-01-01", "salary": 0.29, "children": []})"), "");
  ASSERT_EQ(Append(R"({"id": "m2", "name": "a", "birth_date": "1980-01-01", "salary": 92233720368547.58, "children": []})"), "");
  EXPECT_EQ(batch_.scalars[s_.salary][0], 29);
  EXPECT_EQ(batch_.scalars[s_.salary][1], 9'223'372'036'854'758);
}

TEST_F(JsonRecordTest, RowsAppendAfterEachOther) {
  ASSERT_EQ(Append(std::string("{") + kBase + R"(, "honors": ["academician"]})", 1), "");
  ASSERT_EQ(Append(R"({"id": "t9", "name": "b", "birth_date": "1990-01-01", "salary": 1, "children": [{"birth_date": "2015-01-01"}], "honors": ["academician", "provincial_talent_program"]})", 2), "");
  EXPECT_EQ(batch_.rows, 2);
  EXPECT_EQ(batch_.lines, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(batch_.lists[s_.honors].offsets, (std::vector<int32_t>{0, 1, 3}));
  EXPECT_EQ(batch_.lists[s_.honors].parent, (std::vector<int32_t>{0, 1, 1}));
  EXPECT_EQ(batch_.lists[s_.children].parent, (std::vector<int32_t>{1}));
}

TEST_F(JsonRecordTest, AnInvalidRecordAppendsNothing) {
  ASSERT_EQ(Append(std::string("{") + kBase + "}"), "");
  EXPECT_NE(Append(R"({"id": "t2", "name": "x", "birth_date": "1980-01-01", "salary": 5,
      "honors": ["academician"], "awards": [{"level": "national", "rank": 1}],
      "children": [{"birth_date": "2015-01-01"}], "papers": "many"})"), "");
  EXPECT_EQ(batch_.rows, 1);
  EXPECT_EQ(batch_.ids.size(), 1u);
  for (const auto& col : batch_.scalars) EXPECT_EQ(col.size(), 1u);
  for (const auto& list : batch_.lists) {
    EXPECT_EQ(list.offsets.size(), 2u);
    EXPECT_TRUE(list.parent.empty());
    for (const auto& col : list.elements) EXPECT_TRUE(col.empty());
  }
}

TEST_F(JsonRecordTest, UnshapedBatchIsShaped) {
  Batch fresh;
  ASSERT_TRUE(AppendJsonRecord(std::string("{") + kBase + "}", 1, layout_, pool_, fresh).ok());
  EXPECT_EQ(fresh.rows, 1);
  Batch other;
  other.rows = 1;
  const Status st = AppendJsonRecord(std::string("{") + kBase + "}", 1, layout_, pool_, other);
  EXPECT_EQ(st.code(), Code::kInternal);
  EXPECT_EQ(st.message(), "AppendJsonRecord: batch has another layout");
}

struct ErrorCase {
  const char* json;      // a record, or the extra fields of the base record
  const char* expected;  // the rendered error
};

TEST_F(JsonRecordTest, FieldErrorsNameLineIdAndField) {
  const ErrorCase cases[] = {
      {R"("papers": "x")", R"(line 7 (id t1): field 'papers': expected a number, got "x")"},
      {R"("papers": true)", "line 7 (id t1): field 'papers': expected a number, got true"},
      {R"("papers": null)", "line 7 (id t1): field 'papers': expected a number, got null"},
      {R"("papers": {"a": 1})", "line 7 (id t1): field 'papers': expected a number, got an object"},
      {R"("papers": [1])", "line 7 (id t1): field 'papers': expected a number, got a list"},
      {R"("papers": 0.0000001)",
       "line 7 (id t1): field 'papers': expected a number with at most 6 decimals, got 0.0000001"},
      {R"("papers": 1e20)", "line 7 (id t1): field 'papers': number out of range: 1e20"},
      {R"("papers": 99999999999999999999)",
       "line 7 (id t1): field 'papers': number out of range: 99999999999999999999"},
      {R"("papers": -1)", "line 7 (id t1): field 'papers': -1 is below the minimum 0"},
      {R"("overseas": "yes")", R"(line 7 (id t1): field 'overseas': expected true or false, got "yes")"},
      {R"("overseas": 1)", "line 7 (id t1): field 'overseas': expected true or false, got 1"},
      {R"("education": "phd")",
       R"(line 7 (id t1): field 'education': "phd" is not one of the allowed values: none, bachelor, master, doctorate)"},
      {R"("education": 3)", "line 7 (id t1): field 'education': expected a string, got 3"},
      {R"("spouse": {"present": "no"})",
       R"(line 7 (id t1): field 'spouse.present': expected true or false, got "no")"},
      {R"("spouse": true)", "line 7 (id t1): field 'spouse': expected an object, got true"},
      {R"("spouse": [true])", "line 7 (id t1): field 'spouse': expected an object, got a list"},
      {R"("spouse": {"present": true, "job": 1})",
       "line 7 (id t1): unknown field 'spouse.job' (the record 'spouse' has no such field)"},
      {R"("spouse": {"present": true, "present": false})",
       "line 7 (id t1): field 'spouse.present' appears twice"},
      {R"("spouse": {"present": true}, "spouse": {"present": true})",
       "line 7 (id t1): field 'spouse' appears twice"},
      {R"("honors": "academician")", R"(line 7 (id t1): field 'honors': expected a list, got "academician")"},
      {R"("honors": {"a": 1})", "line 7 (id t1): field 'honors': expected a list, got an object"},
      {R"("honors": ["academician", 5])", "line 7 (id t1): field 'honors[1]': expected a string, got 5"},
      {R"("honors": ["academician", ["x"]])",
       "line 7 (id t1): field 'honors[1]': expected a string, got a list"},
      {R"("honors": ["nobel"])",
       R"(line 7 (id t1): field 'honors[0]': "nobel" is not one of the allowed values: academician, national_talent_program, provincial_talent_program)"},
      {R"("honors": [], "honors": [])", "line 7 (id t1): field 'honors' appears twice"},
      {R"("awards": [{"level": "national", "rank": 1}, {"level": "national", "rank": "x"}])",
       R"(line 7 (id t1): field 'awards[1].rank': expected a number, got "x")"},
      {R"("awards": [{"level": "national", "rank": 4}])",
       "line 7 (id t1): field 'awards[0].rank': 4 is above the maximum 3"},
      {R"("awards": [{"level": "national"}])", "line 7 (id t1): field 'awards[0].rank' is missing"},
      {R"("awards": [{"level": "national", "rank": 1, "year": 2001}])",
       "line 7 (id t1): unknown field 'awards[0].year' (the elements of 'awards' have no such field)"},
      {R"("awards": [{"level": "national", "rank": 1, "rank": 2}])",
       "line 7 (id t1): field 'awards[0].rank' appears twice"},
      {R"("awards": [{"level": "national", "rank": 1}, 3])",
       "line 7 (id t1): field 'awards[1]': expected an object, got 3"},
      {R"("awards": [[1]])", "line 7 (id t1): field 'awards[0]': expected an object, got a list"},
      {R"("awards": [{"level": {"x": 1}, "rank": 1}])",
       "line 7 (id t1): field 'awards[0].level': expected a string, got an object"},
      {R"("foo": 1)", "line 7 (id t1): unknown field 'foo' (the policy declares no such input)"},
      {R"("papers": 1, "papers": 2)", "line 7 (id t1): field 'papers' appears twice"},
      {R"("salary": 0.001)", "line 7 (id t1): field 'salary' appears twice"},
  };
  for (const ErrorCase& c : cases) {
    EXPECT_EQ(Append(With(c.json)), c.expected) << c.json;
  }
}

TEST_F(JsonRecordTest, WholeRecordErrors) {
  const ErrorCase cases[] = {
      {R"({"id": "t1", "name": "a", "salary": 1, "children": []})",
       "line 7 (id t1): field 'birth_date' is missing"},
      {R"({"id": "t1", "name": "a", "birth_date": "1980-01-01", "salary": 1})",
       "line 7 (id t1): field 'children' is missing"},
      {R"({"name": "a", "birth_date": "1980-01-01", "salary": 1, "children": []})",
       "line 7: field 'id' is missing"},
      {R"({"id": 5, "name": "a", "birth_date": "1980-01-01", "salary": 1, "children": []})",
       "line 7: field 'id': expected a string, got 5"},
      {R"({"id": "", "name": "a", "birth_date": "1980-01-01", "salary": 1, "children": []})",
       "line 7: field 'id': must not be empty"},
      {R"({"id": "a", "id": "b", "name": "a", "birth_date": "1980-01-01", "salary": 1, "children": []})",
       "line 7 (id b): field 'id' appears twice"},
      // The id is found even when it comes after the bad field.
      {R"({"papers": "x", "name": "a", "birth_date": "1980-01-01", "salary": 1, "children": [], "id": "late"})",
       R"(line 7 (id late): field 'papers': expected a number, got "x")"},
      {R"({"id": "t1", "name": "a", "birth_date": "1980-02-30", "salary": 1, "children": []})",
       R"(line 7 (id t1): field 'birth_date': no such date: "1980-02-30" (expected a real day, years 1000 to 9999))"},
      {R"({"id": "t1", "name": "a", "birth_date": "15/06/1980", "salary": 1, "children": []})",
       R"(line 7 (id t1): field 'birth_date': expected a date "YYYY-MM-DD", got "15/06/1980")"},
      {R"({"id": "t1", "name": "a", "birth_date": 19800615, "salary": 1, "children": []})",
       R"(line 7 (id t1): field 'birth_date': expected a date "YYYY-MM-DD", got 19800615)"},
      {R"({"id": "t1", "name": "a", "birth_date": "1980-01-01", "salary": "100", "children": []})",
       R"(line 7 (id t1): field 'salary': expected an amount in yuan, got "100")"},
      {R"({"id": "t1", "name": "a", "birth_date": "1980-01-01", "salary": 0.001, "children": []})",
       "line 7 (id t1): field 'salary': expected an amount in yuan with at most 2 decimals, got 0.001"},
      {R"({"id": "t1", "name": "a", "birth_date": "1980-01-01", "salary": 1e30, "children": []})",
       "line 7 (id t1): field 'salary': amount out of range: 1e30"},
      {R"({"id": "t1", "name": "a", "birth_date": "1980-01-01", "salary": 20000000, "children": []})",
       "line 7 (id t1): field 'salary': 20000000.00 is above the maximum 10000000.00"},
      {R"({"id": "t1", "name": "a", "birth_date": "1980-01-01", "salary": 1, "children": [{"school_stage": "junior"}]})",
       "line 7 (id t1): field 'children[0].birth_date' is missing"},
      {R"([{"id": "t1"}])", "line 7: expected a JSON object, got a list"},
      {R"(5)", "line 7: expected a JSON object, got 5"},
  };
  for (const ErrorCase& c : cases) {
    EXPECT_EQ(Append(c.json), c.expected) << c.json;
  }
}

TEST_F(JsonRecordTest, RecordFieldWithoutDefaultIsRequired) {
  policy_.inputs[8].fields[0].default_value.reset();  // spouse.present
  EXPECT_EQ(Append(With(R"("spouse": {"employed": true})")),
            "line 7 (id t1): field 'spouse.present' is missing");
  EXPECT_EQ(Append(std::string("{") + kBase + "}"), "line 7 (id t1): field 'spouse.present' is missing");
  EXPECT_EQ(Append(With(R"("spouse": {"present": true})")), "");
}

TEST_F(JsonRecordTest, SyntaxErrorsNameTheLineOfTheError) {
  EXPECT_EQ(Append("{\"id\": \"t1\",\n \"papers\" 1}", 3),
            "line 4 (id t1): invalid JSON: syntax error while parsing object separator - "
            "unexpected number literal; expected ':'");
  EXPECT_EQ(Append(R"({"id": "t1", "name": "a)", 3),
            "line 3 (id t1): invalid JSON: syntax error while parsing value - invalid string: "
            "missing closing quote; last read: '\"a'");
  // Bad UTF-8 inside a string (the byte is shown escaped, never copied raw).
  EXPECT_EQ(Append("{\"id\": \"t1\", \"name\": \"\xC3\x28\"}", 3),
            "line 3 (id t1): invalid JSON: syntax error while parsing value - invalid string: "
            "ill-formed UTF-8 byte; last read: '\"\\xC3('");
  EXPECT_EQ(Append(With(R"("papers": 1e999)"), 3),
            "line 3 (id t1): invalid JSON: number overflow parsing '1e999'");
  EXPECT_EQ(batch_.rows, 0);
}

}  // namespace
}  // namespace jincai::policy
