// Time as the services see it: seconds since the epoch from a clock that tests can
// replace, written as ISO 8601 UTC (which sorts as text), and the office's calendar
// day in Asia/Shanghai (UTC+8, no daylight saving) for dates in the policy.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace jincai::service {

using Clock = std::function<int64_t()>;
Clock SystemClock();

std::string UtcText(int64_t unix_seconds);  // "2026-11-28T19:20:00Z"
// The seconds of a UtcText() string; 0 for empty or malformed text.
int64_t ParseUtcText(const std::string& text);
int32_t ShanghaiDay(int64_t unix_seconds);  // days since 1970-01-01 in Asia/Shanghai
std::string ShanghaiDate(int64_t unix_seconds);  // "2026-11-29"
// The day (days since 1970-01-01) with the same month and day `years` later, as
// "YYYY-MM-DD"; 29 February becomes 28 February (a period of years ends on the day
// before its anniversary's next day, as the Civil Code counts).
std::string AddYears(int32_t day, int years);

}  // namespace jincai::service
