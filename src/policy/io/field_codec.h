// Converting one dossier field's text (a CSV cell, a JSON string or a JSON number's raw
// text) into its column encoding, with the checks its FieldSpec declares (values,
// min/max) and the error message a person reads when it does not fit.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policy/model/policy.h"
#include "policy/string_pool.h"

namespace jincai::policy::io {

bool IsValidUtf8(std::string_view text);
// A fast 64-bit hash of bytes (for the readers' own hash tables).
uint64_t HashBytes(const char* p, size_t n);

// A reader's cache in front of a StringPool: open addressing over views of the pool's
// own (stable) strings, so a string seen before costs one hash and one compare, and no
// std::string is built. New strings are checked for UTF-8 and interned.
class StringCache {
 public:
  explicit StringCache(StringPool& pool) : pool_(pool) { Rehash(1024); }
  // The pool id of s; -1 when s is new and not valid UTF-8 (nothing is interned then).
  int64_t Intern(std::string_view s);
  StringPool& pool() { return pool_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    const char* data = nullptr;  // the pool's copy; nullptr: empty slot
    uint32_t size = 0;
    uint32_t id = 0;
    uint64_t head[2] = {0, 0};  // the first 16 bytes, zero-padded: most compares end here
  };
  void Rehash(size_t capacity);
  StringPool& pool_;
  std::vector<Slot> slots_;
  size_t count_ = 0;
};

// One allowed value of a string field, with its first bytes as integers so that a
// compare is two word compares (and a memcmp only past 16 bytes).
struct AllowedValue {
  uint64_t head[2] = {0, 0};  // first 16 bytes, zero-padded
  std::string_view text;
  int64_t id = 0;
};

// Everything needed to convert one scalar field, prepared once per reader.
struct FieldPlan {
  const FieldSpec* spec = nullptr;
  Kind kind = Kind::kNumber;  // scalar kind (a list<string> element plan says kString)
  std::vector<AllowedValue> allowed;  // `values`, interned
  bool has_default = false;
  int64_t default_value = 0;
  bool intern = true;  // false: strings are checked (UTF-8) but stored as 0, unread
};

// `kind` overrides spec.kind (list<string> elements are strings).
FieldPlan MakeFieldPlan(const FieldSpec& spec, Kind kind, StringPool& pool);

// Fast paths for the common, valid cases; false means "use ConvertScalar" (which
// handles every other form and explains failures).
namespace fast {

// The first min(n, 8) bytes at p as an integer (zero-padded), built from loads that
// stay inside [p, p + n) and without a store to memory (no store-forwarding stall).
inline uint64_t Load8Padded(const char* p, size_t n) {
  uint64_t v;
  if (n >= 8) {
    std::memcpy(&v, p, 8);
    return v;
  }
  if (n >= 4) {  // two overlapping 4-byte loads
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return lo | (static_cast<uint64_t>(hi) << ((n - 4) * 8));
  }
  if (n == 0) return 0;
  const auto b = [&](size_t i) { return static_cast<uint64_t>(static_cast<unsigned char>(p[i])); };
  return b(0) | (b(n / 2) << (n / 2 * 8)) | (b(n - 1) << ((n - 1) * 8));
}

// The first 16 bytes of s as two integers, zero-padded.
inline void Head16(const char* p, size_t n, uint64_t head[2]) {
  head[0] = Load8Padded(p, n);
  head[1] = n > 8 ? Load8Padded(p + 8, n - 8) : 0;
}

// "-123.45": at most 12 integer digits and `digits` (<= 6) decimals.
inline bool Decimal(std::string_view s, int digits, int64_t* out) {
  static constexpr int64_t kPow[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  const char* p = s.data();
  const char* end = p + s.size();
  const bool neg = p < end && *p == '-';
  p += neg;
  const char* start = p;
  int64_t whole = 0;
  const char* limit = end - p > 12 ? p + 12 : end;  // 12 digits cannot overflow
  while (p < limit && static_cast<unsigned>(*p - '0') < 10) whole = whole * 10 + (*p++ - '0');
  if (p == start || (p < end && static_cast<unsigned>(*p - '0') < 10)) return false;
  int64_t frac = 0;
  int n = 0;
  if (p < end && *p == '.') {
    ++p;
    while (p < end && static_cast<unsigned>(*p - '0') < 10 && n < digits) {
      frac = frac * 10 + (*p++ - '0');
      ++n;
    }
    if (n == 0) return false;
  }
  if (p != end) return false;
  const int64_t v = whole * kPow[digits] + frac * kPow[digits - n];
  *out = neg ? -v : v;
  return true;
}

// "YYYY-MM-DD", a real day, years 1000..9999.
inline bool Date(std::string_view s, int64_t* out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  const auto d = [&](int i) { return static_cast<unsigned>(s[i] - '0'); };
  if (d(0) > 9 || d(1) > 9 || d(2) > 9 || d(3) > 9 || d(5) > 9 || d(6) > 9 || d(8) > 9 || d(9) > 9) {
    return false;
  }
  const int y = static_cast<int>(d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3));
  const int m = static_cast<int>(d(5) * 10 + d(6));
  const int day = static_cast<int>(d(8) * 10 + d(9));
  if (y < 1000 || m < 1 || m > 12 || day < 1 || day > 28) {
    if (y < 1000 || !IsValidCivil(y, m, day)) return false;
  }
  // DaysFromCivil for years >= 1000, inline (see value.cpp).
  const int yy = y - (m <= 2);
  const int era = yy / 400;
  const int yoe = yy - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *out = era * 146097 + doe - 719468;
  return true;
}

inline bool Bool(std::string_view s, int64_t* out) {
  if (s == "true") {
    *out = 1;
    return true;
  }
  if (s == "false") {
    *out = 0;
    return true;
  }
  return false;
}

inline bool InRange(const FieldSpec& spec, int64_t v) {
  return (!spec.min || v >= *spec.min) && (!spec.max || v <= *spec.max);
}

inline bool Allowed(const FieldPlan& plan, std::string_view s, int64_t* out) {
  uint64_t head[2];
  Head16(s.data(), s.size(), head);
  for (const AllowedValue& a : plan.allowed) {
    if (a.head[0] == head[0] && a.head[1] == head[1] && a.text.size() == s.size() &&
        (s.size() <= 16 || std::memcmp(a.text.data() + 16, s.data() + 16, s.size() - 16) == 0)) {
      *out = a.id;
      return true;
    }
  }
  return false;
}

// The common valid cases of every scalar kind.
inline bool Convert(const FieldPlan& plan, std::string_view s, StringCache& strings, int64_t* out) {
  switch (plan.kind) {
    case Kind::kNumber: return Decimal(s, 6, out) && InRange(*plan.spec, *out);
    case Kind::kMoney: return Decimal(s, 2, out) && InRange(*plan.spec, *out);
    case Kind::kDate: return Date(s, out) && InRange(*plan.spec, *out);
    case Kind::kBool: return Bool(s, out);
    case Kind::kString:
      if (!plan.allowed.empty()) return Allowed(plan, s, out);
      if (!plan.intern) {
        *out = 0;
        return IsValidUtf8(s);
      }
      *out = strings.Intern(s);
      return *out >= 0;
    default: return false;
  }
}

}  // namespace fast

// Converts `text` to the plan's encoding. `json_number` says the text is the raw text
// of a JSON number (rendered without quotes in messages). On failure returns false and
// sets *message ("expected a number, got \"x\"").
bool ConvertScalar(const FieldPlan& plan, std::string_view text, bool json_number,
                   StringCache& strings, int64_t* out, std::string* message);

// "a number", "an amount in yuan", "true or false", "a date \"YYYY-MM-DD\"", "a string".
const char* Expectation(Kind kind);

// The text quoted for a message: JSON-style escapes, invalid UTF-8 as \xNN, long text cut.
std::string Quote(std::string_view text);
// The text with invalid UTF-8 bytes replaced by \xNN (for third-party messages).
std::string SanitizeUtf8(std::string_view text);
bool IsValidUtf8(std::string_view text);

}  // namespace jincai::policy::io
