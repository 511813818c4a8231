// Each subcommand lives in its own file with a setup function that declares its flags
// on the CLI11 app; main() wires them. Exit codes: 0 success, 1 the input or the
// policy is wrong (reported on stderr), 2 bad usage.
#pragma once

#include <CLI/CLI.hpp>

namespace jincai::cli {

void SetupPolicyCheck(CLI::App& policy);
void SetupPolicyEvaluate(CLI::App& policy);
void SetupPolicySimulate(CLI::App& policy);
void SetupPolicyFairness(CLI::App& policy);
void SetupPolicyTest(CLI::App& policy);
void SetupPolicyCoverage(CLI::App& policy);
void SetupPopulationGenerate(CLI::App& population);
void SetupMigrate(CLI::App& app);
void SetupServe(CLI::App& app);
void SetupAuditVerify(CLI::App& audit);
void SetupDossiersImport(CLI::App& import);
void SetupDossiersExport(CLI::App& exp);
void SetupAccountCreate(CLI::App& account);
void SetupKeys(CLI::App& keys);
void SetupCardVerify(CLI::App& card);
void SetupPlacementRun(CLI::App& placement);
void SetupAllowancesDue(CLI::App& allowances);

}  // namespace jincai::cli
