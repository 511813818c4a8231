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
