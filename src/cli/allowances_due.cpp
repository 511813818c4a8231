// jincai allowances due --month YYYY-MM [--db URL] [--format jsonl|table]: the office's
// monthly job for the spouse living allowance and social insurance. It computes each
// open claim's months through MONTH that are not yet computed (the amount under the
// policy version in force on the month's first day, from the employer's salary figure
// now; both recorded with the month), then lists what is unpaid: MONTH's amounts as
// "due", earlier months as "missed". Totals go to stderr. Running it twice computes
// nothing new and prints the same list, less what was paid in between.
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/store_support.h"
#include "policy/value.h"
#include "service/platform.h"

namespace jincai::cli {
namespace {

struct DueOptions {
  std::string db = kDefaultDbUrl;
  std::string month;
  std::string format = "jsonl";
};

void RunAllowancesDue(const DueOptions& o) {
  if (!service::IsMonth(o.month))
    throw CommandExit{kExitUsage, "jincai: --month must be a month YYYY-MM, not '" + o.month + "'"};
  auto store = OpenStoreOrExit(o.db, /*create=*/false);
  if (auto m = store->Migrate(); !m.ok()) throw CommandExit{kExitBadInput, "jincai: " + m.status().message()};
  service::Platform platform(*store);
  std::vector<std::string> not_computed;
  auto rows = platform.allowances.Due(service::Actor::System(), o.month, &not_computed);
  if (!rows.ok()) throw CommandExit{kExitBadInput, "jincai: " + rows.status().message()};
  if (o.format == "table")
    std::printf("%-8s %-8s %-9s %-24s %-8s %12s %-7s %s\n", "claim", "talent", "employer", "entitlement", "month",
                "amount_cny", "status", "basis");
  int64_t due = 0, missed = 0, n_due = 0, n_missed = 0;
  for (const auto& d : *rows) {
    (d.status == "due" ? due : missed) += d.row.amount_fen;
    ++(d.status == "due" ? n_due : n_missed);
    const long long employer = d.claim.employer_id.value_or(0);
    if (o.format == "table") {
      std::printf("%-8lld %-8lld %-9lld %-24s %-8s %12s %-7s %s, salary %s\n", static_cast<long long>(d.claim.id),
                  static_cast<long long>(d.claim.talent_id), employer, d.claim.entitlement.c_str(), d.row.month.c_str(),
                  policy::FormatMoney(d.row.amount_fen).c_str(), d.status.c_str(), d.row.policy_version.c_str(),
                  policy::FormatMoney(d.row.salary_fen).c_str());
    } else {
      nlohmann::json line = {{"claim_id", d.claim.id},          {"talent_id", d.claim.talent_id},
                             {"employer_id", employer},          {"entitlement", d.claim.entitlement},
                             {"month", d.row.month},             {"amount_fen", d.row.amount_fen},
                             {"status", d.status},               {"policy_version", d.row.policy_version},
                             {"salary_fen", d.row.salary_fen}};
      std::printf("%s\n", line.dump().c_str());
    }
  }
  for (const auto& n : not_computed) std::fprintf(stderr, "not computed: %s\n", n.c_str());
  std::fprintf(stderr, "%s: %lld due (%s yuan), %lld missed earlier (%s yuan)\n", o.month.c_str(),
               static_cast<long long>(n_due), policy::FormatMoney(due).c_str(), static_cast<long long>(n_missed),
               policy::FormatMoney(missed).c_str());
}

}  // namespace

void SetupAllowancesDue(CLI::App& allowances) {
  auto o = std::make_shared<DueOptions>();
  CLI::App* cmd = allowances.add_subcommand(
      "due", "Compute the spouse allowance months through MONTH and list what is due then and missed before");
  cmd->add_option("--month", o->month, "The month, YYYY-MM")->required();
  cmd->add_option("--db", o->db, kDbFlagHelp);
  cmd->add_option("--format", o->format, "jsonl (default) or table")->check(CLI::IsMember({"jsonl", "table"}));
  cmd->callback([o] { RunCommand([&] { RunAllowancesDue(*o); }); });
}

}  // namespace jincai::cli
