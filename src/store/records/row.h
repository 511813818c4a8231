// Reading typed values out of an SqlRow, for the table files beside this one.
#pragma once

#include <cstdlib>
#include <optional>
#include <string>

#include "store/store.h"

namespace jincai::store {

inline std::string TextCol(const SqlRow& row, size_t i) { return row[i] ? *row[i] : std::string(); }
inline int64_t IntCol(const SqlRow& row, size_t i) { return row[i] ? std::strtoll(row[i]->c_str(), nullptr, 10) : 0; }
inline std::optional<int64_t> OptIntCol(const SqlRow& row, size_t i) {
  if (!row[i]) return std::nullopt;
  return std::strtoll(row[i]->c_str(), nullptr, 10);
}
inline SqlValue OptInt(const std::optional<int64_t>& v) { return v ? SqlValue(*v) : SqlValue(nullptr); }

}  // namespace jincai::store
