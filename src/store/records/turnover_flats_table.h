// The turnover_flats table: each employer's inventory of flats it lends to talents
// (address, size, rooms, the dates it is available). A retired flat stays for history.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct FlatRow {
  int64_t id = 0;
  int64_t employer_id = 0;
  std::string address;
  std::string area_m2;  // decimal text, e.g. "86.5"
  int64_t rooms = 0;
  std::string available_from, available_to;  // YYYY-MM-DD
  bool retired = false;
  std::string created_at, updated_at;
};

Result<int64_t> InsertFlat(Tx& tx, const FlatRow& row);
Result<std::optional<FlatRow>> FindFlat(Tx& tx, int64_t id);
// The employer's flats (every employer's when empty), by id.
Result<std::vector<FlatRow>> ListFlats(Tx& tx, std::optional<int64_t> employer_id);
Status RetireFlat(Tx& tx, int64_t id, const std::string& at);

}  // namespace jincai::store
