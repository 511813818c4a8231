// The users and sessions tables: accounts with their role and the employer or talent
// record they act for, failed-login counters, and sessions by token digest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct UserRow {
  int64_t id = 0;
  std::string username, password_hash, role, display_name;
  std::optional<int64_t> employer_id, talent_id;
  int64_t failed_logins = 0;
  std::string last_failed_at, locked_until;  // ISO 8601 UTC, or empty
  std::string created_at, password_changed_at;
};

struct SessionRow {
  std::string token_hash;  // SHA-256 hex of the token; the token itself is never stored
  int64_t user_id = 0;
  std::string csrf_token, created_at, expires_at;
};

// Conflict when the user name is taken. Returns the new id.
Result<int64_t> InsertUser(Tx& tx, const UserRow& row);
Result<std::optional<UserRow>> FindUser(Tx& tx, int64_t id);
Result<std::optional<UserRow>> FindUserByName(Tx& tx, const std::string& username);
Result<std::vector<UserRow>> ListUsers(Tx& tx, std::optional<int64_t> employer_id, int64_t limit, int64_t after_id);
Result<int64_t> CountUsers(Tx& tx);
// Writes the password hash, counters and lock of an existing user.
Status UpdateUserSecurity(Tx& tx, const UserRow& row);

Status InsertSession(Tx& tx, const SessionRow& row);
// The session and its user, when the session exists and expires after `now`.
Result<std::optional<std::pair<SessionRow, UserRow>>> FindLiveSession(Tx& tx, const std::string& token_hash,
                                                                      const std::string& now);
Status DeleteSession(Tx& tx, const std::string& token_hash);
// Every session of the user except `keep` (may be empty: all of them).
Status DeleteUserSessions(Tx& tx, int64_t user_id, const std::string& keep);

}  // namespace jincai::store
