// "What would it take": the smallest single changes of non-restricted inputs that
// lift a dossier to the next tier above its own, found by re-evaluating variants of
// the dossier (a search over numbers, allowed values and list additions).
#pragma once

#include <string>

#include "policy/compile/compiled_policy.h"
#include "policy/eval/batch.h"

namespace jincai::policy {

struct WhatItTakesOptions {
  int max_answers = 5;
};

// Appends `,"what_it_takes":{...}` for row `row` of `batch`, evaluated on `as_of`.
void AppendWhatItTakesJson(const CompiledPolicy& policy, int32_t as_of, const Batch& batch, int32_t row,
                           std::string& out, const WhatItTakesOptions& options = {});

}  // namespace jincai::policy
