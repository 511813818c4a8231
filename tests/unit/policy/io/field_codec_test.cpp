// Tests of field conversion helpers: quoting values for messages, UTF-8 checks, and the
// messages of ConvertScalar that the reader tests do not reach.
#include "policy/io/field_codec.h"

#include <gtest/gtest.h>

#include <cstring>

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

TEST(FastPaths, DateAgreesWithParseDate) {
  for (int32_t d = DaysFromCivil(1000, 1, 1); d <= DaysFromCivil(9999, 12, 31); d += 13) {
    const std::string text = FormatDate(d);
    int64_t v = 0;
    ASSERT_TRUE(fast::Date(text, &v)) << text;
    ASSERT_EQ(v, d) << text;
  }
  for (const char* bad : {"2023-02-29", "2023-04-31", "0999-12-31", "2023-13-01", "2023-00-01",
                          "2023-01-00", "2023-1-01", "2023/01/01", "2023-01-0x", "202a-01-01"}) {
    int64_t v = 0;
    EXPECT_FALSE(fast::Date(bad, &v)) << bad;
    EXPECT_FALSE(ParseDate(bad)) << bad;
  }
}

TEST(FastPaths, DecimalAgreesWithParseScaled) {
  const char* samples[] = {"0", "-0", "7", "-12.5", "0.000001", "123456789012", "1234567890123", "12345678901234567890123", "-99999999999999999999.5",
                           "999999999999.999999", "-999999999999.99", "1.", ".5", "1.2.3", "1e3",
                           "+5", "12a", "", "-", "0.1234567", "00012.50", "1.10"};
  for (int digits : {2, 6}) {
    for (const char* text : samples) {
      int64_t v = 0;
      if (fast::Decimal(text, digits, &v)) {
        ASSERT_EQ(ParseScaled(text, digits), v) << text << " " << digits;
      }
    }
  }
  int64_t v = 0;
  EXPECT_TRUE(fast::Decimal("12000.50", 2, &v));
  EXPECT_EQ(v, 1'200'050);
  EXPECT_FALSE(fast::Decimal("1.001", 2, &v));  // left to the general parser, which rejects it
  EXPECT_FALSE(fast::Decimal("1e3", 6, &v));    // left to the general parser, which accepts it
}

TEST(FastPaths, BoolAndPaddedLoads) {
  int64_t v = 0;
  EXPECT_TRUE(fast::Bool("true", &v));
  EXPECT_EQ(v, 1);
  EXPECT_TRUE(fast::Bool("false", &v));
  EXPECT_EQ(v, 0);
  EXPECT_FALSE(fast::Bool("TRUE", &v));  // the general converter accepts it
  for (size_t n = 0; n <= 9; ++n) {
    const std::string s = std::string("abcdefghi").substr(0, n);
    uint64_t expected = 0;
    std::memcpy(&expected, s.data(), std::min<size_t>(n, 8));
    EXPECT_EQ(fast::Load8Padded(s.data(), n), expected) << n;
  }
}

}  // namespace
}  // namespace jincai::policy::io
