// jincai policy evaluate --policy FILE [--date D] [--explain] [--what-it-takes] INPUT:
// one decision per dossier, as JSON Lines (default) or a table.
#include <cstdio>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "policy/eval/evaluator.h"
#include "policy/explain/trace.h"
#include "policy/explain/what_it_takes.h"
#include "policy/io/decision_writer.h"

namespace jincai::cli {
namespace {

struct EvaluateOptions {
  std::string policy, date, input, output, format = "jsonl";
  std::vector<std::string> sets;
  bool explain = false, what_it_takes = false, skip_invalid = false;
};

void RunPolicyEvaluate(const EvaluateOptions& o) {
  auto p = BuildOrExit(o.policy);
  ApplyOverrides(*p, o.sets);
  int32_t date = DateOrToday(o.date);
  policy::Evaluator ev(*p);
  if (auto st = ev.SetDate(date); !st.ok()) throw CommandExit{kExitBadInput, "jincai: " + st.message()};
  bool table = o.format == "table";
  if (table && (o.explain || o.what_it_takes)) {
    if (o.what_it_takes) throw CommandExit{kExitUsage, "jincai: --what-it-takes needs --format jsonl"};
  }
  policy::DecisionWriter writer(*p, table ? policy::DecisionFormat::kTable : policy::DecisionFormat::kJsonl);
  OutputFile out(o.output);
  out.Write(writer.Header());
  policy::Decisions d;
  std::string buf;
  ForEachBatch(o.input, *p, o.skip_invalid, [&](const policy::Batch& batch) {
    ev.Evaluate(batch, &d);
    buf.clear();
    if (table && o.explain) {
      for (int32_t r = 0; r < batch.rows; ++r) buf += policy::TraceText(ev, d, r) + "\n";
    } else {
      policy::DecisionWriter::Extra extra;
      if (o.explain || o.what_it_takes) {
        extra = [&](int32_t r, std::string& s) {
          if (o.explain) policy::AppendTraceJson(ev, d, r, s);
          if (o.what_it_takes) policy::AppendWhatItTakesJson(*p, date, batch, r, s);
        };
      }
      writer.WriteBatch(batch, d, buf, extra);
    }
    out.Write(buf);
  }, /*pipelined=*/!(o.explain || o.what_it_takes || WritingReadsPool(*p)));
  out.Commit();
}

}  // namespace

void SetupPolicyEvaluate(CLI::App& policy) {
  auto o = std::make_shared<EvaluateOptions>();
  CLI::App* cmd = policy.add_subcommand("evaluate", "Decide each dossier: points, tier, entitlements");
  cmd->add_option("--policy", o->policy, "Policy file")->required();
  cmd->add_option("--date", o->date, "Evaluation date YYYY-MM-DD (default: today, Asia/Shanghai)");
  cmd->add_flag("--explain", o->explain, "Add the trace: why each point, tier and amount");
  cmd->add_flag("--what-it-takes", o->what_it_takes, "Add the smallest changes that reach the next tier");
  cmd->add_option("--set", o->sets, "Override a parameter: NAME=VALUE (repeatable)");
  cmd->add_option("--format", o->format, "jsonl (default) or table")->check(CLI::IsMember({"jsonl", "table"}));
  cmd->add_option("-o,--output", o->output, "Write here instead of standard output (atomically)");
  cmd->add_flag("--skip-invalid", o->skip_invalid, "Report bad records on stderr and go on");
  cmd->add_option("input", o->input, "Dossiers: JSON, JSON Lines or CSV ('-' for standard input)")->required();
  cmd->callback([o] { RunCommand([&] { RunPolicyEvaluate(*o); }); });
}

}  // namespace jincai::cli
