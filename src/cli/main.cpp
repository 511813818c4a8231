// jincai: the command-line entry point. Subcommands are set up in their own files.
#include <cstdio>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Jincai: the talent office's policy engine and platform"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "jincai 0.1.0");
  CLI::App* policy = app.add_subcommand("policy", "Check, evaluate, simulate and test policy files");
  policy->require_subcommand(1);
  jincai::cli::SetupPolicyCheck(*policy);
  jincai::cli::SetupPolicyEvaluate(*policy);
  jincai::cli::SetupPolicySimulate(*policy);
  jincai::cli::SetupPolicyFairness(*policy);
  jincai::cli::SetupPolicyTest(*policy);
  jincai::cli::SetupPolicyCoverage(*policy);
  CLI::App* population = app.add_subcommand("population", "Synthetic populations for demos, tests and benchmarks");
  population->require_subcommand(1);
  jincai::cli::SetupPopulationGenerate(*population);
  jincai::cli::SetupMigrate(app);
  jincai::cli::SetupServe(app);
  CLI::App* audit = app.add_subcommand("audit", "Verify the hash-chained audit log");
  audit->require_subcommand(1);
  jincai::cli::SetupAuditVerify(*audit);
  CLI::App* import = app.add_subcommand("import", "Import records into the platform's database");
  import->require_subcommand(1);
  jincai::cli::SetupDossiersImport(*import);
  CLI::App* exp = app.add_subcommand("export", "Export records from the platform's database");
  exp->require_subcommand(1);
  jincai::cli::SetupDossiersExport(*exp);
  CLI::App* account = app.add_subcommand("account", "Accounts of officers, analysts and admins");
  account->require_subcommand(1);
  jincai::cli::SetupAccountCreate(*account);
  CLI::App* keys = app.add_subcommand("keys", "The card signing key ring: generate, rotate, export-public");
  keys->require_subcommand(1);
  jincai::cli::SetupKeys(*keys);
  CLI::App* card = app.add_subcommand("card", "Green cards: verify offline");
  card->require_subcommand(1);
  jincai::cli::SetupCardVerify(*card);
  CLI::App* placement = app.add_subcommand("placement", "The office's school placement for green-card holders' children");
  placement->require_subcommand(1);
  jincai::cli::SetupPlacementRun(*placement);
  CLI::App* allowances = app.add_subcommand("allowances", "The spouse allowance's monthly schedule");
  allowances->require_subcommand(1);
  jincai::cli::SetupAllowancesDue(*allowances);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return 0;
}
