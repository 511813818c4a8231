// Reads a policy TOML file into a PolicyDocument. Every mistake (TOML syntax, a missing
// or unknown key, a wrong type, a bad date) is a diagnostic with a location; the
// returned document is usable for further checking only when no error was reported.
#pragma once

#include <string>

#include "common/result.h"
#include "policy/model/policy.h"
#include "policy/syntax/source.h"

namespace jincai::policy {

// Reads the file; an unreadable file is a bad Status, everything else goes to `diags`.
Result<PolicyDocument> LoadPolicyFile(const std::string& path, Diagnostics& diags);
// Same, for text already in memory (path is used in messages only).
PolicyDocument LoadPolicyText(const std::string& path, std::string text, Diagnostics& diags);

// Reads a whole file (refusing more than max_bytes).
Result<std::string> ReadFileText(const std::string& path, size_t max_bytes = 64u << 20);

}  // namespace jincai::policy
