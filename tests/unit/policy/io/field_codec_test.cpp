// Tests of field conversion helpers: quoting values for messages, UTF-8 checks, and the
// messages of ConvertScalar that the reader tests do not reach.
#include "policy/io/field_codec.h"

#include <gtest/gtest.h>

namespace jincai::policy::io {
namespace {

TEST(Quote, EscapesAndCuts) {
  EXPECT_EQ(Quote("x"), "\"x\"");
  EXPECT_EQ(Quote(""), "\"\"");
  EXPECT_EQ(Quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(Quote("a\nb\tc\rd"), "\"a\\nb\\tc\\rd\"");
  EXPECT_EQ(Quote(std::string_view("\x01\x7F", 2)), "\"\\u0001\\u007F\"");
  EXPECT_EQ(Quote("张伟"), "\"张伟\"");
  EXPECT_EQ(Quote("\xFF" "a"), "\"\\xFFa\"");
  EXPECT_EQ(Quote(std::string(100, 'x')), "\"" + std::string(60, 'x') + "...\"");
}

TEST(Utf8, Validation) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("张伟 é \xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE5\xBC"));          // cut short
  EXPECT_FALSE(IsValidUtf8("\x80"));
  EXPECT_EQ(SanitizeUtf8("a\xFF" "b\xE5\xBC"), "a\\xFFb\\xE5\\xBC");
  EXPECT_EQ(SanitizeUtf8("张"), "张");
}

TEST(ConvertScalar, LongValueListsAreCut) {
  StringPool pool;
  FieldSpec spec;
  spec.name = "city";
  spec.kind = Kind::kString;
  for (int i = 0; i < 15; ++i) spec.values.push_back("c" + std::to_string(i));
  const FieldPlan plan = MakeFieldPlan(spec, Kind::kString, pool);
  StringCache cache(pool);
  int64_t v = 0;
  std::string message;
  ASSERT_TRUE(ConvertScalar(plan, "c14", false, cache, &v, &message));
  EXPECT_EQ(pool.Get(v), "c14");
  ASSERT_FALSE(ConvertScalar(plan, "x", false, cache, &v, &message));
  EXPECT_EQ(message, "\"x\" is not one of the allowed values: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, "
                     "c10, c11, ... (15 in all)");
}

TEST(ConvertScalar, FreeStringsAreInternedOnce) {
  StringPool pool;
  FieldSpec spec;
  spec.kind = Kind::kString;
  const FieldPlan plan = MakeFieldPlan(spec, Kind::kString, pool);
  StringCache cache(pool);
  int64_t a = 0, b = 0;
  std::string message;
  ASSERT_TRUE(ConvertScalar(plan, "Li", false, cache, &a, &message));
  ASSERT_TRUE(ConvertScalar(plan, "Li", false, cache, &b, &message));
  EXPECT_EQ(a, b);
  EXPECT_EQ(pool.size(), 2u);
}

TEST(StringCache, FindsInternsAndGrows) {
  StringPool pool;
  const int64_t known = pool.Intern("known");
  StringCache cache(pool);
  EXPECT_EQ(cache.Intern("known"), known);
  EXPECT_EQ(cache.Intern(""), 0);
  std::vector<int64_t> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back(cache.Intern("s" + std::to_string(i)));  // rehashes
  for (int i = 0; i < 5000; ++i) {
    ASSERT_EQ(cache.Intern("s" + std::to_string(i)), ids[i]);
    ASSERT_EQ(pool.Get(ids[i]), "s" + std::to_string(i));
  }
  EXPECT_EQ(pool.size(), 5002u);
  EXPECT_EQ(cache.Intern("bad\xFF"), -1);
  EXPECT_EQ(pool.Find("bad\xFF"), -1);
  EXPECT_EQ(cache.Intern("a long string of more than eight bytes"), 5002);
}

TEST(ConvertScalar, AllowedValuesMatchExactly) {
  StringPool pool;
  FieldSpec spec;
  spec.kind = Kind::kString;
  spec.values = {"associate_senior", "associate_junior", "senior", "", "a"};
  const FieldPlan plan = MakeFieldPlan(spec, Kind::kString, pool);
  StringCache cache(pool);
  int64_t v = 0;
  std::string message;
  for (const auto& value : spec.values) {
    ASSERT_TRUE(ConvertScalar(plan, value, false, cache, &v, &message)) << value;
    EXPECT_EQ(pool.Get(v), value);
  }
  for (const char* bad : {"associate_seniors", "associate_senio", "associate_xenior", "senio", "b"}) {
    EXPECT_FALSE(ConvertScalar(plan, bad, false, cache, &v, &message)) << bad;
  }
}

TEST(ConvertScalar, DateLimitsAndDefaults) {
  StringPool pool;
  FieldSpec spec;
  spec.kind = Kind::kDate;
  spec.min = *ParseDate("2000-01-01");
  spec.default_value = *ParseDate("2010-01-01");
  const FieldPlan plan = MakeFieldPlan(spec, Kind::kDate, pool);
  StringCache cache(pool);
  EXPECT_TRUE(plan.has_default);
  EXPECT_EQ(plan.default_value, *ParseDate("2010-01-01"));
  int64_t v = 0;
  std::string message;
  ASSERT_FALSE(ConvertScalar(plan, "1999-12-31", false, cache, &v, &message));
  EXPECT_EQ(message, "1999-12-31 is below the minimum 2000-01-01");

  FieldSpec s;
  s.kind = Kind::kString;
  s.default_string = "none";
  const FieldPlan sp = MakeFieldPlan(s, Kind::kString, pool);
  EXPECT_TRUE(sp.has_default);
  EXPECT_EQ(pool.Get(sp.default_value), "none");
}

TEST(ConvertScalar, NonScalarKindsAreRejected) {
  StringPool pool;
  FieldSpec spec;
  spec.kind = Kind::kRecord;
  const FieldPlan plan = MakeFieldPlan(spec, Kind::kRecord, pool);
  StringCache cache(pool);
  int64_t v = 0;
  std::string message;
  EXPECT_FALSE(ConvertScalar(plan, "x", false, cache, &v, &message));
  EXPECT_EQ(message, "expected an object, got \"x\"");
  EXPECT_STREQ(Expectation(Kind::kListString), "a list");
}

}  // namespace
}  // namespace jincai::policy::io
