// Accounts on both backends: registration checks name the field and change nothing,
// login answers the same for an unknown user and a wrong password, failed logins slow
// the next attempt and then lock the account, sessions expire and end on logout, and a
// password change ends the account's other sessions.
#include "platform_fixture.h"

namespace jincai::service {
namespace {

using testing_platform::kPassword;
using testing_platform::PlatformTest;

class AccountsTest : public PlatformTest {};

TEST_P(AccountsTest, RegistrationChecksNameTheFieldAndChangeNothing) {
  auto& a = platform_->accounts;
  const int64_t before = AuditCount();
  auto bad_id = a.RegisterTalent({"zhang.san", kPassword, "张三", "resident_id", "110105194912310021", "CN"});
  ASSERT_EQ(bad_id.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(bad_id.status().field(), "document_number");
  EXPECT_NE(bad_id.status().message_zh(), bad_id.status().message());
  auto short_pw = a.RegisterTalent({"zhang.san", "short", "张三", "resident_id", ResidentId(1), "CN"});
  EXPECT_EQ(short_pw.status().field(), "password");
  auto bad_name = a.RegisterTalent({"Zhang San!", kPassword, "张三", "resident_id", ResidentId(1), "CN"});
  EXPECT_EQ(bad_name.status().field(), "username");
  auto passport_cn = a.RegisterTalent({"zhang.san", kPassword, "张三", "passport", "E12345678", "CN"});
  EXPECT_EQ(passport_cn.status().field(), "document_kind");
  auto bad_code = EmployerRecord(1);
  bad_code.credit_code.back() = bad_code.credit_code.back() == '0' ? '1' : '0';
  auto employer = a.RegisterEmployer({"hr.one", kPassword, "人事处", bad_code});
  EXPECT_EQ(employer.status().field(), "employer.credit_code");
  EXPECT_EQ(AuditCount(), before);

  Talent("zhang.san", 1);
  auto dup_user = a.RegisterTalent({"zhang.san", kPassword, "张三", "resident_id", ResidentId(2), "CN"});
  EXPECT_EQ(dup_user.status().code(), Code::kConflict);
  auto dup_doc = a.RegisterTalent({"li.si", kPassword, "李四", "resident_id", ResidentId(1), "CN"});
  EXPECT_EQ(dup_doc.status().code(), Code::kConflict);
  EXPECT_EQ(dup_doc.status().field(), "document_number");
  auto foreigner = a.RegisterTalent({"anna.k", kPassword, "Anna Keller", "passport", "C01X00T47", "DE"});
  EXPECT_TRUE(foreigner.ok()) << foreigner.status().message();
}

TEST_P(AccountsTest, LoginIsTheSameAnswerForUnknownUserAndWrongPassword) {
  Talent("wang.wu", 3);
  auto unknown = platform_->accounts.Login("nobody", kPassword);
  auto wrong = platform_->accounts.Login("wang.wu", "not the password");
  ASSERT_EQ(unknown.status().code(), Code::kUnauthenticated);
  ASSERT_EQ(wrong.status().code(), Code::kUnauthenticated);
  EXPECT_EQ(unknown.status().message(), wrong.status().message());
  auto ok = platform_->accounts.Login("wang.wu", kPassword);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->token.size(), 43u);
  auto who = platform_->accounts.Authenticate(ok->token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->actor.username, "wang.wu");
  EXPECT_EQ(who->actor.role, domain::Role::kTalent);
  EXPECT_EQ(who->csrf_token, ok->csrf_token);
  // The token itself is not in the database, only its digest.
  std::string token = ok->token;
  ASSERT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
    auto rows = tx.Query("SELECT COUNT(*) FROM sessions WHERE token_hash = $1", {token});
    EXPECT_EQ((*rows)[0][0], "0");
    return Status::Ok();
  }).ok());
}

TEST_P(AccountsTest, FailedLoginsSlowThenLockTheAccount) {
  Accounts accounts(*store_, [this] { return now_; }, AccountRules{3600, 2, 5, 600});
  Talent("zhao.liu", 4);
  for (int i = 0; i < 2; ++i) EXPECT_EQ(accounts.Login("zhao.liu", "wrong").status().code(), Code::kUnauthenticated);
  // Two failures: the next attempt must wait a second.
  EXPECT_EQ(accounts.Login("zhao.liu", kPassword).status().code(), Code::kTooManyRequests);
  now_ += 1;
  EXPECT_EQ(accounts.Login("zhao.liu", "wrong").status().code(), Code::kUnauthenticated);  // 3
  now_ += 2;
  EXPECT_EQ(accounts.Login("zhao.liu", "wrong").status().code(), Code::kUnauthenticated);  // 4
  now_ += 4;
  EXPECT_EQ(accounts.Login("zhao.liu", "wrong").status().code(), Code::kUnauthenticated);  // 5: locked
  now_ += 100;
  auto locked = accounts.Login("zhao.liu", kPassword);
  EXPECT_EQ(locked.status().code(), Code::kTooManyRequests);
  EXPECT_NE(locked.status().message().find("locked"), std::string::npos);
  now_ += 600;
  EXPECT_TRUE(accounts.Login("zhao.liu", kPassword).ok());
  AuditCount();  // the chain still verifies
}

TEST_P(AccountsTest, SessionsExpireEndOnLogoutAndOnPasswordChange) {
  Talent("sun.qi", 5);
  auto& a = platform_->accounts;
  auto s1 = a.Login("sun.qi", kPassword);
  auto s2 = a.Login("sun.qi", kPassword);
  ASSERT_TRUE(s1.ok() && s2.ok());
  auto auth1 = a.Authenticate(s1->token);
  ASSERT_TRUE(auth1.ok());
  EXPECT_EQ(a.ChangePassword(*auth1, "wrong old one", "another long pw 2").field(), "old_password");
  ASSERT_TRUE(a.ChangePassword(*auth1, kPassword, "another long pw 2").ok());
  EXPECT_EQ(a.Authenticate(s2->token).status().code(), Code::kUnauthenticated);  // ended
  EXPECT_TRUE(a.Authenticate(s1->token).ok());                                   // kept
  EXPECT_EQ(a.Login("sun.qi", kPassword).status().code(), Code::kUnauthenticated);
  ASSERT_TRUE(a.Logout(*auth1).ok());
  EXPECT_EQ(a.Authenticate(s1->token).status().code(), Code::kUnauthenticated);
  auto s3 = a.Login("sun.qi", "another long pw 2");
  ASSERT_TRUE(s3.ok());
  now_ += 12 * 3600 + 1;
  EXPECT_EQ(a.Authenticate(s3->token).status().code(), Code::kUnauthenticated);
}

TEST_P(AccountsTest, WhoMayCreateWhichAccounts) {
  Actor employer = Employer("hr.one", 1);
  Actor admin = Staff("root", "admin");
  Actor officer = Staff("officer.a", "officer");
  auto& a = platform_->accounts;
  EXPECT_TRUE(a.CreateAccount(employer, {"clerk.one", kPassword, "Clerk", "employer_staff", std::nullopt}).ok());
  EXPECT_EQ(a.CreateAccount(employer, {"boss", kPassword, "Boss", "officer", std::nullopt}).status().code(), Code::kForbidden);
  EXPECT_EQ(a.CreateAccount(officer, {"x.y", kPassword, "X", "officer", std::nullopt}).status().code(), Code::kForbidden);
  EXPECT_EQ(a.CreateAccount(admin, {"t.t", kPassword, "T", "talent", std::nullopt}).status().field(), "role");
  EXPECT_EQ(a.CreateAccount(admin, {"hr.two", kPassword, "HR", "employer_admin", std::nullopt}).status().field(), "employer_id");
  EXPECT_TRUE(a.CreateAccount(admin, {"hr.two", kPassword, "HR", "employer_admin", employer.employer_id}).ok());
  auto staff = a.ListAccounts(employer, 100, 0);
  ASSERT_TRUE(staff.ok());
  EXPECT_EQ(staff->size(), 3u);  // hr.one, clerk.one, hr.two
  for (const auto& u : *staff) EXPECT_TRUE(u.password_hash.empty());
  EXPECT_EQ(a.ListAccounts(officer, 100, 0).status().code(), Code::kForbidden);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsTest, testing::Values("sqlite", "postgres"), testing_platform::BackendName);

}  // namespace
}  // namespace jincai::service
