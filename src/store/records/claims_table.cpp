// SQL of the claims and claim_events tables; the same text runs on SQLite and PostgreSQL.
#include "store/records/claims_table.h"

#include "store/records/row.h"

namespace jincai::store {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, application_id, talent_id, employer_id, entitlement, child, state, revision, detail, flat_id, "
    "school_id, letter_number, opened_on, created_at, updated_at FROM claims";

ClaimRow Read(const SqlRow& r) {
  return {IntCol(r, 0),   IntCol(r, 1),   IntCol(r, 2),    OptIntCol(r, 3), TextCol(r, 4),
          IntCol(r, 5),   TextCol(r, 6),  IntCol(r, 7),    TextCol(r, 8),   OptIntCol(r, 9),
          OptIntCol(r, 10), TextCol(r, 11), TextCol(r, 12), TextCol(r, 13), TextCol(r, 14)};
}

std::string Where(std::string_view cond) { return std::string(kColumns) + " WHERE " + std::string(cond); }

}  // namespace

Result<int64_t> InsertClaim(Tx& tx, const ClaimRow& c) {
  auto rows = tx.Query(
      "INSERT INTO claims (application_id, talent_id, employer_id, entitlement, child, state, revision, detail, "
      "flat_id, school_id, letter_number, opened_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
      "$9, $10, $11, $12, $13, $14) RETURNING id",
      {c.application_id, c.talent_id, OptInt(c.employer_id), c.entitlement, c.child, c.state, c.revision, c.detail,
       OptInt(c.flat_id), OptInt(c.school_id), c.letter_number, c.opened_on, c.created_at, c.updated_at});
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

Result<std::optional<ClaimRow>> FindClaim(Tx& tx, int64_t id) {
  return QueryOne<ClaimRow>(tx, Where("id = $1"), {id}, Read);
}

Result<std::optional<ClaimRow>> FindClaimOf(Tx& tx, int64_t application_id, const std::string& entitlement,
                                            int64_t child) {
  return QueryOne<ClaimRow>(tx, Where("application_id = $1 AND entitlement = $2 AND child = $3"),
                            {application_id, entitlement, child}, Read);
}

Result<std::vector<ClaimRow>> ListClaims(Tx& tx, const ClaimFilter& f) {
  std::string sql = Where("id > $1");
  std::vector<SqlValue> params{f.after_id, f.limit};
  auto add = [&](const std::string& cond, SqlValue v) {
    params.push_back(std::move(v));
    sql += " AND " + cond + " $" + std::to_string(params.size());
  };
  if (f.talent_id) add("talent_id =", *f.talent_id);
  if (f.employer_id) add("employer_id =", *f.employer_id);
  if (f.application_id) add("application_id =", *f.application_id);
  if (f.entitlement) add("entitlement =", *f.entitlement);
  if (f.state) add("state =", *f.state);
  if (!f.entitlement_in.empty()) {
    std::string list;
    for (const auto& e : f.entitlement_in) {
      params.push_back(e);
      list += (list.empty() ? "$" : ", $") + std::to_string(params.size());
    }
    sql += " AND entitlement IN (" + list + ")";
  }
  if (f.open_only) sql += " AND state NOT IN ('letter_issued', 'released', 'withdrawn', 'closed')";
  if (f.overdue_opened_before && f.overdue_month_before) {
    params.push_back(*f.overdue_opened_before);
    const std::string opened = "$" + std::to_string(params.size());
    params.push_back(*f.overdue_month_before);
    const std::string month = "$" + std::to_string(params.size());
    sql += " AND ((entitlement = 'turnover_housing' AND state = 'open' AND opened_on < " + opened +
           ") OR (entitlement IN ('spouse_allowance', 'spouse_social_insurance') AND state IN ('active', 'suspended') "
           "AND EXISTS (SELECT 1 FROM allowance_months m WHERE m.claim_id = claims.id AND m.paid_on = '' AND m.month < " +
           month + ")))";
  }
  return QueryRows<ClaimRow>(tx, sql + " ORDER BY id LIMIT $2", params, Read);
}

Status ForEachClaim(Tx& tx, ClaimFilter filter, const std::function<Status(ClaimRow&)>& fn) {
  filter.limit = 1000;
  for (filter.after_id = 0;;) {
    auto rows = ListClaims(tx, filter);
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::Ok();
    filter.after_id = rows->back().id;
    for (auto& r : *rows) JINCAI_RETURN_IF_ERROR(fn(r));
  }
}

Result<std::optional<ClaimRow>> ClaimHoldingFlat(Tx& tx, int64_t flat_id) {
  return QueryOne<ClaimRow>(tx, Where("flat_id = $1 AND state IN ('assigned', 'occupied')"), {flat_id}, Read);
}

Result<int64_t> CountPlacedAt(Tx& tx, int64_t school_id) {
  auto rows = tx.Query("SELECT COUNT(*) FROM claims WHERE school_id = $1 AND state = 'placed'", {school_id});
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

Status UpdateClaim(Tx& tx, const ClaimRow& c) {
  auto n = tx.Execute(
      "UPDATE claims SET state = $3, revision = revision + 1, detail = $4, flat_id = $5, school_id = $6, "
      "letter_number = $7, updated_at = $8 WHERE id = $1 AND revision = $2",
      {c.id, c.revision, c.state, c.detail, OptInt(c.flat_id), OptInt(c.school_id), c.letter_number, c.updated_at});
  if (!n.ok()) return n.status();
  if (*n == 0)
    return Status::Conflict("claim " + std::to_string(c.id) + " was changed by someone else; reload it")
        .Zh("待遇申领 " + std::to_string(c.id) + " 已被他人修改，请刷新后重试");
  return Status::Ok();
}

Status InsertClaimEvent(Tx& tx, const ClaimEventRow& e) {
  return tx.Execute(
               "INSERT INTO claim_events (claim_id, at, actor_user_id, actor_role, action, from_state, to_state, note) "
               "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
               {e.claim_id, e.at, OptInt(e.actor_user_id), e.actor_role, e.action, e.from_state, e.to_state, e.note})
      .status();
}

Result<std::vector<ClaimEventRow>> ListClaimEvents(Tx& tx, int64_t claim_id) {
  return QueryRows<ClaimEventRow>(
      tx,
      "SELECT id, claim_id, at, actor_user_id, actor_role, action, from_state, to_state, note FROM claim_events "
      "WHERE claim_id = $1 ORDER BY id",
      {claim_id}, [](const SqlRow& r) {
        return ClaimEventRow{IntCol(r, 0),  IntCol(r, 1),  TextCol(r, 2), OptIntCol(r, 3), TextCol(r, 4),
                             TextCol(r, 5), TextCol(r, 6), TextCol(r, 7), TextCol(r, 8)};
      });
}

}  // namespace jincai::store
