// The engine's front door: a policy file in, a compiled policy (or the reasons why
// not) out. Runs the whole pipeline: load -> check -> lint -> compile.
#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "policy/compile/compiled_policy.h"

namespace jincai::policy {

struct PolicyBuild {
  std::shared_ptr<CompiledPolicy> policy;  // null when diags has errors
  std::shared_ptr<const CheckedPolicy> checked;  // null when loading or checking failed
  Diagnostics diags;
};

// A bad Status only when the file cannot be read; policy mistakes are in diags.
// `pool`: see CheckPolicy; pass the base policy's pool to build a reform that reads
// the same dossier batches.
Result<PolicyBuild> BuildPolicyFile(const std::string& path, std::shared_ptr<StringPool> pool = nullptr);
PolicyBuild BuildPolicyText(const std::string& path, std::string text, std::shared_ptr<StringPool> pool = nullptr);

}  // namespace jincai::policy
