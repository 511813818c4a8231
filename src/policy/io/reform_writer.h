// A reform as a policy file: the base policy's text with some parameters given one new
// value each and a new version, everything else (comments, order, citations) kept as
// written. What the simulator exports for the analyst to check, test and upload.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace jincai::policy {

struct ParameterRewrite {
  std::string name;
  std::string from;   // YYYY-MM-DD: the one value applies from this date
  std::string value;  // as TOML: 0.8, 5000.00, true, 2020-01-01, "text"
};

// Replaces the value of each [parameters.NAME] table: a `value = ...` line by the new
// value, a dated `values = [...]` entry (one line or several) by one value from `from`
// (the simulator's override: one value for all dates), each marked `# reform`;
// and `version` in [policy]. InvalidArgument when a parameter's table or value, or the
// [policy] version, is not found.
Result<std::string> RewriteParameters(std::string_view text, const std::vector<ParameterRewrite>& rewrites,
                                      const std::string& version);

}  // namespace jincai::policy
