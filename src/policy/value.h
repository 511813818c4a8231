// The engine's scalar encoding: every value is one int64 in a column.
// number = decimal scaled by 10^6, money = integer fen, bool = 0/1, date = days since
// 1970-01-01, string = an id in a StringPool. Parsing and printing of these live here.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jincai::policy {

enum class Kind : uint8_t {
  kNumber,
  kMoney,
  kBool,
  kString,
  kDate,
  kListString,
  kListRecord,
  kRecord,
};

constexpr int64_t kNumberScale = 1'000'000;  // six decimal places
constexpr int64_t kFenPerYuan = 100;

const char* KindName(Kind k);
std::optional<Kind> ParseKind(std::string_view s);  // "number", "list<string>", ...
inline bool IsScalar(Kind k) { return k <= Kind::kDate; }

// Dates: proleptic Gregorian, days since 1970-01-01.
int32_t DaysFromCivil(int y, int m, int d);
void CivilFromDays(int32_t days, int* y, int* m, int* d);
bool IsValidCivil(int y, int m, int d);
// Accepts exactly YYYY-MM-DD with a real calendar day, years 1000..9999.
std::optional<int32_t> ParseDate(std::string_view s);
std::string FormatDate(int32_t days);
// Whole years/months from a to b (negative when b < a); 29 Feb counts on 28 Feb.
int64_t YearsBetween(int32_t a, int32_t b);
int64_t MonthsBetween(int32_t a, int32_t b);
// MonthsBetween(a, b) for many a and one b (the evaluation date, say): b's civil date
// is worked out once.
class MonthsTo {
 public:
  explicit MonthsTo(int32_t b);
  int64_t From(int32_t a) const;  // == MonthsBetween(a, b)

 private:
  int32_t b_;
  int y_, m_, d_, last_;  // b's civil date, and the last day of its month
};
// YearsBetween(a, b) for many a and one b (ages on the evaluation date, say): the last
// day from which b is k whole years on is worked out once for k up to 150, so a date
// within that span is placed by a guess and a comparison or two, without a calendar
// conversion. Dates outside it (or after b) are computed as YearsBetween does.
class YearsTo {
 public:
  explicit YearsTo(int32_t b);
  int32_t to() const { return start_[0]; }
  int64_t From(int32_t a) const {  // == YearsBetween(a, b)
    if (a > start_[0] || a < start_[kYears]) return months_.From(a) / 12;
    // Years have 365 or 366 days, so the guess is at most one year off.
    int64_t k = std::min<int64_t>((int64_t{start_[0]} - a) * 4 / 1461, kYears);
    while (k < kYears && a <= start_[k + 1]) ++k;
    while (a > start_[k]) --k;
    return k;
  }

 private:
  static constexpr int kYears = 150;
  MonthsTo months_;
  int32_t start_[kYears + 1];  // b is at least k whole years on from a iff a <= start_[k]
};

// Exact decimal text ("-12.5", "3", "0.000001") to an integer scaled by 10^digits.
// Fails on more decimals than `digits`, on overflow, and on anything not a plain decimal
// (exponents are accepted when the result is exact: "1e3", "2.5E-1").
std::optional<int64_t> ParseScaled(std::string_view s, int digits);
inline std::optional<int64_t> ParseNumber(std::string_view s) { return ParseScaled(s, 6); }
inline std::optional<int64_t> ParseMoney(std::string_view s) { return ParseScaled(s, 2); }
// A double (from TOML) to a scaled value; fails when the double is not within 1e-9
// relative of a value with at most `digits` decimals.
std::optional<int64_t> ScaledFromDouble(double v, int digits);

std::string FormatNumber(int64_t scaled);  // shortest exact: "60", "0.105", "-2.5"
std::string FormatMoney(int64_t fen);      // always two decimals: "4500.00"

// Rounding division, half away from zero. REQUIRES: den != 0.
int64_t DivRound(__int128 num, __int128 den, bool* overflow);

}  // namespace jincai::policy
