// Reading typed values out of an SqlRow, for the table files beside this one.
#pragma once

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace jincai::store {

inline std::string TextCol(const SqlRow& row, size_t i) { return row[i] ? *row[i] : std::string(); }
inline int64_t IntCol(const SqlRow& row, size_t i) { return row[i] ? std::strtoll(row[i]->c_str(), nullptr, 10) : 0; }
inline std::optional<int64_t> OptIntCol(const SqlRow& row, size_t i) {
  if (!row[i]) return std::nullopt;
  return std::strtoll(row[i]->c_str(), nullptr, 10);
}
inline SqlValue OptInt(const std::optional<int64_t>& v) { return v ? SqlValue(*v) : SqlValue(nullptr); }


// Every row of a query, each read by `read` (SqlRow -> T).
template <class T, class Read>
Result<std::vector<T>> QueryRows(Tx& tx, std::string_view sql, const std::vector<SqlValue>& params, Read read) {
  auto rows = tx.Query(sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<T> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(read(r));
  return out;
}

// The first row of a query, if any.
template <class T, class Read>
Result<std::optional<T>> QueryOne(Tx& tx, std::string_view sql, const std::vector<SqlValue>& params, Read read) {
  auto rows = tx.Query(sql, params);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<T>();
  return std::optional<T>(read(rows->front()));
}

}  // namespace jincai::store
