// Accounts (see accounts.h). Password hashing and verification are slow on purpose,
// so they run before or between store transactions, never inside one.
#include "service/accounts.h"

#include <algorithm>

#include "domain/employer_profile.h"
#include "domain/identity_numbers.h"
#include "policy/value.h"
#include "service/audit_trail.h"
#include "service/credentials.h"
#include "store/records/talents_table.h"

namespace jincai::service {
namespace {

using domain::Role;

Status Invalid(const std::string& field, std::string en, std::string zh) {
  return Status::InvalidArgument(std::move(en)).Field(field).Zh(std::move(zh));
}

Status CheckPassword(const std::string& field, const std::string& password, const std::string& username) {
  PasswordProblem p = CheckNewPassword(password, username);
  if (!p.ok()) return Invalid(field, p.en, p.zh);
  return Status::Ok();
}

Status CheckName(const std::string& field, const std::string& name) {
  if (name.empty() || name.size() > 200) return Invalid(field, field + " must have 1 to 200 bytes", field + " 须为 1 至 200 字节");
  return Status::Ok();
}

int YyyymmddOf(int32_t day) {
  std::string d = policy::FormatDate(day);  // YYYY-MM-DD
  return std::stoi(d.substr(0, 4)) * 10000 + std::stoi(d.substr(5, 2)) * 100 + std::stoi(d.substr(8, 2));
}

// Status codes other than Unauthenticated must not reveal whether the user exists.
Status WrongCredentials() {
  return Status::Unauthenticated("wrong user name or password").Zh("用户名或密码错误");
}

}  // namespace

Status CheckUsername(const std::string& u) {
  bool ok = u.size() >= 3 && u.size() <= 64 && std::all_of(u.begin(), u.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
  if (!ok)
    return Invalid("username", "the user name must have 3 to 64 characters: a-z, 0-9, '.', '_' or '-'",
                   "用户名须为 3 至 64 个字符，只能包含 a-z、0-9、'.'、'_'、'-'");
  return Status::Ok();
}

Status CheckIdentityDocument(const std::string& kind, const std::string& number, const std::string& nationality,
                             int32_t today) {
  bool alpha2 = nationality.size() == 2 && std::isupper(static_cast<unsigned char>(nationality[0])) &&
                std::isupper(static_cast<unsigned char>(nationality[1]));
  if (!alpha2)
    return Invalid("nationality", "nationality must be an ISO 3166-1 alpha-2 code such as CN or DE",
                   "国籍须为 ISO 3166-1 两位字母代码，如 CN、DE");
  if (kind == "resident_id") {
    if (nationality != "CN")
      return Invalid("document_kind", "a resident identity card is for Chinese nationals (nationality CN)",
                     "居民身份证仅适用于中国公民（国籍 CN）");
    std::string problem = domain::ResidentIdProblem(number, YyyymmddOf(today));
    if (!problem.empty())
      return Invalid("document_number", "resident ID number " + number + ": " + problem,
                     "居民身份证号码 " + number + " 不合法：" + domain::ResidentIdProblem(number, YyyymmddOf(today), true));
  } else if (kind == "passport") {
    if (nationality == "CN")
      return Invalid("document_kind", "Chinese nationals register with their resident ID number",
                     "中国公民请使用居民身份证号码注册");
    std::string problem = domain::PassportNumberProblem(number);
    if (!problem.empty())
      return Invalid("document_number", "passport number: " + problem,
                     "护照号码不合法：" + domain::PassportNumberProblem(number, true));
  } else {
    return Invalid("document_kind", "document_kind must be resident_id or passport", "证件类型须为 resident_id 或 passport");
  }
  return Status::Ok();
}

Status CheckEmployer(const store::EmployerRow& e) {
  std::string problem = domain::SocialCreditCodeProblem(e.credit_code);
  if (!problem.empty())
    return Invalid("employer.credit_code", "unified social credit code " + e.credit_code + ": " + problem,
                   "统一社会信用代码 " + e.credit_code + " 不合法：" + domain::SocialCreditCodeProblem(e.credit_code, true));
  JINCAI_RETURN_IF_ERROR(CheckName("employer.name", e.name));
  if (!domain::FindLabelled(domain::EmployerKinds(), e.kind))
    return Invalid("employer.kind", "employer.kind must be one of " + domain::JoinCodes(domain::EmployerKinds()),
                   "单位类型须为以下之一：" + domain::JoinCodes(domain::EmployerKinds()));
  if (!domain::FindLabelled(domain::EmployerOwnerships(), e.ownership))
    return Invalid("employer.ownership",
                   "employer.ownership must be one of " + domain::JoinCodes(domain::EmployerOwnerships()),
                   "所有制须为以下之一：" + domain::JoinCodes(domain::EmployerOwnerships()));
  if (!domain::FindLabelled(domain::ShanxiCities(), e.city))
    return Invalid("employer.city", "employer.city must be one of " + domain::JoinCodes(domain::ShanxiCities()),
                   "所在城市须为以下之一：" + domain::JoinCodes(domain::ShanxiCities()));
  if (e.avg_monthly_salary_fen <= 0 || e.avg_monthly_salary_fen > 100'000'000'00)
    return Invalid("employer.avg_monthly_salary_fen",
                   "employer.avg_monthly_salary_fen must be a positive amount in fen, at most 10^10",
                   "单位月平均工资（分）须为正数，且不超过 10^10");
  return Status::Ok();
}

Accounts::Accounts(store::Store& store, Clock clock, AccountRules rules)
    : store_(store), clock_(std::move(clock)), rules_(rules) {}

Actor Accounts::ActorOf(const store::UserRow& u) {
  return Actor{u.id, u.username, domain::ParseRole(u.role).value_or(Role::kTalent), u.employer_id, u.talent_id};
}

Result<int64_t> Accounts::InsertAccount(store::Tx& tx, const Actor& by, store::UserRow row) {
  auto id = store::InsertUser(tx, row);
  if (!id.ok()) return id;
  row.id = *id;
  Actor actor = by.user_id ? by : ActorOf(row);  // a registration is the new user's own act
  JINCAI_RETURN_IF_ERROR(RecordChange(tx, actor, "account.create", "user", std::to_string(*id), "", CanonicalText(row)));
  return id;
}

Result<int64_t> Accounts::RegisterTalent(const TalentRegistration& r) {
  int64_t now = clock_();
  JINCAI_RETURN_IF_ERROR(CheckUsername(r.username));
  JINCAI_RETURN_IF_ERROR(CheckPassword("password", r.password, r.username));
  JINCAI_RETURN_IF_ERROR(CheckName("name", r.name));
  JINCAI_RETURN_IF_ERROR(CheckIdentityDocument(r.document_kind, r.document_number, r.nationality, ShanghaiDay(now)));
  auto hash = HashPassword(r.password);
  if (!hash.ok()) return hash.status();
  int64_t user_id = 0;
  Status st = store_.Transact([&](store::Tx& tx) -> Status {
    store::TalentRow t;
    t.name = r.name;
    t.document_kind = r.document_kind;
    t.document_number = r.document_number;
    if (t.document_kind == "resident_id" && t.document_number.back() == 'x') t.document_number.back() = 'X';
    t.nationality = r.nationality;
    t.created_at = t.updated_at = UtcText(now);
    auto tid = store::InsertTalent(tx, t);
    if (!tid.ok()) return tid.status();
    t.id = *tid;
    store::UserRow u{0, r.username, *hash, "talent", r.name, std::nullopt, *tid, 0, "", "", UtcText(now), UtcText(now)};
    auto uid = InsertAccount(tx, Actor{}, u);
    if (!uid.ok()) return uid.status();
    user_id = *uid;
    Actor self{user_id, r.username, Role::kTalent, std::nullopt, *tid};
    return RecordChange(tx, self, "talent.create", "talent", std::to_string(*tid), "", CanonicalText(t));
  });
  if (!st.ok()) return st;
  return user_id;
}

Result<int64_t> Accounts::RegisterEmployer(const EmployerRegistration& r) {
  int64_t now = clock_();
  JINCAI_RETURN_IF_ERROR(CheckUsername(r.username));
  JINCAI_RETURN_IF_ERROR(CheckPassword("password", r.password, r.username));
  JINCAI_RETURN_IF_ERROR(CheckName("display_name", r.display_name));
  JINCAI_RETURN_IF_ERROR(CheckEmployer(r.employer));
  auto hash = HashPassword(r.password);
  if (!hash.ok()) return hash.status();
  int64_t user_id = 0;
  Status st = store_.Transact([&](store::Tx& tx) -> Status {
    store::EmployerRow e = r.employer;
    e.created_at = e.updated_at = UtcText(now);
    auto eid = store::InsertEmployer(tx, e);
    if (!eid.ok()) return eid.status();
    e.id = *eid;
    store::UserRow u{0, r.username, *hash, "employer_admin", r.display_name, *eid, std::nullopt, 0, "", "",
                     UtcText(now), UtcText(now)};
    auto uid = InsertAccount(tx, Actor{}, u);
    if (!uid.ok()) return uid.status();
    user_id = *uid;
    Actor self{user_id, r.username, Role::kEmployerAdmin, *eid, std::nullopt};
    return RecordChange(tx, self, "employer.create", "employer", std::to_string(*eid), "", CanonicalText(e));
  });
  if (!st.ok()) return st;
  return user_id;
}

Result<int64_t> Accounts::CreateAccount(const Actor& by, const NewAccount& a) {
  auto role = domain::ParseRole(a.role);
  if (!role || *role == Role::kSystem || *role == Role::kTalent)
    return Invalid("role", "role must be employer_admin, employer_staff, officer, policy_analyst or admin (talents register themselves)",
                   "角色须为 employer_admin、employer_staff、officer、policy_analyst 或 admin（人才自行注册）");
  std::optional<int64_t> employer = a.employer_id;
  if (by.role == Role::kEmployerAdmin) {
    if (*role != Role::kEmployerStaff)
      return Status::Forbidden("an employer admin creates employer_staff accounts only").Field("role").Zh("单位管理员只能创建 employer_staff 账号");
    employer = by.employer_id;
  } else if (by.role != Role::kAdmin && by.role != Role::kSystem) {  // system: `jincai account create`, the demo
    return Status::Forbidden("only admins and employer admins create accounts").Zh("只有系统管理员和单位管理员可以创建账号");
  }
  bool needs_employer = *role == Role::kEmployerAdmin || *role == Role::kEmployerStaff;
  if (needs_employer && !employer)
    return Invalid("employer_id", "an employer account needs employer_id", "单位账号需要 employer_id");
  if (!needs_employer && employer)
    return Invalid("employer_id", "only employer accounts have an employer_id", "只有单位账号可以指定 employer_id");
  JINCAI_RETURN_IF_ERROR(CheckUsername(a.username));
  JINCAI_RETURN_IF_ERROR(CheckPassword("password", a.password, a.username));
  JINCAI_RETURN_IF_ERROR(CheckName("display_name", a.display_name));
  auto hash = HashPassword(a.password);
  if (!hash.ok()) return hash.status();
  int64_t now = clock_();
  int64_t user_id = 0;
  Status st = store_.Transact([&](store::Tx& tx) -> Status {
    if (employer) {
      auto e = store::FindEmployer(tx, *employer);
      if (!e.ok()) return e.status();
      if (!*e) return Invalid("employer_id", "no employer " + std::to_string(*employer), "不存在单位 " + std::to_string(*employer));
    }
    store::UserRow u{0, a.username, *hash, a.role, a.display_name, employer, std::nullopt, 0, "", "",
                     UtcText(now), UtcText(now)};
    auto uid = InsertAccount(tx, by, u);
    if (!uid.ok()) return uid.status();
    user_id = *uid;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return user_id;
}

Result<std::vector<store::UserRow>> Accounts::ListAccounts(const Actor& by, int64_t limit, int64_t after_id) {
  std::optional<int64_t> employer;
  if (by.role == Role::kEmployerAdmin) employer = by.employer_id;
  else if (by.role != Role::kAdmin) return Status::Forbidden("only admins and employer admins list accounts");
  std::vector<store::UserRow> out;
  Status st = store_.Read([&](store::Tx& tx) -> Status {
    auto rows = store::ListUsers(tx, employer, limit, after_id);
    if (!rows.ok()) return rows.status();
    out = std::move(*rows);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  for (auto& u : out) u.password_hash.clear();
  return out;
}

Result<Session> Accounts::Login(const std::string& username, const std::string& password) {
  const int64_t now = clock_();
  std::optional<store::UserRow> user;
  Status st = store_.Read([&](store::Tx& tx) -> Status {
    auto u = store::FindUserByName(tx, username);
    if (!u.ok()) return u.status();
    user = std::move(*u);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!user) {
    (void)VerifyPassword(DecoyPasswordHash(), password);
    return WrongCredentials();
  }
  if (int64_t until = ParseUtcText(user->locked_until); until > now)
    return Status::TooManyRequests("too many failed logins: the account is locked until " + user->locked_until)
        .Zh("登录失败次数过多，账号锁定至 " + user->locked_until);
  if (user->failed_logins >= rules_.slow_after) {
    int64_t wait = int64_t{1} << std::min<int64_t>(user->failed_logins - rules_.slow_after, 6);
    int64_t retry = ParseUtcText(user->last_failed_at) + wait;
    if (now < retry)
      return Status::TooManyRequests("too many failed logins: try again in " + std::to_string(retry - now) + " s")
          .Zh("登录失败次数过多，请 " + std::to_string(retry - now) + " 秒后重试");
  }
  const bool good = VerifyPassword(user->password_hash, password);
  Session session;
  st = store_.Transact([&](store::Tx& tx) -> Status {
    auto fresh = store::FindUser(tx, user->id);
    if (!fresh.ok()) return fresh.status();
    if (!*fresh) return WrongCredentials();
    store::UserRow u = **fresh;
    const std::string before = CanonicalText(u);
    Actor actor = ActorOf(u);
    if (!good) {
      u.failed_logins += 1;
      u.last_failed_at = UtcText(now);
      std::string action = "account.login_failed";
      if (u.failed_logins >= rules_.lock_after) {
        u.locked_until = UtcText(now + rules_.lock_seconds);
        u.failed_logins = 0;
        action = "account.lock";
      }
      JINCAI_RETURN_IF_ERROR(store::UpdateUserSecurity(tx, u));
      return RecordChange(tx, actor, action, "user", std::to_string(u.id), before, CanonicalText(u));
    }
    if (u.failed_logins || !u.locked_until.empty()) {
      u.failed_logins = 0;
      u.last_failed_at.clear();
      u.locked_until.clear();
      JINCAI_RETURN_IF_ERROR(store::UpdateUserSecurity(tx, u));
    }
    session.token = NewToken();
    session.csrf_token = NewToken();
    session.expires_at = UtcText(now + rules_.session_seconds);
    session.actor = actor;
    std::string digest = TokenDigest(session.token);
    JINCAI_RETURN_IF_ERROR(store::InsertSession(tx, {digest, u.id, session.csrf_token, UtcText(now), session.expires_at}));
    // The object is the session, named by a prefix of its digest (not the token).
    return RecordChange(tx, actor, "session.login", "session", digest.substr(0, 16), "", digest);
  });
  if (!st.ok()) return st;
  if (!good) return WrongCredentials();
  return session;
}

Result<Authenticated> Accounts::Authenticate(const std::string& token) {
  if (token.empty() || token.size() > 128) return WrongCredentials();
  Authenticated out;
  out.token_digest = TokenDigest(token);
  const int64_t now = clock_();
  {
    std::lock_guard lock(cache_mu_);
    auto it = cache_.find(out.token_digest);
    if (it != cache_.end() && it->second.until > now) return it->second.auth;
  }
  bool found = false;
  std::string expires_at;
  Status st = store_.ReadOne([&](store::Tx& tx) -> Status {
    auto s = store::FindLiveSession(tx, out.token_digest, UtcText(now));
    if (!s.ok()) return s.status();
    if (!*s) return Status::Ok();
    found = true;
    out.actor = ActorOf((*s)->second);
    out.csrf_token = (*s)->first.csrf_token;
    expires_at = (*s)->first.expires_at;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!found)
    return Status::Unauthenticated("the session is unknown or has expired: log in again").Zh("会话不存在或已过期，请重新登录");
  if (rules_.session_cache_seconds > 0) {
    std::lock_guard lock(cache_mu_);
    if (cache_.size() >= 100000) cache_.clear();  // bounded; it refills from the database
    cache_[out.token_digest] = {out, std::min(now + rules_.session_cache_seconds, ParseUtcText(expires_at))};
  }
  return out;
}

void Accounts::Forget(const std::function<bool(const Authenticated&)>& which) {
  std::lock_guard lock(cache_mu_);
  std::erase_if(cache_, [&](const auto& kv) { return which(kv.second.auth); });
}

Status Accounts::Logout(const Authenticated& s) {
  Forget([&](const Authenticated& a) { return a.token_digest == s.token_digest; });
  return store_.Transact([&](store::Tx& tx) -> Status {
    JINCAI_RETURN_IF_ERROR(store::DeleteSession(tx, s.token_digest));
    return RecordChange(tx, s.actor, "session.logout", "session", s.token_digest.substr(0, 16), s.token_digest, "");
  });
}

Status Accounts::ChangePassword(const Authenticated& s, const std::string& old_password, const std::string& new_password) {
  JINCAI_RETURN_IF_ERROR(CheckPassword("new_password", new_password, s.actor.username));
  if (old_password == new_password)
    return Invalid("new_password", "the new password must differ from the old one", "新密码不能与旧密码相同");
  std::optional<store::UserRow> user;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto u = store::FindUser(tx, s.actor.user_id);
    if (!u.ok()) return u.status();
    user = std::move(*u);
    return Status::Ok();
  }));
  if (!user || !VerifyPassword(user->password_hash, old_password))
    return Invalid("old_password", "the old password is wrong", "旧密码不正确");
  auto hash = HashPassword(new_password);
  if (!hash.ok()) return hash.status();
  Forget([&](const Authenticated& a) { return a.actor.user_id == s.actor.user_id && a.token_digest != s.token_digest; });
  return store_.Transact([&](store::Tx& tx) -> Status {
    store::UserRow u = *user;
    const std::string before = CanonicalText(u);
    u.password_hash = *hash;
    u.password_changed_at = UtcText(clock_());
    JINCAI_RETURN_IF_ERROR(store::UpdateUserSecurity(tx, u));
    JINCAI_RETURN_IF_ERROR(store::DeleteUserSessions(tx, u.id, s.token_digest));
    return RecordChange(tx, s.actor, "account.change_password", "user", std::to_string(u.id), before, CanonicalText(u));
  });
}

}  // namespace jincai::service
