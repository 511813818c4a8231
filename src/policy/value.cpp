// The engine's scalar encoding: kind names, civil-date arithmetic, exact decimal parsing
// and printing, and the one rounding division every money/number operation uses.
// Nothing here touches binary floating point except ScaledFromDouble (for TOML doubles).
#include "policy/value.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace jincai::policy {

namespace {

constexpr const char* kKindNames[] = {
    "number", "money", "bool", "string", "date", "list<string>", "list<record>", "record",
};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Whole months from a to b when a <= b. A day-of-month that b's month lacks (31 Jan ->
// 28 Feb, 29 Feb -> 28 Feb) is reached on that month's last day.
int64_t MonthsForward(int32_t a, int32_t b) {
  int y1, m1, d1, y2, m2, d2;
  CivilFromDays(a, &y1, &m1, &d1);
  CivilFromDays(b, &y2, &m2, &d2);
  int64_t months = (int64_t{y2} - y1) * 12 + (m2 - m1);
  if (d2 < d1 && d2 != DaysInMonth(y2, m2)) --months;
  return months;
}

constexpr uint64_t kPow10[] = {
    1ull,
    10ull,
    100ull,
    1000ull,
    10000ull,
    100000ull,
    1000000ull,
    10000000ull,
    100000000ull,
    1000000000ull,
    10000000000ull,
    100000000000ull,
    1000000000000ull,
    10000000000000ull,
    100000000000000ull,
    1000000000000000ull,
    10000000000000000ull,
    100000000000000000ull,
    1000000000000000000ull,
    10000000000000000000ull,
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "-12" / "3" style integer part + "." + fraction, both as decimal digit strings.
std::string FormatScaled(int64_t v, int digits, bool trim) {
  const uint64_t scale = kPow10[digits];
  const bool neg = v < 0;
  const uint64_t mag = neg ? ~static_cast<uint64_t>(v) + 1 : static_cast<uint64_t>(v);
  uint64_t whole = mag / scale, frac = mag % scale;
  std::string out = neg ? "-" : "";
  out += std::to_string(whole);
  if (frac == 0 && trim) return out;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%0*llu", digits, static_cast<unsigned long long>(frac));
  std::string f = buf;
  if (trim) {
    while (!f.empty() && f.back() == '0') f.pop_back();
  }
  out += '.';
  out += f;
  return out;
}

}  // namespace

const char* KindName(Kind k) { return kKindNames[static_cast<int>(k)]; }

std::optional<Kind> ParseKind(std::string_view s) {
  for (int i = 0; i < static_cast<int>(std::size(kKindNames)); ++i) {
    if (s == kKindNames[i]) return static_cast<Kind>(i);
  }
  return std::nullopt;
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 +
                       static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void CivilFromDays(int32_t days, int* y, int* m, int* d) {
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned dd = doy - (153 * mp + 2) / 5 + 1;
  const unsigned mm = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int>(yoe) + era * 400 + (mm <= 2);
  *m = static_cast<int>(mm);
  *d = static_cast<int>(dd);
}

bool IsValidCivil(int y, int m, int d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

std::optional<int32_t> ParseDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[i])) return std::nullopt;
  }
  const int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  const int m = (s[5] - '0') * 10 + (s[6] - '0');
  const int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (y < 1000 || !IsValidCivil(y, m, d)) return std::nullopt;
  return DaysFromCivil(y, m, d);
}

std::string FormatDate(int32_t days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Negative spans are the negated forward span, so results truncate toward zero.
int64_t MonthsBetween(int32_t a, int32_t b) {
  return b >= a ? MonthsForward(a, b) : -MonthsForward(b, a);
}

int64_t YearsBetween(int32_t a, int32_t b) { return MonthsBetween(a, b) / 12; }

MonthsTo::MonthsTo(int32_t b) : b_(b) {
  CivilFromDays(b, &y_, &m_, &d_);
  last_ = DaysInMonth(y_, m_);
}

// MonthsForward with b's side precomputed, in either direction.
int64_t MonthsTo::From(int32_t a) const {
  int y, m, d;
  CivilFromDays(a, &y, &m, &d);
  if (b_ >= a) {
    int64_t months = (int64_t{y_} - y) * 12 + (m_ - m);
    if (d_ < d && d_ != last_) --months;
    return months;
  }
  int64_t months = (int64_t{y} - y_) * 12 + (m - m_);
  if (d < d_ && d != DaysInMonth(y, m)) --months;
  return -months;
}

// Whole years from a to b only fall as a moves later (MonthsForward is monotone in
// its first date), so each start_[k] is the k-th anniversary before b, moved over the
// few days the month-end rules shift it, as MonthsTo itself decides.
YearsTo::YearsTo(int32_t b) : months_(b) {
  start_[0] = b;
  int y, m, d;
  CivilFromDays(b, &y, &m, &d);
  for (int k = 1; k <= kYears; ++k) {
    int32_t c = DaysFromCivil(y - k, m, std::min(d, DaysInMonth(y - k, m)));
    while (months_.From(c + 1) >= 12 * k) ++c;
    while (months_.From(c) < 12 * k) --c;
    start_[k] = c;
  }
}

std::optional<int64_t> ParseScaled(std::string_view s, int digits) {
  if (digits < 0 || digits > 18) return std::nullopt;
  {  // Fast path: "-123.45" with at most 12 integer digits and `digits` decimals.
    const char* p = s.data();
    const char* end = p + s.size();
    const bool neg = p < end && *p == '-';
    p += neg;
    const char* int_start = p;
    uint64_t whole = 0;
    while (p < end && IsDigit(*p) && p - int_start < 12) whole = whole * 10 + static_cast<uint64_t>(*p++ - '0');
    uint64_t frac = 0;
    int frac_digits = 0;
    bool simple = p > int_start;
    if (simple && p < end && *p == '.') {
      ++p;
      while (p < end && IsDigit(*p) && frac_digits < digits) {
        frac = frac * 10 + static_cast<uint64_t>(*p++ - '0');
        ++frac_digits;
      }
      simple = frac_digits > 0;
    }
    if (simple && p == end && digits <= 6) {
      const uint64_t v = whole * kPow10[digits] + frac * kPow10[digits - frac_digits];
      return neg ? -static_cast<int64_t>(v) : static_cast<int64_t>(v);
    }
  }
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
  // Mantissa: int digits [i0, i1), optional '.', fraction digits [f0, f1).
  const size_t i0 = i;
  while (i < s.size() && IsDigit(s[i])) ++i;
  const size_t i1 = i;
  size_t f0 = i, f1 = i;
  if (i < s.size() && s[i] == '.') {
    f0 = ++i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    f1 = i;
    if (f1 == f0) return std::nullopt;  // "5."
  }
  if (i1 == i0) return std::nullopt;    // ".5", "", "-"
  int64_t exp = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) eneg = s[i++] == '-';
    const size_t e0 = i;
    while (i < s.size() && IsDigit(s[i])) {
      if (exp < 1'000'000) exp = exp * 10 + (s[i] - '0');  // saturates harmlessly
      ++i;
    }
    if (i == e0) return std::nullopt;
    if (eneg) exp = -exp;
  }
  if (i != s.size()) return std::nullopt;

  // The significant digits, as a sequence over int part then fraction part.
  auto digit_at = [&](size_t k) { return k < i1 - i0 ? s[i0 + k] : s[f0 + (k - (i1 - i0))]; };
  size_t lo = 0, hi = (i1 - i0) + (f1 - f0);
  // value = digits[lo,hi) * 10^(exp - fraction length); we want value * 10^digits.
  int64_t shift = exp - static_cast<int64_t>(f1 - f0) + digits;
  while (lo < hi && digit_at(lo) == '0') ++lo;
  while (hi > lo && digit_at(hi - 1) == '0') {
    --hi;
    ++shift;
  }
  if (lo == hi) return 0;
  if (shift < 0) return std::nullopt;  // more decimals than `digits` (inexact)
  const int64_t n = static_cast<int64_t>(hi - lo);
  if (n + shift > 19) return std::nullopt;  // at least 10^19: out of range
  uint64_t mag = 0;
  for (size_t k = lo; k < hi; ++k) mag = mag * 10 + static_cast<uint64_t>(digit_at(k) - '0');
  const unsigned __int128 wide = static_cast<unsigned __int128>(mag) * kPow10[shift];
  const unsigned __int128 limit =
      static_cast<unsigned __int128>(std::numeric_limits<int64_t>::max()) + (neg ? 1 : 0);
  if (wide > limit) return std::nullopt;
  const uint64_t u = static_cast<uint64_t>(wide);
  return neg ? static_cast<int64_t>(~u + 1) : static_cast<int64_t>(u);
}

std::optional<int64_t> ScaledFromDouble(double v, int digits) {
  if (!std::isfinite(v) || digits < 0 || digits > 18) return std::nullopt;
  const double scaled = v * static_cast<double>(kPow10[digits]);
  if (!(std::fabs(scaled) < 9.2e18)) return std::nullopt;
  const double r = std::nearbyint(scaled);
  const double back = r / static_cast<double>(kPow10[digits]);
  if (std::fabs(back - v) > 1e-9 * std::fabs(v)) return std::nullopt;
  return static_cast<int64_t>(r);
}

std::string FormatNumber(int64_t scaled) { return FormatScaled(scaled, 6, true); }

std::string FormatMoney(int64_t fen) { return FormatScaled(fen, 2, false); }

int64_t DivRound(__int128 num, __int128 den, bool* overflow) {
  const __int128 kMin = static_cast<__int128>(static_cast<unsigned __int128>(1) << 127);
  if (den == -1 && num == kMin) {
    if (overflow) *overflow = true;
    return 0;
  }
  __int128 q = num / den;
  const __int128 r = num % den;
  const __int128 ar = r < 0 ? -r : r;
  const __int128 ad = den < 0 ? -den : den;
  if (ar >= ad - ar) q += ((num < 0) != (den < 0)) ? -1 : 1;  // half away from zero
  if (q > std::numeric_limits<int64_t>::max() || q < std::numeric_limits<int64_t>::min()) {
    if (overflow) *overflow = true;
    return 0;
  }
  return static_cast<int64_t>(q);
}

}  // namespace jincai::policy
