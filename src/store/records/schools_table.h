// The schools and placement_runs tables: schools with a stage (primary, junior,
// senior), a capacity for green-card holders' children and an ordered list of
// admission criteria; and each run of school placement with its inputs' digest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct SchoolRow {
  int64_t id = 0;
  std::string code, name, city, stage;
  int64_t capacity = 0;
  std::string priority;  // comma-separated criteria, e.g. "same_city,tier"
  std::string created_at, updated_at;
};

struct PlacementRunRow {
  int64_t id = 0;
  std::string run_at, run_by, inputs_digest;
  int64_t children = 0, placed = 0;
  std::string summary;  // JSON
};

Result<int64_t> InsertSchool(Tx& tx, const SchoolRow& row);
Result<std::optional<SchoolRow>> FindSchool(Tx& tx, int64_t id);
Result<std::optional<SchoolRow>> FindSchoolByCode(Tx& tx, const std::string& code);
// By id; only `stage`'s when given.
Result<std::vector<SchoolRow>> ListSchools(Tx& tx, std::optional<std::string> stage);
Status UpdateSchool(Tx& tx, const SchoolRow& row);  // name, city, capacity, priority

Result<int64_t> InsertPlacementRun(Tx& tx, const PlacementRunRow& row);
// Writes the run's counts and summary once its claims are placed.
Status FinishPlacementRun(Tx& tx, const PlacementRunRow& row);
Result<std::optional<PlacementRunRow>> LatestPlacementRun(Tx& tx);

}  // namespace jincai::store
