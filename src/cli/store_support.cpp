// Opening the store for a subcommand: the data directory is created on first use so
// that `jincai migrate` works in a fresh checkout.
#include "cli/store_support.h"

#include <filesystem>
#include <system_error>

#include "cli/cli_support.h"

namespace jincai::cli {

std::unique_ptr<store::Store> OpenStoreOrExit(const std::string& url, bool create) {
  if (create && url.starts_with("sqlite:")) {
    std::filesystem::path dir = std::filesystem::path(url.substr(7)).parent_path();
    std::error_code ec;
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
    if (ec) throw CommandExit{kExitBadInput, "jincai: cannot create " + dir.string() + ": " + ec.message()};
  }
  store::OpenOptions options;
  options.create_if_missing = create;
  auto s = store::Store::Open(url, options);
  if (!s.ok()) {
    int code = s.status().code() == Code::kInvalidArgument ? kExitUsage : kExitBadInput;
    throw CommandExit{code, "jincai: " + s.status().message()};
  }
  return std::move(s).value();
}

}  // namespace jincai::cli

namespace jincai::cli {

std::string ShippedPath(const std::string& rel_text) {
  namespace fs = std::filesystem;
  const fs::path rel = rel_text;
  if (fs::exists(rel)) return rel.string();
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec)
    for (const fs::path& base : {exe.parent_path().parent_path(), exe.parent_path().parent_path() / "share/jincai"})
      if (fs::exists(base / rel)) return (base / rel).string();
  return rel.string();  // the error then names the path a user expects
}

}  // namespace jincai::cli
