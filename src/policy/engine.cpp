// Pipeline glue. Each stage runs only when the one before it found no error, so an
// analyst sees the first layer of mistakes, not their echoes.
#include "policy/engine.h"

#include "policy/check/checker.h"
#include "policy/check/lint.h"
#include "policy/model/policy_loader.h"

namespace jincai::policy {

PolicyBuild BuildPolicyText(const std::string& path, std::string text, std::shared_ptr<StringPool> pool) {
  PolicyBuild b;
  auto doc = std::make_shared<PolicyDocument>(LoadPolicyText(path, std::move(text), b.diags));
  if (b.diags.has_errors()) return b;
  std::shared_ptr<const CheckedPolicy> checked = CheckPolicy(doc, b.diags, std::move(pool));
  if (b.diags.has_errors()) return b;
  LintPolicy(*checked, b.diags);
  b.checked = checked;
  if (b.diags.has_errors()) return b;
  b.policy = Compile(checked);
  return b;
}

Result<PolicyBuild> BuildPolicyFile(const std::string& path, std::shared_ptr<StringPool> pool) {
  auto text = ReadFileText(path);
  if (!text.ok()) return text.status();
  return BuildPolicyText(path, std::move(text).value(), std::move(pool));
}

}  // namespace jincai::policy
