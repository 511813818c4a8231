// jincai policy simulate --base FILE (--reform FILE | --set NAME=VALUE ...) --population FILE:
// the effect and cost of a reform over a population (SPEC §3.4).
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "policy/analysis/simulation.h"

namespace jincai::cli {
namespace {

struct SimulateOptions {
  std::string base, reform, population, date, format = "table", chart, output;
  std::vector<std::string> sets;
  bool skip_invalid = false;
};

void RunPolicySimulate(const SimulateOptions& o) {
  if (o.reform.empty() && o.sets.empty()) throw CommandExit{kExitUsage, "jincai: give the reform as --reform FILE or as --set NAME=VALUE"};
  auto base = BuildOrExit(o.base);
  std::shared_ptr<policy::CompiledPolicy> reform;
  if (!o.reform.empty()) {
    reform = BuildOrExit(o.reform, false, base->checked->pool);
  } else {
    reform = std::make_shared<policy::CompiledPolicy>(*base);
  }
  ApplyOverrides(*reform, o.sets);
  if (auto why = policy::ReformReadsBase(*base, *reform); !why.empty()) throw CommandExit{kExitBadInput, "jincai: " + why};
  int32_t date = DateOrToday(o.date);
  auto sim = policy::Simulation::Create(*base, *reform, date);
  if (!sim.ok()) throw CommandExit{kExitBadInput, "jincai: " + sim.status().message()};
  ForEachBatch(o.population, *base, o.skip_invalid, [&](const policy::Batch& b) { (*sim)->Add(b); }, /*pipelined=*/true);
  const auto& report = (*sim)->report();
  if (!o.chart.empty()) {
    OutputFile chart(o.chart);
    std::string title = base->doc().id + " " + base->doc().version + " vs " +
                        (o.reform.empty() ? "reform (--set)" : reform->doc().id + " " + reform->doc().version);
    chart.Write(report.ChartSvg(title));
    chart.Commit();
  }
  OutputFile out(o.output);
  out.Write(o.format == "json" ? report.Json() : o.format == "csv" ? report.Csv() : report.Table());
  out.Commit();
}

}  // namespace

void SetupPolicySimulate(CLI::App& policy) {
  auto o = std::make_shared<SimulateOptions>();
  CLI::App* cmd = policy.add_subcommand("simulate", "Compare a base policy and a reform over a population");
  cmd->add_option("--base", o->base, "Base policy file")->required();
  cmd->add_option("--reform", o->reform, "Reform policy file (same inputs as the base)");
  cmd->add_option("--set", o->sets, "Reform as parameter overrides: NAME=VALUE (repeatable)");
  cmd->add_option("--population", o->population, "Dossiers: JSON, JSON Lines or CSV")->required();
  cmd->add_option("--date", o->date, "Evaluation date YYYY-MM-DD (default: today, Asia/Shanghai)");
  cmd->add_option("--format", o->format, "table (default), json or csv")->check(CLI::IsMember({"table", "json", "csv"}));
  cmd->add_option("--chart", o->chart, "Also write an SVG chart comparing base and reform");
  cmd->add_option("-o,--output", o->output, "Write the report here instead of standard output");
  cmd->add_flag("--skip-invalid", o->skip_invalid, "Report bad records on stderr and go on");
  cmd->callback([o] { RunCommand([&] { RunPolicySimulate(*o); }); });
}

}  // namespace jincai::cli
