// SQL of the policy_versions table; the same text runs on SQLite and PostgreSQL.
#include "store/records/policy_versions_table.h"

#include "store/records/row.h"

namespace jincai::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, policy_id, version, effective_from, text, digest, uploaded_by, uploaded_at FROM policy_versions";

PolicyVersionRow Read(const SqlRow& r) {
  return {IntCol(r, 0), TextCol(r, 1), TextCol(r, 2), TextCol(r, 3), TextCol(r, 4), TextCol(r, 5), OptIntCol(r, 6),
          TextCol(r, 7)};
}

Result<std::optional<PolicyVersionRow>> One(Tx& tx, const std::string& rest, const SqlValue& v) {
  auto rows = tx.Query(std::string(kColumns) + rest, {v});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<PolicyVersionRow>();
  return std::optional<PolicyVersionRow>(Read(rows->front()));
}

}  // namespace

Result<int64_t> InsertPolicyVersion(Tx& tx, const PolicyVersionRow& p) {
  auto dup = tx.Query("SELECT id FROM policy_versions WHERE policy_id = $1 AND version = $2", {p.policy_id, p.version});
  if (!dup.ok()) return dup.status();
  if (!dup->empty())
    return Status::Conflict("policy " + p.policy_id + " version " + p.version + " is already stored; raise [policy].version")
        .Field("text")
        .Zh("政策 " + p.policy_id + " 的版本 " + p.version + " 已存在，请修改 [policy].version");
  auto rows = tx.Query(
      "INSERT INTO policy_versions (policy_id, version, effective_from, text, digest, uploaded_by, uploaded_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {p.policy_id, p.version, p.effective_from, p.text, p.digest, OptInt(p.uploaded_by), p.uploaded_at});
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

Result<std::optional<PolicyVersionRow>> FindPolicyVersion(Tx& tx, int64_t id) { return One(tx, " WHERE id = $1", id); }

Result<std::optional<PolicyVersionRow>> PolicyVersionInForce(Tx& tx, const std::string& date) {
  return One(tx, " WHERE effective_from <= $1 ORDER BY effective_from DESC, id DESC LIMIT 1", date);
}

Result<std::vector<PolicyVersionRow>> ListPolicyVersions(Tx& tx) {
  auto rows = tx.Query(
      "SELECT id, policy_id, version, effective_from, '', digest, uploaded_by, uploaded_at FROM policy_versions "
      "ORDER BY effective_from DESC, id DESC");
  if (!rows.ok()) return rows.status();
  std::vector<PolicyVersionRow> out;
  for (const auto& r : *rows) out.push_back(Read(r));
  return out;
}

}  // namespace jincai::store
