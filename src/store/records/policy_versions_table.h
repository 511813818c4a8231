// The policy_versions table: every policy file the office uploaded, with the date it
// takes effect. The version in force on a date is the one with the latest
// effective_from on or before it (the later upload wins a tie).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct PolicyVersionRow {
  int64_t id = 0;
  std::string policy_id, version, effective_from;  // effective_from: YYYY-MM-DD
  std::string text, digest;
  std::optional<int64_t> uploaded_by;
  std::string uploaded_at;
};

// Conflict when this policy id and version exist already. Returns the new id.
Result<int64_t> InsertPolicyVersion(Tx& tx, const PolicyVersionRow& row);
Result<std::optional<PolicyVersionRow>> FindPolicyVersion(Tx& tx, int64_t id);
Result<std::optional<PolicyVersionRow>> PolicyVersionInForce(Tx& tx, const std::string& date);
// Without the text, newest first.
Result<std::vector<PolicyVersionRow>> ListPolicyVersions(Tx& tx);

}  // namespace jincai::store
