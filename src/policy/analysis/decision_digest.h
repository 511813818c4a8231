// A comparable summary of one decision (tier, entitlements with amounts, and
// optionally points), so two evaluations of the same dossier can be compared
// across policies (simulation) or across edited inputs (fairness).
#pragma once

#include <string>

#include "policy/compile/compiled_policy.h"
#include "policy/eval/decisions.h"

namespace jincai::policy {

// REQUIRES: d.IndexByRow produced order/row_start.
std::string DecisionDigest(const CompiledPolicy& p, const Decisions& d, int32_t row, const std::vector<uint32_t>& order,
                           const std::vector<uint32_t>& row_start, bool with_points);

}  // namespace jincai::policy
