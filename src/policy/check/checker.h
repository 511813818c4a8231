// Resolves names and checks types of every expression in a policy, producing the
// CheckedPolicy the compiler needs. The analyst's mistakes go to `diags` with a
// location and a caret; the function itself does not fail.
#pragma once

#include <memory>

#include "policy/check/checked_policy.h"

namespace jincai::policy {

// REQUIRES: doc was loaded without errors.
// `pool`: intern strings into this pool (to share dossier batches with another policy
// built on the same pool); null makes a new one.
std::unique_ptr<CheckedPolicy> CheckPolicy(std::shared_ptr<const PolicyDocument> doc, Diagnostics& diags,
                                           std::shared_ptr<StringPool> pool = nullptr);

// Names available to expressions besides the declared ones.
inline constexpr const char* kPointNames[4] = {"ability_points", "performance_points", "contribution_points",
                                               "total_points"};

}  // namespace jincai::policy
