// Tests of the scalar encoding: kind names, civil dates, whole years/months between
// dates, exact decimal parsing and printing, and rounding division.
#include "policy/value.h"

#include <gtest/gtest.h>

#include <limits>

namespace jincai::policy {
namespace {

int32_t D(const char* s) { return *ParseDate(s); }

TEST(Kind, NamesRoundTrip) {
  for (Kind k : {Kind::kNumber, Kind::kMoney, Kind::kBool, Kind::kString, Kind::kDate,
                 Kind::kListString, Kind::kListRecord, Kind::kRecord}) {
    EXPECT_EQ(ParseKind(KindName(k)), k) << KindName(k);
  }
  EXPECT_STREQ(KindName(Kind::kListRecord), "list<record>");
  EXPECT_FALSE(ParseKind("integer"));
  EXPECT_FALSE(ParseKind("list<number>"));
  EXPECT_FALSE(ParseKind("Number"));
  EXPECT_TRUE(IsScalar(Kind::kDate));
  EXPECT_FALSE(IsScalar(Kind::kListString));
  EXPECT_FALSE(IsScalar(Kind::kRecord));
}

TEST(Date, CivilConversions) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(2017, 3, 29), 17254);
  for (int32_t d = DaysFromCivil(1000, 1, 1); d <= DaysFromCivil(9999, 12, 31); d += 97) {
    int y, m, dd;
    CivilFromDays(d, &y, &m, &dd);
    ASSERT_TRUE(IsValidCivil(y, m, dd));
    ASSERT_EQ(DaysFromCivil(y, m, dd), d);
  }
  EXPECT_TRUE(IsValidCivil(2000, 2, 29));
  EXPECT_TRUE(IsValidCivil(2024, 2, 29));
  EXPECT_FALSE(IsValidCivil(1900, 2, 29));
  EXPECT_FALSE(IsValidCivil(2023, 2, 29));
  EXPECT_FALSE(IsValidCivil(2023, 4, 31));
  EXPECT_FALSE(IsValidCivil(2023, 13, 1));
  EXPECT_FALSE(IsValidCivil(2023, 0, 1));
  EXPECT_FALSE(IsValidCivil(2023, 1, 0));
}

TEST(Date, ParseIsStrict) {
  EXPECT_EQ(ParseDate("2017-03-29"), 17254);
  EXPECT_EQ(ParseDate("1000-01-01"), DaysFromCivil(1000, 1, 1));
  EXPECT_EQ(ParseDate("9999-12-31"), DaysFromCivil(9999, 12, 31));
  for (const char* bad : {"0999-12-31", "2017-3-29", "2017-03-9", "2017/03/29", "2017-02-29",
                          "2017-02-30", "2017-13-01", "2017-00-10", "2017-01-00", " 2017-03-29",
                          "2017-03-29 ", "20170329", "", "10000-01-01", "2017-03-2x",
                          "+017-03-29"}) {
    EXPECT_FALSE(ParseDate(bad)) << bad;
  }
}

TEST(Date, Format) {
  EXPECT_EQ(FormatDate(0), "1970-01-01");
  EXPECT_EQ(FormatDate(17254), "2017-03-29");
  EXPECT_EQ(FormatDate(D("2024-02-29")), "2024-02-29");
}

TEST(Date, YearsBetween) {
  EXPECT_EQ(YearsBetween(D("1980-06-15"), D("2020-06-14")), 39);
  EXPECT_EQ(YearsBetween(D("1980-06-15"), D("2020-06-15")), 40);
  EXPECT_EQ(YearsBetween(D("2020-06-15"), D("2020-06-15")), 0);
  // A 29 February birthday counts on 28 February in other years.
  EXPECT_EQ(YearsBetween(D("2000-02-29"), D("2001-02-27")), 0);
  EXPECT_EQ(YearsBetween(D("2000-02-29"), D("2001-02-28")), 1);
  EXPECT_EQ(YearsBetween(D("2000-02-29"), D("2004-02-28")), 3);  // leap year: on the 29th
  EXPECT_EQ(YearsBetween(D("2000-02-29"), D("2004-02-29")), 4);
  // Negative when the second date is earlier: the span backwards, truncated.
  EXPECT_EQ(YearsBetween(D("2020-06-15"), D("1980-06-15")), -40);
  EXPECT_EQ(YearsBetween(D("2020-06-15"), D("1980-06-16")), -39);
}

TEST(Date, MonthsBetween) {
  EXPECT_EQ(MonthsBetween(D("2020-01-15"), D("2020-02-14")), 0);
  EXPECT_EQ(MonthsBetween(D("2020-01-15"), D("2020-02-15")), 1);
  EXPECT_EQ(MonthsBetween(D("2019-12-15"), D("2020-01-15")), 1);
  // A day the later month lacks is reached on that month's last day.
  EXPECT_EQ(MonthsBetween(D("2023-01-31"), D("2023-02-27")), 0);
  EXPECT_EQ(MonthsBetween(D("2023-01-31"), D("2023-02-28")), 1);
  EXPECT_EQ(MonthsBetween(D("2024-01-31"), D("2024-02-28")), 0);
  EXPECT_EQ(MonthsBetween(D("2024-01-31"), D("2024-02-29")), 1);
  EXPECT_EQ(MonthsBetween(D("2023-03-31"), D("2023-04-30")), 1);
  EXPECT_EQ(MonthsBetween(D("2023-03-30"), D("2023-04-29")), 0);
  EXPECT_EQ(MonthsBetween(D("2020-02-29"), D("2021-02-28")), 12);
  EXPECT_EQ(MonthsBetween(D("2023-02-15"), D("2023-01-15")), -1);
  EXPECT_EQ(MonthsBetween(D("2023-02-15"), D("2023-01-16")), 0);
  // Years are whole twelve-month spans.
  for (int32_t a = D("1999-12-01"); a < D("2001-03-01"); a += 7) {
    for (int32_t b = a - 800; b < a + 800; b += 13) {
      ASSERT_EQ(YearsBetween(a, b), MonthsBetween(a, b) / 12) << FormatDate(a) << " " << FormatDate(b);
    }
  }
}

TEST(Date, YearsToAgreesWithYearsBetween) {
  // Evaluation dates on month ends, leap days and ordinary days; ages from the far past
  // (beyond its table) to dates after the evaluation date (negative spans).
  for (const char* to : {"2021-01-01", "2020-02-29", "2021-02-28", "2024-02-28", "2023-03-31", "2023-04-30",
                         "2019-12-31", "1000-01-01", "9999-12-31"}) {
    const int32_t b = D(to);
    const YearsTo years(b);
    ASSERT_EQ(years.to(), b);
    for (int32_t a = b - 160 * 366; a <= b + 3 * 366; ++a)
      ASSERT_EQ(years.From(a), YearsBetween(a, b)) << FormatDate(a) << " to " << to;
  }
}

TEST(Scaled, ParsesExactDecimals) {
  EXPECT_EQ(ParseNumber("3"), 3'000'000);
  EXPECT_EQ(ParseNumber("-12.5"), -12'500'000);
  EXPECT_EQ(ParseNumber("+12.5"), 12'500'000);
  EXPECT_EQ(ParseNumber("0.000001"), 1);
  EXPECT_EQ(ParseNumber("0.105"), 105'000);
  EXPECT_EQ(ParseNumber("007"), 7'000'000);
  EXPECT_EQ(ParseNumber("-0"), 0);
  EXPECT_EQ(ParseNumber("1.0000000000000000000000000"), 1'000'000);
  EXPECT_EQ(ParseNumber("0.0000000000000000000000000"), 0);
  EXPECT_EQ(ParseMoney("12000.50"), 1'200'050);
  EXPECT_EQ(ParseMoney("0.05"), 5);
  EXPECT_EQ(ParseScaled("42", 0), 42);
}

TEST(Scaled, AcceptsExactExponents) {
  EXPECT_EQ(ParseNumber("1e3"), 1'000'000'000);
  EXPECT_EQ(ParseNumber("2.5E-1"), 250'000);
  EXPECT_EQ(ParseNumber("1E+2"), 100'000'000);
  EXPECT_EQ(ParseNumber("1e-6"), 1);
  EXPECT_EQ(ParseNumber("0e999999999"), 0);
  EXPECT_EQ(ParseNumber("12300000e-5"), 123'000'000);
  EXPECT_FALSE(ParseNumber("1e-7"));
  EXPECT_FALSE(ParseNumber("1.5e-6"));
  EXPECT_FALSE(ParseNumber("1e999999999"));
  EXPECT_FALSE(ParseMoney("1e-3"));
}

TEST(Scaled, RejectsInexactAndMalformed) {
  EXPECT_FALSE(ParseNumber("0.0000001"));
  EXPECT_FALSE(ParseMoney("1.001"));
  EXPECT_EQ(ParseMoney("1.0010"), std::nullopt);
  EXPECT_EQ(ParseMoney("1.100"), 110);
  for (const char* bad : {"", "-", "+", ".5", "5.", "1e", "1e+", "abc", "1,5", " 1", "1 ",
                          "0x10", "1.2.3", "--1", "1e5.0", "NaN", "inf"}) {
    EXPECT_FALSE(ParseNumber(bad)) << bad;
  }
}

TEST(Scaled, ChecksOverflow) {
  constexpr auto kMax = std::numeric_limits<int64_t>::max();
  constexpr auto kMin = std::numeric_limits<int64_t>::min();
  EXPECT_EQ(ParseNumber("9223372036854.775807"), kMax);
  EXPECT_FALSE(ParseNumber("9223372036854.775808"));
  EXPECT_EQ(ParseNumber("-9223372036854.775808"), kMin);
  EXPECT_FALSE(ParseNumber("-9223372036854.775809"));
  EXPECT_EQ(ParseMoney("92233720368547758.07"), kMax);
  EXPECT_FALSE(ParseMoney("92233720368547758.08"));
  EXPECT_FALSE(ParseNumber("100000000000000000000000000"));
  EXPECT_FALSE(ParseNumber("1e13"));
  EXPECT_EQ(ParseNumber("1e12"), 1'000'000'000'000'000'000);
}

TEST(Scaled, FromDouble) {
  EXPECT_EQ(ScaledFromDouble(0.1, 6), 100'000);
  EXPECT_EQ(ScaledFromDouble(4500.5, 2), 450'050);
  EXPECT_EQ(ScaledFromDouble(0.29, 2), 29);  // 0.29 * 100 = 28.999999999999996
  EXPECT_EQ(ScaledFromDouble(-0.105, 6), -105'000);
  EXPECT_EQ(ScaledFromDouble(0.0, 6), 0);
  EXPECT_FALSE(ScaledFromDouble(1e-7, 6));
  EXPECT_FALSE(ScaledFromDouble(0.001, 2));
  EXPECT_FALSE(ScaledFromDouble(1e30, 2));
  EXPECT_FALSE(ScaledFromDouble(std::numeric_limits<double>::quiet_NaN(), 2));
  EXPECT_FALSE(ScaledFromDouble(std::numeric_limits<double>::infinity(), 2));
}

TEST(Scaled, Format) {
  EXPECT_EQ(FormatNumber(60'000'000), "60");
  EXPECT_EQ(FormatNumber(105'000), "0.105");
  EXPECT_EQ(FormatNumber(-2'500'000), "-2.5");
  EXPECT_EQ(FormatNumber(-500'000), "-0.5");
  EXPECT_EQ(FormatNumber(1), "0.000001");
  EXPECT_EQ(FormatNumber(0), "0");
  EXPECT_EQ(FormatNumber(std::numeric_limits<int64_t>::min()), "-9223372036854.775808");
  EXPECT_EQ(FormatMoney(450'000), "4500.00");
  EXPECT_EQ(FormatMoney(-50), "-0.50");
  EXPECT_EQ(FormatMoney(5), "0.05");
  EXPECT_EQ(FormatMoney(0), "0.00");
  for (int64_t v : {int64_t{0}, int64_t{1}, int64_t{-7}, int64_t{123'456'789}, int64_t{-1'000'001}}) {
    EXPECT_EQ(ParseNumber(FormatNumber(v)), v);
    EXPECT_EQ(ParseMoney(FormatMoney(v)), v);
  }
}

TEST(DivRound, HalfAwayFromZero) {
  bool overflow = false;
  EXPECT_EQ(DivRound(5, 2, &overflow), 3);
  EXPECT_EQ(DivRound(-5, 2, &overflow), -3);
  EXPECT_EQ(DivRound(5, -2, &overflow), -3);
  EXPECT_EQ(DivRound(-5, -2, &overflow), 3);
  EXPECT_EQ(DivRound(7, 3, &overflow), 2);
  EXPECT_EQ(DivRound(8, 3, &overflow), 3);
  EXPECT_EQ(DivRound(-8, 3, &overflow), -3);
  EXPECT_EQ(DivRound(1, 3, &overflow), 0);
  EXPECT_EQ(DivRound(0, 3, &overflow), 0);
  EXPECT_EQ(DivRound(6, 3, &overflow), 2);
  // 4500.00 CNY * 0.105 = 472.50 CNY: fen * scaled / 1e6.
  EXPECT_EQ(DivRound(static_cast<__int128>(450'000) * 105'000, kNumberScale, &overflow), 47'250);
  EXPECT_FALSE(overflow);
}

TEST(DivRound, SetsOverflowWhenTheResultDoesNotFit) {
  bool overflow = false;
  const __int128 big = static_cast<__int128>(std::numeric_limits<int64_t>::max()) * 4;
  DivRound(big, 2, &overflow);
  EXPECT_TRUE(overflow);
  overflow = false;
  EXPECT_EQ(DivRound(std::numeric_limits<int64_t>::min(), 1, &overflow),
            std::numeric_limits<int64_t>::min());
  EXPECT_FALSE(overflow);
  DivRound(std::numeric_limits<int64_t>::min(), -1, &overflow);
  EXPECT_TRUE(overflow);
  const __int128 kMin128 = static_cast<__int128>(static_cast<unsigned __int128>(1) << 127);
  overflow = false;
  DivRound(kMin128, -1, &overflow);
  EXPECT_TRUE(overflow);
  DivRound(1, 1, nullptr);  // a null flag is allowed
}

}  // namespace
}  // namespace jincai::policy
