// SQL of the positions and position_terms tables; the same text on SQLite and PostgreSQL.
#include "store/records/positions_table.h"

#include <algorithm>
#include <limits>

#include "store/records/row.h"

namespace jincai::store {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, employer_id, title, engagement, field, skills, city, pay_min_cny, pay_max_cny, lang, description, "
    "status, created_at, updated_at FROM positions";

PositionRow Read(const SqlRow& r) {
  return {IntCol(r, 0),  IntCol(r, 1),  TextCol(r, 2),  TextCol(r, 3),  TextCol(r, 4),
          SplitLines(TextCol(r, 5)),    TextCol(r, 6),  IntCol(r, 7),   IntCol(r, 8),
          TextCol(r, 9), TextCol(r, 10), TextCol(r, 11), TextCol(r, 12), TextCol(r, 13)};
}

}  // namespace

std::string JoinLines(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "\n") + s;
  return out;
}

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Result<int64_t> InsertPosition(Tx& tx, const PositionRow& p) {
  auto rows = tx.Query(
      "INSERT INTO positions (employer_id, title, engagement, field, skills, city, pay_min_cny, pay_max_cny, lang, "
      "description, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
      "RETURNING id",
      {p.employer_id, p.title, p.engagement, p.field, JoinLines(p.skills), p.city, p.pay_min_cny, p.pay_max_cny, p.lang,
       p.description, p.status, p.created_at, p.updated_at});
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

Result<std::optional<PositionRow>> FindPosition(Tx& tx, int64_t id) {
  return QueryOne<PositionRow>(tx, std::string(kColumns) + " WHERE id = $1", {id}, Read);
}

Result<std::vector<PositionRow>> ListPositions(Tx& tx, const PositionFilter& f) {
  std::string sql = std::string(kColumns) + " WHERE id < $1";
  std::vector<SqlValue> params{f.before_id > 0 ? f.before_id : std::numeric_limits<int64_t>::max(), f.limit};
  auto next = [&](SqlValue v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  if (f.status) sql += " AND status = " + next(*f.status);
  if (f.engagement) sql += " AND engagement = " + next(*f.engagement);
  if (f.field) sql += " AND field = " + next(*f.field);
  if (f.city) sql += " AND city = " + next(*f.city);
  if (f.employer_id) sql += " AND employer_id = " + next(*f.employer_id);
  if (f.pay_at_least_cny) sql += " AND pay_max_cny >= " + next(*f.pay_at_least_cny);
  if (!f.terms.empty()) {
    // Positions having every term: the terms are distinct, and (term, position_id) is
    // the key, so a position with all n of them has n rows among these.
    std::string in;
    for (const auto& t : f.terms) in += (in.empty() ? "" : ", ") + next(t);
    sql += " AND id IN (SELECT position_id FROM position_terms WHERE term IN (" + in +
           ") GROUP BY position_id HAVING COUNT(*) = " + next(static_cast<int64_t>(f.terms.size())) + ")";
  }
  return QueryRows<PositionRow>(tx, sql + " ORDER BY id DESC LIMIT $2", params, Read);
}

Result<std::vector<PositionRow>> ListOpenPositionFacts(Tx& tx) {
  return QueryRows<PositionRow>(
      tx,
      "SELECT id, employer_id, title, engagement, field, skills, city, pay_min_cny, pay_max_cny, lang, '', status, "
      "created_at, updated_at FROM positions WHERE status = 'open' ORDER BY id",
      {}, Read);
}

Result<std::vector<PositionRow>> ListPositionsWithIds(Tx& tx, const std::vector<int64_t>& ids) {
  std::vector<PositionRow> out;
  // In slices of at most 100 ids: a few statement shapes, each prepared once.
  for (size_t at = 0; at < ids.size(); at += 100) {
    std::vector<SqlValue> params;
    std::string in;
    for (size_t i = at; i < ids.size() && i < at + 100; ++i) {
      params.push_back(ids[i]);
      in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
    }
    auto rows = QueryRows<PositionRow>(tx, std::string(kColumns) + " WHERE id IN (" + in + ")", params, Read);
    if (!rows.ok()) return rows.status();
    for (auto& r : *rows) out.push_back(std::move(r));
  }
  std::sort(out.begin(), out.end(), [](const PositionRow& a, const PositionRow& b) { return a.id < b.id; });
  return out;
}

Result<bool> UpdatePosition(Tx& tx, const PositionRow& p, const std::string& status_was) {
  auto changed = tx.Execute(
      "UPDATE positions SET title = $2, engagement = $3, field = $4, skills = $5, city = $6, pay_min_cny = $7, "
      "pay_max_cny = $8, lang = $9, description = $10, status = $11, updated_at = $12 WHERE id = $1 AND status = $13",
      {p.id, p.title, p.engagement, p.field, JoinLines(p.skills), p.city, p.pay_min_cny, p.pay_max_cny, p.lang,
       p.description, p.status, p.updated_at, status_was});
  if (!changed.ok()) return changed.status();
  return *changed > 0;
}

Status SetPositionTerms(Tx& tx, int64_t position_id, const std::vector<std::string>& terms) {
  JINCAI_RETURN_IF_ERROR(tx.Execute("DELETE FROM position_terms WHERE position_id = $1", {position_id}).status());
  // Many rows per statement: a long description has thousands of terms, and on
  // PostgreSQL each statement is a few round trips. Full slices share one shape.
  constexpr size_t kSlice = 256;
  for (size_t at = 0; at < terms.size(); at += kSlice) {
    std::vector<SqlValue> params{position_id};
    std::string sql = "INSERT INTO position_terms (term, position_id) VALUES ";
    for (size_t i = at; i < terms.size() && i < at + kSlice; ++i) {
      params.push_back(terms[i]);
      sql += (i == at ? "($" : ", ($") + std::to_string(params.size()) + ", $1)";
    }
    JINCAI_RETURN_IF_ERROR(tx.Execute(sql, params).status());
  }
  return Status::Ok();
}

}  // namespace jincai::store
