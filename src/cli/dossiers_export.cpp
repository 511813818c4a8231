// jincai export dossiers [--db URL] [--format jsonl|csv] [-o FILE]: every talent with
// identity, employer credit code and dossier, in the shape `jincai import dossiers`
// reads, so an export imports into another database unchanged.
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/store_support.h"
#include "policy/io/dossier_transcode.h"
#include "service/clock.h"
#include "service/dossier_evaluation.h"
#include "service/platform.h"
#include "store/records/employers_table.h"
#include "store/records/talents_table.h"

namespace jincai::cli {
namespace {

struct ExportOptions {
  std::string db = kDefaultDbUrl;
  std::string format = "jsonl", output;
};

void RunExport(const ExportOptions& o) {
  auto store = OpenStoreOrExit(o.db, /*create=*/false);
  service::Platform platform(*store);
  auto policy = platform.policies.InForce(service::ShanghaiDay(service::SystemClock()()));
  if (!policy.ok()) throw CommandExit{kExitBadInput, "jincai: " + policy.status().message()};
  const policy::PolicyDocument& doc = (*policy)->compiled->doc();
  const auto& owned = service::RecordOwnedInputs();
  const std::vector<std::string> columns = policy::DossierCsvColumns(doc, {owned.begin(), owned.end()});
  const bool csv = o.format == "csv";

  std::map<int64_t, std::string> credit_code;
  OutputFile out(o.output);
  if (csv) {
    std::vector<std::string> header = {"document_kind", "document_number", "name", "nationality", "employer_credit_code"};
    header.insert(header.end(), columns.begin(), columns.end());
    out.Write(policy::CsvLine(header));
  }
  int64_t count = 0;
  std::vector<std::string> cells;
  for (int64_t after = 0;;) {
    std::vector<store::TalentRow> page;
    Status st = store->Read([&](store::Tx& tx) -> Status {
      if (credit_code.empty())
        for (int64_t e_after = 0;;) {
          auto es = store::ListEmployers(tx, 1000, e_after);
          if (!es.ok()) return es.status();
          if (es->empty()) break;
          for (const auto& e : *es) credit_code[e_after = e.id] = e.credit_code;
        }
      store::TalentFilter f;
      f.limit = 5000;
      f.after_id = after;
      auto rows = store::ListTalents(tx, f);
      if (!rows.ok()) return rows.status();
      page = std::move(*rows);
      return Status::Ok();
    });
    if (!st.ok()) throw CommandExit{kExitBadInput, "jincai: " + st.message()};
    if (page.empty()) break;
    std::string buf;
    for (const auto& t : page) {
      after = t.id;
      nlohmann::json d = nlohmann::json::parse(t.dossier.empty() ? "{}" : t.dossier, nullptr, false);
      if (!d.is_object()) d = nlohmann::json::object();
      std::string code = t.employer_id ? credit_code[*t.employer_id] : "";
      if (csv) {
        Status cs = policy::DossierJsonToCsvCells(doc, columns, d, &cells);
        if (!cs.ok())
          throw CommandExit{kExitBadInput, "jincai: talent " + std::to_string(t.id) + ": " + cs.message()};
        cells.insert(cells.begin(), {t.document_kind, t.document_number, t.name, t.nationality, code});
        buf += policy::CsvLine(cells);
      } else {
        nlohmann::json row = {{"document_kind", t.document_kind},
                              {"document_number", t.document_number},
                              {"name", t.name},
                              {"nationality", t.nationality}};
        if (!code.empty()) row["employer_credit_code"] = code;
        for (auto& [k, v] : d.items()) row[k] = v;
        buf += row.dump() + "\n";
      }
      ++count;
    }
    out.Write(buf);
  }
  out.Commit();
  std::fprintf(stderr, "exported %lld talent(s)\n", static_cast<long long>(count));
}

}  // namespace

void SetupDossiersExport(CLI::App& exp) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = exp.add_subcommand("dossiers", "Export every talent with identity and dossier (JSON Lines or CSV)");
  cmd->add_option("--db", o->db, kDbFlagHelp);
  cmd->add_option("--format", o->format, "jsonl (default) or csv")->check(CLI::IsMember({"jsonl", "csv"}));
  cmd->add_option("-o,--output", o->output, "Write here instead of standard output (atomically)");
  cmd->callback([o] { RunCommand([&] { RunExport(*o); }); });
}

}  // namespace jincai::cli
