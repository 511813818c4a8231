// jincai policy test FILE...: runs policy tests files (or, given a policy file, the
// NAME.tests.toml beside it); one PASS/FAIL line per test, a diff per failing field,
// and "N passed, M failed". Exit 1 when a test fails or a file cannot be run.
#include <cstdio>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "policy/analysis/policy_tests.h"

namespace jincai::cli {
namespace {

struct TestOptions {
  std::vector<std::string> files;
};

void RunPolicyTest(const TestOptions& o) {
  int passed = 0, failed = 0, broken_files = 0;
  for (const auto& file : o.files) {
    const policy::PolicyTestFileResult r = policy::RunPolicyTestFile(file);
    if (o.files.size() > 1) std::printf("%s\n", r.path.c_str());
    for (const auto& e : r.errors) std::fprintf(stderr, "%s\n", e.c_str());
    if (!r.errors.empty()) ++broken_files;
    for (const auto& t : r.tests) {
      if (t.passed) {
        std::printf("PASS %s\n", t.name.c_str());
        continue;
      }
      std::printf("FAIL %s (%s:%d)\n", t.name.c_str(), r.path.c_str(), t.line);
      for (const auto& e : t.errors) std::printf("  %s\n", e.c_str());
      for (const auto& d : t.diffs) std::printf("  %s\n", d.c_str());
    }
    passed += r.passed();
    failed += r.failed();
  }
  std::printf("%d passed, %d failed", passed, failed);
  if (broken_files) std::printf(", %d file(s) could not be run", broken_files);
  std::printf("\n");
  std::fflush(stdout);
  if (failed || broken_files) throw CommandExit{kExitBadInput, ""};
}

}  // namespace

void SetupPolicyTest(CLI::App& policy) {
  auto o = std::make_shared<TestOptions>();
  CLI::App* cmd = policy.add_subcommand("test", "Run policy tests: expected decisions for given dossiers");
  cmd->add_option("files", o->files, "Tests files (NAME.tests.toml), or policy files whose NAME.tests.toml to run")->required();
  cmd->callback([o] { RunCommand([&] { RunPolicyTest(*o); }); });
}

}  // namespace jincai::cli
