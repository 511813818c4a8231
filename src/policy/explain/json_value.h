// One encoded value as JSON for explanations: whole numbers and amounts as JSON
// integers, others as the shortest decimal, dates and strings as strings.
#pragma once

#include <nlohmann/json.hpp>

#include "policy/string_pool.h"
#include "policy/value.h"

namespace jincai::policy {

inline nlohmann::json EncodeValue(Kind k, int64_t v, const StringPool& pool) {
  switch (k) {
    case Kind::kBool: return v != 0;
    case Kind::kString: return pool.Get(v);
    case Kind::kDate: return FormatDate(static_cast<int32_t>(v));
    case Kind::kMoney:
      if (v % kFenPerYuan == 0) return v / kFenPerYuan;
      return std::stod(FormatMoney(v));
    default:
      if (v % kNumberScale == 0) return v / kNumberScale;
      return std::stod(FormatNumber(v));
  }
}

}  // namespace jincai::policy
