// SQL of the users and sessions tables; the same text runs on SQLite and PostgreSQL.
#include "store/records/accounts_table.h"

#include "store/records/row.h"

namespace jincai::store {
namespace {

constexpr const char* kUserColumns =
    "u.id, u.username, u.password_hash, u.role, u.display_name, u.employer_id, u.talent_id, u.failed_logins, "
    "u.last_failed_at, u.locked_until, u.created_at, u.password_changed_at";
constexpr size_t kUserWidth = 12;

UserRow ReadUser(const SqlRow& r, size_t at = 0) {
  return {IntCol(r, at),         TextCol(r, at + 1), TextCol(r, at + 2), TextCol(r, at + 3),
          TextCol(r, at + 4),    OptIntCol(r, at + 5), OptIntCol(r, at + 6), IntCol(r, at + 7),
          TextCol(r, at + 8),    TextCol(r, at + 9), TextCol(r, at + 10), TextCol(r, at + 11)};
}

Result<std::optional<UserRow>> OneUser(Tx& tx, const std::string& where, const SqlValue& v) {
  auto rows = tx.Query(std::string("SELECT ") + kUserColumns + " FROM users u WHERE " + where, {v});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<UserRow>();
  return std::optional<UserRow>(ReadUser(rows->front()));
}

}  // namespace

Result<int64_t> InsertUser(Tx& tx, const UserRow& u) {
  auto existing = FindUserByName(tx, u.username);
  if (!existing.ok()) return existing.status();
  if (*existing)
    return Status::Conflict("the user name " + u.username + " is taken").Field("username").Zh("用户名 " + u.username + " 已被占用");
  auto rows = tx.Query(
      "INSERT INTO users (username, password_hash, role, display_name, employer_id, talent_id, created_at, "
      "password_changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {u.username, u.password_hash, u.role, u.display_name, OptInt(u.employer_id), OptInt(u.talent_id), u.created_at,
       u.password_changed_at});
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

Result<std::optional<UserRow>> FindUser(Tx& tx, int64_t id) { return OneUser(tx, "u.id = $1", id); }

Result<std::optional<UserRow>> FindUserByName(Tx& tx, const std::string& username) {
  return OneUser(tx, "u.username = $1", username);
}

Result<std::vector<UserRow>> ListUsers(Tx& tx, std::optional<int64_t> employer_id, int64_t limit, int64_t after_id) {
  std::string sql = std::string("SELECT ") + kUserColumns + " FROM users u WHERE u.id > $1";
  std::vector<SqlValue> params{after_id, limit};
  if (employer_id) {
    sql += " AND u.employer_id = $3";
    params.push_back(*employer_id);
  }
  auto rows = tx.Query(sql + " ORDER BY u.id LIMIT $2", params);
  if (!rows.ok()) return rows.status();
  std::vector<UserRow> out;
  for (const auto& r : *rows) out.push_back(ReadUser(r));
  return out;
}

Result<int64_t> CountUsers(Tx& tx) {
  auto rows = tx.Query("SELECT COUNT(*) FROM users");
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

Status UpdateUserSecurity(Tx& tx, const UserRow& u) {
  return tx.Execute(
               "UPDATE users SET password_hash = $2, failed_logins = $3, last_failed_at = $4, locked_until = $5, "
               "password_changed_at = $6 WHERE id = $1",
               {u.id, u.password_hash, u.failed_logins, u.last_failed_at, u.locked_until, u.password_changed_at})
      .status();
}

Status InsertSession(Tx& tx, const SessionRow& s) {
  return tx.Execute(
               "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
               {s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at})
      .status();
}

Result<std::optional<std::pair<SessionRow, UserRow>>> FindLiveSession(Tx& tx, const std::string& token_hash,
                                                                      const std::string& now) {
  auto rows = tx.Query(std::string("SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, ") +
                           kUserColumns + " FROM sessions s JOIN users u ON u.id = s.user_id " +
                           "WHERE s.token_hash = $1 AND s.expires_at > $2",
                       {token_hash, now});
  if (!rows.ok()) return rows.status();
  using Found = std::optional<std::pair<SessionRow, UserRow>>;
  if (rows->empty()) return Found();
  const SqlRow& r = rows->front();
  SessionRow s{TextCol(r, 0), IntCol(r, 1), TextCol(r, 2), TextCol(r, 3), TextCol(r, 4)};
  static_assert(kUserWidth == 12);
  return Found(std::make_pair(std::move(s), ReadUser(r, 5)));
}

Status DeleteSession(Tx& tx, const std::string& token_hash) {
  return tx.Execute("DELETE FROM sessions WHERE token_hash = $1", {token_hash}).status();
}

Status DeleteUserSessions(Tx& tx, int64_t user_id, const std::string& keep) {
  return tx.Execute("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2", {user_id, keep}).status();
}

}  // namespace jincai::store
