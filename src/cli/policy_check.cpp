// jincai policy check FILE...: loads, checks and lints policy files; prints every
// error and warning with file, line, column and a caret. Exit 0 when no errors.
#include <cstdio>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"

namespace jincai::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> files;
  bool quiet = false;
};

void RunPolicyCheck(const CheckOptions& o) {
  int failed = 0;
  for (const auto& path : o.files) {
    auto built = policy::BuildPolicyFile(path);
    if (!built.ok()) {
      std::fprintf(stderr, "jincai: %s\n", built.status().message().c_str());
      ++failed;
      continue;
    }
    const auto& d = built->diags;
    for (const auto& item : d.items())
      if (item.severity == policy::Severity::kError || !o.quiet)
        std::fputs(policy::Diagnostics::RenderOne(d.file(), item).c_str(), stderr);
    if (d.has_errors()) ++failed;
    std::printf("%s: %s, %zu error(s), %zu warning(s)\n", path.c_str(), d.has_errors() ? "FAILED" : "ok", d.error_count(),
                d.warning_count());
  }
  if (failed) throw CommandExit{kExitBadInput, ""};
}

}  // namespace

void SetupPolicyCheck(CLI::App& policy) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = policy.add_subcommand("check", "Check policy files: syntax, names, types, barrier lint, tier analysis");
  cmd->add_option("files", o->files, "Policy files (TOML)")->required();
  cmd->add_flag("-q,--quiet", o->quiet, "Print errors only, not warnings");
  cmd->callback([o] { RunCommand([&] { RunPolicyCheck(*o); }); });
}

}  // namespace jincai::cli
