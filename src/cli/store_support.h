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

// policies/shanxi-2017.toml under the working directory, else beside the build or
// install directory of this binary (BIN/../policies, BIN/../share/jincai/policies), so
// that commands work from the repository root, a build directory or an installed tree.
std::string ShippedPolicyPath();

}  // namespace jincai::cli
