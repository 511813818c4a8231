// The employers table: unified social credit code, type, ownership, city and average
// monthly salary (the base of the spouse allowance).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct EmployerRow {
  int64_t id = 0;
  std::string credit_code, name, kind, ownership, city;
  int64_t avg_monthly_salary_fen = 0;
  std::string created_at, updated_at;
};

// Conflict when the credit code is taken. Returns the new id.
Result<int64_t> InsertEmployer(Tx& tx, const EmployerRow& row);
Result<std::optional<EmployerRow>> FindEmployer(Tx& tx, int64_t id);
Result<std::optional<EmployerRow>> FindEmployerByCreditCode(Tx& tx, const std::string& code);
// In id order, ids > after_id, at most limit.
Result<std::vector<EmployerRow>> ListEmployers(Tx& tx, int64_t limit, int64_t after_id);
Status UpdateEmployer(Tx& tx, const EmployerRow& row);

}  // namespace jincai::store
