// SQL of the applications and application_events tables, the same on both backends.
#include "store/records/applications_table.h"

#include "store/records/row.h"

namespace jincai::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, talent_id, employer_id, state, revision, dossier, submitted_on, policy_version_id, tier, decision, "
    "card_expires_on, created_at, updated_at FROM applications";

ApplicationRow Read(const SqlRow& r) {
  return {IntCol(r, 0),  IntCol(r, 1),  OptIntCol(r, 2), TextCol(r, 3),  IntCol(r, 4),
          TextCol(r, 5), TextCol(r, 6), OptIntCol(r, 7), TextCol(r, 8),  TextCol(r, 9),
          TextCol(r, 10), TextCol(r, 11), TextCol(r, 12)};
}

}  // namespace

Result<int64_t> InsertApplication(Tx& tx, const ApplicationRow& a) {
  auto rows = tx.Query(
      "INSERT INTO applications (talent_id, employer_id, state, revision, dossier, submitted_on, policy_version_id, "
      "tier, decision, card_expires_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
      "$12) RETURNING id",
      {a.talent_id, OptInt(a.employer_id), a.state, a.revision, a.dossier, a.submitted_on, OptInt(a.policy_version_id),
       a.tier, a.decision, a.card_expires_on, a.created_at, a.updated_at});
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

Result<std::optional<ApplicationRow>> FindApplication(Tx& tx, int64_t id) {
  auto rows = tx.Query(std::string(kColumns) + " WHERE id = $1", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<ApplicationRow>();
  return std::optional<ApplicationRow>(Read(rows->front()));
}

Result<std::optional<ApplicationRow>> FindApplicationStatus(Tx& tx, int64_t id) {
  auto rows = tx.Query(
      "SELECT id, talent_id, employer_id, state, revision, '', submitted_on, policy_version_id, tier, '', "
      "card_expires_on, created_at, updated_at FROM applications WHERE id = $1",
      {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<ApplicationRow>();
  return std::optional<ApplicationRow>(Read(rows->front()));
}

Result<std::vector<ApplicationRow>> ListApplications(Tx& tx, const ApplicationFilter& f) {
  std::string sql = std::string(kColumns) + " WHERE id > $1";
  std::vector<SqlValue> params{f.after_id, f.limit};
  auto add = [&](const std::string& cond, SqlValue v) {
    params.push_back(std::move(v));
    sql += " AND " + cond + " $" + std::to_string(params.size());
  };
  if (f.talent_id) add("talent_id =", *f.talent_id);
  if (f.employer_id) {
    add("employer_id =", *f.employer_id);
    sql += " AND state <> 'draft'";
  }
  if (f.state) add("state =", *f.state);
  auto rows = tx.Query(sql + " ORDER BY id LIMIT $2", params);
  if (!rows.ok()) return rows.status();
  std::vector<ApplicationRow> out;
  for (const auto& r : *rows) out.push_back(Read(r));
  return out;
}

Status UpdateApplication(Tx& tx, const ApplicationRow& a) {
  auto n = tx.Execute(
      "UPDATE applications SET employer_id = $3, state = $4, revision = revision + 1, dossier = $5, submitted_on = $6, "
      "policy_version_id = $7, tier = $8, decision = $9, card_expires_on = $10, updated_at = $11 "
      "WHERE id = $1 AND revision = $2",
      {a.id, a.revision, OptInt(a.employer_id), a.state, a.dossier, a.submitted_on, OptInt(a.policy_version_id), a.tier,
       a.decision, a.card_expires_on, a.updated_at});
  if (!n.ok()) return n.status();
  if (*n == 0)
    return Status::Conflict("application " + std::to_string(a.id) + " was changed by someone else; reload it")
        .Zh("申请 " + std::to_string(a.id) + " 已被他人修改，请刷新后重试");
  return Status::Ok();
}

Status InsertApplicationEvent(Tx& tx, const ApplicationEventRow& e) {
  return tx.Execute(
               "INSERT INTO application_events (application_id, at, actor_user_id, actor_role, action, from_state, "
               "to_state, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
               {e.application_id, e.at, OptInt(e.actor_user_id), e.actor_role, e.action, e.from_state, e.to_state,
                e.reason})
      .status();
}

Result<std::vector<ApplicationEventRow>> ListApplicationEvents(Tx& tx, int64_t application_id) {
  auto rows = tx.Query(
      "SELECT id, application_id, at, actor_user_id, actor_role, action, from_state, to_state, reason "
      "FROM application_events WHERE application_id = $1 ORDER BY id",
      {application_id});
  if (!rows.ok()) return rows.status();
  std::vector<ApplicationEventRow> out;
  for (const auto& r : *rows)
    out.push_back({IntCol(r, 0), IntCol(r, 1), TextCol(r, 2), OptIntCol(r, 3), TextCol(r, 4), TextCol(r, 5),
                   TextCol(r, 6), TextCol(r, 7), TextCol(r, 8)});
  return out;
}

Result<std::vector<std::pair<std::string, int64_t>>> CountApplicationsByState(Tx& tx) {
  auto rows = tx.Query("SELECT state, COUNT(*) FROM applications GROUP BY state ORDER BY state");
  if (!rows.ok()) return rows.status();
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& r : *rows) out.emplace_back(TextCol(r, 0), IntCol(r, 1));
  return out;
}

}  // namespace jincai::store
