// jincai audit verify [--db URL]: walks the audit log's hash chain. Exit 0 and the head
// hash (to publish as an anchor) when it holds; exit 1 and the first broken record when
// any record was edited or deleted.
#include <cstdio>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/store_support.h"

namespace jincai::cli {
namespace {

struct VerifyOptions {
  std::string db = kDefaultDbUrl;
};

void RunAuditVerify(const VerifyOptions& o) {
  // Never create: verifying a mistyped path must fail, not report an empty chain.
  auto store = OpenStoreOrExit(o.db, /*create=*/false);
  auto v = store->VerifyAudit();
  if (!v.ok()) throw CommandExit{kExitBadInput, "jincai: " + v.status().message()};
  if (!v->ok())
    throw CommandExit{kExitBadInput, "audit chain BROKEN at record " + std::to_string(v->broken_id) + " (" +
                                         store::AuditBreakName(v->kind) + "): " + v->detail};
  std::printf("audit chain ok: %lld record(s), head %s\n", static_cast<long long>(v->records), v->head_hash.c_str());
}

}  // namespace

void SetupAuditVerify(CLI::App& audit) {
  auto o = std::make_shared<VerifyOptions>();
  CLI::App* cmd = audit.add_subcommand("verify", "Verify the audit log's hash chain; exit 1 at the first broken record");
  cmd->add_option("--db", o->db, kDbFlagHelp);
  cmd->callback([o] { RunCommand([&] { RunAuditVerify(*o); }); });
}

}  // namespace jincai::cli
