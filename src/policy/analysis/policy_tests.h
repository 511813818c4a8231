// Policy tests: an analyst's NAME.tests.toml (a dossier, a date, optional parameter
// overrides, the expected decision) run against the compiled policy, each test giving
// PASS or FAIL with a per-field diff. Format: docs/policy-language.md, "Policy tests".
#pragma once

#include <string>
#include <vector>

#include "policy/engine.h"

namespace jincai::policy {

struct PolicyTestOutcome {
  std::string name;
  int line = 0;                      // of the test's [[tests]] header
  bool passed = false;
  // The test is malformed (bad key, unknown tier, invalid dossier...): "file:line: msg".
  std::vector<std::string> errors;
  // The decision differs: "tier: expected \"A\", got \"B\"", one per field.
  std::vector<std::string> diffs;
};

struct PolicyTestFileResult {
  std::string path;                  // the tests file
  std::string policy_path;           // the policy it names, resolved
  // The file could not be run at all (unreadable, TOML syntax, policy with errors):
  // "file:line: msg", plus the policy's rendered diagnostics.
  std::vector<std::string> errors;
  std::vector<PolicyTestOutcome> tests;

  int passed() const;
  int failed() const;
  bool ok() const { return errors.empty() && failed() == 0; }
};

// "dir/NAME.toml" -> "dir/NAME.tests.toml".
std::string TestsPathFor(const std::string& policy_path);

// Reads a tests file (or, given a policy file, the NAME.tests.toml beside it), builds
// the policy it names (relative to the tests file) and runs every test.
PolicyTestFileResult RunPolicyTestFile(const std::string& path);

// Runs tests given as text against a policy already built without errors (`build.checked`
// and `build.policy` set). `path` names the tests in messages only.
PolicyTestFileResult RunPolicyTests(const std::string& path, const std::string& text, const PolicyBuild& build);

}  // namespace jincai::policy
