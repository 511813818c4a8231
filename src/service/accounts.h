// Accounts: registration, login with throttling and lock-out, sessions, password
// changes, and the accounts officers and employers create for their people. Passwords
// are hashed with argon2id; a session token is random and stored only as a digest.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "service/actor.h"
#include "service/clock.h"
#include "store/records/accounts_table.h"
#include "store/records/employers_table.h"
#include "store/store.h"

namespace jincai::service {

struct AccountRules {
  int64_t session_seconds = 12 * 3600;  // a session lasts this long from login
  int64_t slow_after = 3;               // failed logins before each attempt must wait
  int64_t lock_after = 10;              // failed logins in a row that lock the account
  int64_t lock_seconds = 15 * 60;
  // How long a checked session is trusted from memory before the database is asked
  // again. A logout or password change through this process takes effect at once;
  // through another server on the same database, within this many seconds.
  int64_t session_cache_seconds = 5;
};

// A talent registers with an identity document (resident ID for Chinese nationals,
// passport otherwise).
struct TalentRegistration {
  std::string username, password, name;
  std::string document_kind;  // "resident_id" or "passport"
  std::string document_number, nationality;  // nationality: ISO 3166-1 alpha-2
};

// An employer's administrator registers the employer with it.
struct EmployerRegistration {
  std::string username, password, display_name;
  store::EmployerRow employer;  // id and times are ignored
};

// An account created by an admin (officer, policy analyst, admin, employer admin of
// an existing employer) or by an employer admin (staff of its employer).
struct NewAccount {
  std::string username, password, display_name, role;
  std::optional<int64_t> employer_id;
};

struct Session {
  std::string token;       // give to the client once; only its digest is stored
  std::string csrf_token;  // the client echoes it in X-CSRF-Token with a cookie session
  std::string expires_at;  // ISO 8601 UTC
  Actor actor;
};

struct Authenticated {
  Actor actor;
  std::string csrf_token;
  std::string token_digest;
};

class Accounts {
 public:
  Accounts(store::Store& store, Clock clock = SystemClock(), AccountRules rules = {});

  // Each returns the new user id. InvalidArgument naming the field; Conflict when the
  // user name, document or credit code is taken.
  Result<int64_t> RegisterTalent(const TalentRegistration& r);
  Result<int64_t> RegisterEmployer(const EmployerRegistration& r);
  Result<int64_t> CreateAccount(const Actor& by, const NewAccount& a);
  // Admin: every account; employer admin: its employer's.
  Result<std::vector<store::UserRow>> ListAccounts(const Actor& by, int64_t limit, int64_t after_id);

  // Unauthenticated for a wrong user name or password (the same answer for both);
  // TooManyRequests while the account must wait or is locked.
  Result<Session> Login(const std::string& username, const std::string& password);
  // Unauthenticated for an unknown or expired token.
  Result<Authenticated> Authenticate(const std::string& token);
  Status Logout(const Authenticated& session);
  // Ends every other session of the account.
  Status ChangePassword(const Authenticated& session, const std::string& old_password,
                        const std::string& new_password);

  static Actor ActorOf(const store::UserRow& user);

 private:
  Result<int64_t> InsertAccount(store::Tx& tx, const Actor& by, store::UserRow row);
  void Forget(const std::function<bool(const Authenticated&)>& which);
  store::Store& store_;
  Clock clock_;
  AccountRules rules_;
  struct Cached {
    Authenticated auth;
    int64_t until = 0;  // unix seconds
  };
  std::mutex cache_mu_;
  std::unordered_map<std::string, Cached> cache_;  // by token digest
};

// Checks shared by registration and imports: InvalidArgument naming the field.
Status CheckUsername(const std::string& username);
Status CheckIdentityDocument(const std::string& kind, const std::string& number, const std::string& nationality,
                             int32_t today);
Status CheckEmployer(const store::EmployerRow& e);

}  // namespace jincai::service
