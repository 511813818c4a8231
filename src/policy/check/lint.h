// Policy-level checks beyond types: the barrier lint (restricted inputs may not
// decide eligibility, tier or entitlements), unused parameters, missing citations,
// and the tier analysis (overlaps, gaps, unreachable tiers and rules).
#pragma once

#include "policy/check/checked_policy.h"

namespace jincai::policy {

// REQUIRES: the policy checked without errors.
void LintBarriers(const CheckedPolicy& policy, Diagnostics& diags);
void LintUsage(const CheckedPolicy& policy, Diagnostics& diags);
void LintTiers(const CheckedPolicy& policy, Diagnostics& diags);

inline void LintPolicy(const CheckedPolicy& policy, Diagnostics& diags) {
  LintBarriers(policy, diags);
  LintUsage(policy, diags);
  LintTiers(policy, diags);
}

}  // namespace jincai::policy
