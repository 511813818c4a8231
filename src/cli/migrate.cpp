// jincai migrate [--db URL]: applies the schema migrations this build knows and the
// database lacks, and prints each applied version; running it again changes nothing.
#include <cstdio>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/store_support.h"

namespace jincai::cli {
namespace {

struct MigrateOptions {
  std::string db = kDefaultDbUrl;
};

void RunMigrate(const MigrateOptions& o) {
  auto store = OpenStoreOrExit(o.db, /*create=*/true);
  auto applied = store->Migrate();
  if (!applied.ok()) throw CommandExit{kExitBadInput, "jincai: " + applied.status().message()};
  for (const auto& m : *applied) std::printf("applied %d %s\n", m.version, m.name.c_str());
  auto version = store->SchemaVersion();
  if (!version.ok()) throw CommandExit{kExitBadInput, "jincai: " + version.status().message()};
  std::printf("schema version %d%s\n", *version, applied->empty() ? " (up to date)" : "");
}

}  // namespace

void SetupMigrate(CLI::App& app) {
  auto o = std::make_shared<MigrateOptions>();
  CLI::App* cmd = app.add_subcommand("migrate", "Apply the database schema migrations");
  cmd->add_option("--db", o->db, kDbFlagHelp);
  cmd->callback([o] { RunCommand([&] { RunMigrate(*o); }); });
}

}  // namespace jincai::cli
