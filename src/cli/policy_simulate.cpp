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
  // Both policies read these batches: a string column either reads must be interned.
  policy::BatchLayout layout = base->layout();
  for (size_t s = 0; s < layout.scalars.size(); ++s) layout.scalars[s].used |= reform->layout().scalars[s].used;
  // Both outputs are opened first and committed last: a failure leaves neither behind.
  std::unique_ptr<OutputFile> chart;
  if (!o.chart.empty()) chart = std::make_unique<OutputFile>(o.chart);
  OutputFile out(o.output);
  ForEachBatch(o.population, *base, o.skip_invalid, [&](const policy::Batch& b) { (*sim)->Add(b); }, /*pipelined=*/true,
               &layout);
  const auto& report = (*sim)->report();
  if (chart) {
    std::string title = base->doc().id + " " + base->doc().version + " vs " +
                        (o.reform.empty() ? "reform (--set)" : reform->doc().id + " " + reform->doc().version);
    chart->Write(report.ChartSvg(title));
  }
  out.Write(o.format == "json" ? report.Json() : o.format == "csv" ? report.Csv() : report.Table());
  out.Commit();
  if (chart) chart->Commit();
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
