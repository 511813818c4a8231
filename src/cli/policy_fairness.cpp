// jincai policy fairness --policy FILE --population FILE: decisions must not move
// when only restricted fields change. Exit 1 when any decision moved.
#include <cstdio>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "policy/analysis/fairness.h"

namespace jincai::cli {
namespace {

struct FairnessOptions {
  std::string policy, population, date;
  bool skip_invalid = false;
};

void RunPolicyFairness(const FairnessOptions& o) {
  auto p = BuildOrExit(o.policy);
  policy::FairnessCheck check(*p, DateOrToday(o.date));
  if (!check.status().ok()) throw CommandExit{kExitBadInput, "jincai: " + check.status().message()};
  ForEachBatch(o.population, *p, o.skip_invalid, [&](const policy::Batch& b) { check.Add(b); });
  const auto& r = check.report();
  std::string inputs;
  for (const auto& s : r.restricted) inputs += (inputs.empty() ? "" : ", ") + s;
  std::printf("restricted inputs changed: %s\n", inputs.empty() ? "(none declared)" : inputs.c_str());
  std::printf("dossiers: %lld, variants evaluated: %lld, decisions moved: %lld\n", static_cast<long long>(r.dossiers),
              static_cast<long long>(r.variants), static_cast<long long>(r.moved));
  for (const auto& m : r.examples)
    std::printf("moved: %s when %s\n  before: %s\n  after:  %s\n", m.id.c_str(), m.change.c_str(), m.before.c_str(), m.after.c_str());
  if (r.moved > 0) throw CommandExit{kExitBadInput, "jincai: restricted inputs moved " + std::to_string(r.moved) + " decision(s)"};
}

}  // namespace

void SetupPolicyFairness(CLI::App& policy) {
  auto o = std::make_shared<FairnessOptions>();
  CLI::App* cmd = policy.add_subcommand("fairness", "Check that changing only restricted fields moves no decision");
  cmd->add_option("--policy", o->policy, "Policy file")->required();
  cmd->add_option("--population", o->population, "Dossiers: JSON, JSON Lines or CSV")->required();
  cmd->add_option("--date", o->date, "Evaluation date YYYY-MM-DD (default: today, Asia/Shanghai)");
  cmd->add_flag("--skip-invalid", o->skip_invalid, "Report bad records on stderr and go on");
  cmd->callback([o] { RunCommand([&] { RunPolicyFairness(*o); }); });
}

}  // namespace jincai::cli
