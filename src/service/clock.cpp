#include "service/clock.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "policy/value.h"

namespace jincai::service {

Clock SystemClock() {
  return [] {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  };
}

std::string UtcText(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int64_t ParseUtcText(const std::string& text) {
  std::tm tm{};
  const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (!end || *end) return 0;
  return static_cast<int64_t>(timegm(&tm));
}

int32_t ShanghaiDay(int64_t unix_seconds) {
  int64_t s = unix_seconds + 8 * 3600;
  return static_cast<int32_t>(s >= 0 ? s / 86400 : (s - 86399) / 86400);
}

std::string ShanghaiDate(int64_t unix_seconds) { return policy::FormatDate(ShanghaiDay(unix_seconds)); }

std::string AddYears(int32_t day, int years) {
  std::string d = policy::FormatDate(day);
  int y = std::stoi(d.substr(0, 4)) + years;
  std::string md = d.substr(4);
  if (md == "-02-29") md = "-02-28";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", y);
  return std::string(buf) + md;
}

}  // namespace jincai::service
