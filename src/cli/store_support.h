// What the database subcommands share: the --db flag with its default, and opening
// the store with errors turned into exit codes.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace jincai::cli {

inline constexpr const char* kDefaultDbUrl = "sqlite:data/jincai.db";
inline constexpr const char* kDbFlagHelp = "Database: sqlite:PATH (default sqlite:data/jincai.db) or postgresql://...";

// Opens the store at `url`. With `create`, a missing SQLite file and its directory
// are created. Throws CommandExit(2) for a malformed URL, (1) when it cannot be opened.
std::unique_ptr<store::Store> OpenStoreOrExit(const std::string& url, bool create);

// A file shipped with Jincai (`rel`, e.g. "policies/shanxi-2017.toml" or "web/dist"):
// under the working directory, else beside the build or install directory of this
// binary (BIN/../REL, BIN/../share/jincai/REL), so that commands work from the
// repository root, a build directory or an installed tree. `rel` itself when none has it.
std::string ShippedPath(const std::string& rel);
inline std::string ShippedPolicyPath() { return ShippedPath("policies/shanxi-2017.toml"); }

}  // namespace jincai::cli
