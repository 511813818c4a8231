// jincai placement run [--db URL] [--format jsonl|table]: the office's school placement
// as a batch job: every child with a ranking is placed by deferred acceptance (the same
// run as POST /api/v1/placements), then each child's result is printed: the school and
// the choice it was, or none, with why each higher choice was not given. The run's
// summary and its inputs' digest go to stderr; the same inputs give the same digest
// and the same result.
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/store_support.h"
#include "service/platform.h"

namespace jincai::cli {
namespace {

struct PlacementOptions {
  std::string db = kDefaultDbUrl;
  std::string format = "jsonl";
};

void RunPlacement(const PlacementOptions& o) {
  auto store = OpenStoreOrExit(o.db, /*create=*/false);
  if (auto m = store->Migrate(); !m.ok()) throw CommandExit{kExitBadInput, "jincai: " + m.status().message()};
  service::Platform platform(*store);
  const service::Actor office = service::Actor::System();
  auto report = platform.schools.RunPlacement(office);
  if (!report.ok()) throw CommandExit{kExitBadInput, "jincai: " + report.status().message()};
  if (o.format == "table")
    std::printf("%-8s %-8s %-6s %-8s %-30s %s\n", "claim", "talent", "child", "choice", "school", "higher choices not given");
  service::ClaimQuery q;
  q.entitlement = "school_choice";
  q.limit = 500;
  for (;;) {
    auto page = platform.claims.List(office, q);
    if (!page.ok()) throw CommandExit{kExitBadInput, "jincai: " + page.status().message()};
    if (page->empty()) break;
    for (const auto& c : *page) {
      q.after_id = c.row.id;
      if (c.row.state != "placed" && c.row.state != "unplaced") continue;
      nlohmann::json d = nlohmann::json::parse(c.row.detail, nullptr, false);
      nlohmann::json placement = d.is_object() && d.contains("placement") ? d["placement"] : nlohmann::json::object();
      const std::string school = c.school ? c.school->name : "";
      if (o.format == "table") {
        std::string reasons;
        for (const auto& n : placement.value("not_given", nlohmann::json::array()))
          reasons += (reasons.empty() ? "" : "; ") + n.value("school", "") + ": " + n.value("reason", "");
        std::printf("%-8lld %-8lld %-6lld %-8s %-30s %s\n", static_cast<long long>(c.row.id),
                    static_cast<long long>(c.row.talent_id), static_cast<long long>(c.row.child),
                    c.school ? std::to_string(placement.value("choice", 0)).c_str() : "-",
                    c.school ? school.c_str() : "(none)", reasons.c_str());
      } else {
        nlohmann::json line = {{"claim_id", c.row.id},
                               {"talent_id", c.row.talent_id},
                               {"child", c.row.child},
                               {"school_id", c.school ? nlohmann::json(c.school->id) : nlohmann::json(nullptr)},
                               {"school", c.school ? nlohmann::json(school) : nlohmann::json(nullptr)},
                               {"choice", placement.value("choice", 0)},
                               {"not_given", placement.value("not_given", nlohmann::json::array())}};
        std::printf("%s\n", line.dump().c_str());
      }
    }
  }
  std::fprintf(stderr, "placement run %lld: %lld child(ren), %lld placed, %lld unplaced, %lld changed; inputs %s\n",
               static_cast<long long>(report->run.id), static_cast<long long>(report->run.children),
               static_cast<long long>(report->run.placed), static_cast<long long>(report->unplaced),
               static_cast<long long>(report->changed), report->run.inputs_digest.c_str());
}

}  // namespace

void SetupPlacementRun(CLI::App& placement) {
  auto o = std::make_shared<PlacementOptions>();
  CLI::App* cmd = placement.add_subcommand(
      "run", "Place every ranked child in a school by deferred acceptance and print each child's result");
  cmd->add_option("--db", o->db, kDbFlagHelp);
  cmd->add_option("--format", o->format, "jsonl (default) or table")->check(CLI::IsMember({"jsonl", "table"}));
  cmd->callback([o] { RunCommand([&] { RunPlacement(*o); }); });
}

}  // namespace jincai::cli
