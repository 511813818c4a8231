// The application workflow on both backends: a whole journey from draft to card, the
// engine's decision stored with the policy version in force on the submission date,
// illegal moves and stale revisions refused with nothing changed, data scopes that
// reveal nothing, two officers racing on one application, and auto-approval.
#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "platform_fixture.h"

namespace jincai::service {
namespace {

using testing_platform::PlatformTest;

class ApplicationsTest : public PlatformTest {
 protected:
  // A tier-B dossier (national talent programme: 60 points) or a tier-C one (30).
  static std::string Dossier(const std::string& honor) {
    return R"({"birth_date":"1980-01-01","honors":[")" + honor + R"("],"engagement":"full_time"})";
  }
  void GiveDossier(const Actor& talent, const Actor& employer, const std::string& honor) {
    TalentChange c;
    c.employer_id = employer.employer_id;
    c.dossier = Dossier(honor);
    auto t = platform_->records.ChangeTalent(talent, *talent.talent_id, c);
    ASSERT_TRUE(t.ok()) << t.status().message();
  }
  int64_t Open(const Actor& talent) {
    auto v = platform_->applications.Create(talent, std::nullopt);
    EXPECT_TRUE(v.ok()) << v.status().message();
    return v.ok() ? v->row.id : 0;
  }
  std::string Act(const Actor& who, int64_t id, const char* action, const std::string& reason = "") {
    auto v = platform_->applications.Act(who, id, action, reason);
    EXPECT_TRUE(v.ok()) << action << ": " << v.status().message();
    return v.ok() ? v->row.state : "";
  }
};

TEST_P(ApplicationsTest, FromDraftToCardWithTheDecisionAndTimeline) {
  Actor talent = Talent("li.wei", 1), employer = Employer("hr.one", 1), officer = Staff("officer.a", "officer");
  GiveDossier(talent, employer, "national_talent_program");
  int64_t id = Open(talent);
  EXPECT_EQ(Act(talent, id, "submit"), "submitted");
  EXPECT_EQ(Act(employer, id, "endorse"), "evaluated");
  auto v = platform_->applications.Get(officer, id);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->row.tier, "B");
  EXPECT_EQ(v->row.policy_version_id, std::optional<int64_t>(1));
  EXPECT_NE(v->row.decision.find(R"("policy":{)"), std::string::npos);
  EXPECT_NE(v->row.decision.find(R"("trace")"), std::string::npos);
  EXPECT_NE(v->row.dossier.find(R"("employer_id":")"), std::string::npos) << "merged from the employer record";
  EXPECT_EQ(v->actions, (std::vector<domain::ApplicationAction>{domain::ApplicationAction::kApprove,
                                                                  domain::ApplicationAction::kReject}));
  EXPECT_EQ(Act(officer, id, "approve"), "approved");
  EXPECT_EQ(Act(officer, id, "issue"), "issued");
  auto issued = platform_->applications.Get(talent, id);
  ASSERT_TRUE(issued.ok());
  EXPECT_EQ(issued->row.card_expires_on, "2031-11-18");
  std::vector<std::string> actions;
  for (const auto& e : issued->events) actions.push_back(e.action + ":" + e.actor_role);
  EXPECT_EQ(actions, (std::vector<std::string>{"create:talent", "submit:talent", "endorse:employer_admin",
                                               "evaluate:system", "approve:officer", "issue:officer"}));
  now_ += 400 * 86400;  // renewal extends from the current expiry, not from today
  EXPECT_EQ(Act(officer, id, "renew"), "issued");
  EXPECT_EQ(platform_->applications.Get(talent, id)->row.card_expires_on, "2036-11-18");
  EXPECT_EQ(platform_->applications.Act(officer, id, "revoke", " ").status().field(), "reason");
  // The card: signed on issue, superseded on renewal, revoked with the application.
  auto card = platform_->cards.ActiveCard(id);
  ASSERT_TRUE(card.ok()) << card.status().message();
  EXPECT_EQ(card->expires_on, "2036-11-18");
  EXPECT_EQ(platform_->cards.Verify(card->text).status, "valid");
  EXPECT_EQ(Act(officer, id, "revoke", "found untrue"), "revoked");
  EXPECT_EQ(platform_->cards.ActiveCard(id).status().code(), Code::kNotFound);
  auto verdict = platform_->cards.Verify(card->text);
  EXPECT_EQ(verdict.status, "revoked");
  EXPECT_NE(verdict.reason.find("found untrue"), std::string::npos);
  AuditCount();
}

TEST_P(ApplicationsTest, IllegalMovesAndStaleRevisionsChangeNothing) {
  Actor talent = Talent("li.wei", 1), employer = Employer("hr.one", 1), officer = Staff("officer.a", "officer");
  GiveDossier(talent, employer, "national_talent_program");
  int64_t id = Open(talent);
  const int64_t audit = AuditCount();
  auto& apps = platform_->applications;
  EXPECT_EQ(apps.Act(officer, id, "approve", "").status().code(), Code::kConflict) << "officers see drafts, cannot decide them";
  EXPECT_EQ(apps.Act(talent, id, "endorse", "").status().code(), Code::kForbidden);
  EXPECT_EQ(apps.Act(talent, id, "fly", "").status().code(), Code::kNotFound);
  Act(talent, id, "submit");
  EXPECT_EQ(apps.Act(talent, id, "submit", "").status().code(), Code::kConflict);
  EXPECT_EQ(apps.Act(employer, id, "return", "").status().field(), "reason");
  auto stale = apps.Act(employer, id, "endorse", "", /*expected_revision=*/0);
  EXPECT_EQ(stale.status().code(), Code::kConflict);
  auto now = apps.Get(talent, id);
  EXPECT_EQ(now->row.state, "submitted");
  EXPECT_EQ(now->row.revision, 1);
  EXPECT_EQ(AuditCount(), audit + 1);  // only the submission
  EXPECT_EQ(apps.Create(talent, std::nullopt).status().code(), Code::kConflict) << "one open application at a time";
}

TEST_P(ApplicationsTest, ScopesRevealNothingOutsideThem) {
  Actor t1 = Talent("li.wei", 1), t2 = Talent("wang.fang", 2);
  Actor e1 = Employer("hr.one", 1), e2 = Employer("hr.two", 2);
  GiveDossier(t1, e1, "national_talent_program");
  int64_t id = Open(t1);
  auto& apps = platform_->applications;
  EXPECT_EQ(apps.Get(e1, id).status().code(), Code::kNotFound) << "an employer never sees a draft";
  Act(t1, id, "submit");
  EXPECT_TRUE(apps.Get(e1, id).ok());
  for (const Actor& outsider : {t2, e2}) {
    auto g = apps.Get(outsider, id);
    EXPECT_EQ(g.status().code(), Code::kNotFound);
    std::string missing = apps.Get(outsider, 9999).status().message();
    EXPECT_EQ(g.status().message(), missing.replace(missing.find("9999"), 4, std::to_string(id)))
        << "the same answer as for a record that does not exist";
    EXPECT_EQ(apps.Act(outsider, id, "endorse", "").status().code(), Code::kNotFound);
    EXPECT_EQ(platform_->records.GetTalent(outsider, *t1.talent_id).status().code(), Code::kNotFound);
  }
  EXPECT_TRUE(platform_->records.GetTalent(e1, *t1.talent_id).ok()) << "an applicant to e1";
  auto listed = apps.List(e2, {});
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->empty());
  auto mine = apps.List(t2, {});
  EXPECT_TRUE(mine->empty());
  EXPECT_EQ(platform_->records.ChangeTalent(t2, *t1.talent_id, {}).status().code(), Code::kNotFound);
}

TEST_P(ApplicationsTest, TwoOfficersActingAtOnceExactlyOneWins) {
  Actor talent = Talent("li.wei", 1), employer = Employer("hr.one", 1);
  Actor o1 = Staff("officer.a", "officer"), o2 = Staff("officer.b", "officer");
  GiveDossier(talent, employer, "national_talent_program");
  int64_t id = Open(talent);
  Act(talent, id, "submit");
  Act(employer, id, "endorse");
  std::atomic<int> ok{0}, conflict{0};
  auto decide = [&](const Actor& who, const char* action, const char* reason) {
    auto r = platform_->applications.Act(who, id, action, reason);
    if (r.ok()) ++ok;
    else if (r.status().code() == Code::kConflict) ++conflict;
  };
  std::thread a(decide, o1, "approve", ""), b(decide, o2, "reject", "not convinced");
  a.join();
  b.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(conflict.load(), 1);
  auto v = platform_->applications.Get(o1, id);
  EXPECT_EQ(v->events.size(), 5u);  // create, submit, endorse, evaluate, and one decision
  AuditCount();
}

TEST_P(ApplicationsTest, DecisionsUseThePolicyInForceOnTheSubmissionDate) {
  Actor talent = Talent("li.wei", 1), employer = Employer("hr.one", 1), analyst = Staff("ana", "policy_analyst");
  std::ifstream in(std::string(JINCAI_SOURCE_DIR) + "/policies/shanxi-2017.toml");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  // A reform that auto-approves tier C, in force from a date after the submission.
  std::string reform = text;
  reform.replace(reform.find("version = \"1.0.0\""), 17, "version = \"1.1.0\"");
  reform.replace(reform.find("id = \"C\""), 8, "id = \"C\"\nauto_approve = true");
  auto& policies = platform_->policies;
  PolicyCheckReport report;
  auto broken = policies.Upload(analyst, "[policy]\nid = 1\n", "", &report);
  EXPECT_EQ(broken.status().code(), Code::kInvalidArgument);
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(policies.Upload(Talent("t.x", 9), reform, "2026-12-01").status().code(), Code::kForbidden);
  auto later = policies.Upload(analyst, reform, "2026-12-01");
  ASSERT_TRUE(later.ok()) << later.status().message();
  EXPECT_EQ(policies.Upload(analyst, reform, "2026-12-01").status().code(), Code::kConflict);

  GiveDossier(talent, employer, "provincial_talent_program");  // 30 points: tier C
  int64_t id = Open(talent);
  Act(talent, id, "submit");                       // 2026-11-18: version 1.0.0 in force
  now_ += 30 * 86400;                              // endorsed after the reform took effect
  EXPECT_EQ(Act(employer, id, "endorse"), "evaluated") << "decided under 1.0.0: no auto-approval";
  auto v = platform_->applications.Get(employer, id);
  EXPECT_NE(v->row.decision.find(R"("version":"1.0.0")"), std::string::npos);

  Actor t2 = Talent("wang.fang", 2);
  GiveDossier(t2, employer, "provincial_talent_program");
  int64_t id2 = Open(t2);
  Act(t2, id2, "submit");  // 2026-12-18: version 1.1.0
  EXPECT_EQ(Act(employer, id2, "endorse"), "approved");
  auto v2 = platform_->applications.Get(t2, id2);
  EXPECT_NE(v2->row.decision.find(R"("version":"1.1.0")"), std::string::npos);
  EXPECT_EQ(v2->events.back().actor_role, "system");
  EXPECT_EQ(v2->events.back().action, "approve");
}

TEST_P(ApplicationsTest, DossierErrorsNameTheField) {
  Actor talent = Talent("li.wei", 1), employer = Employer("hr.one", 1);
  TalentChange c;
  c.dossier = R"({"birth_date":"1980-02-30","engagement":"full_time"})";
  auto r = platform_->records.ChangeTalent(talent, *talent.talent_id, c);
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(r.status().field(), "dossier.birth_date");
  c.dossier = R"({"birth_date":"1980-01-01","nationality":"US"})";
  EXPECT_EQ(platform_->records.ChangeTalent(talent, *talent.talent_id, c).status().field(), "dossier.nationality");
  c.dossier = R"({"birth_date":"1980-01-01","honors":["astronaut"]})";
  EXPECT_EQ(platform_->records.ChangeTalent(talent, *talent.talent_id, c).status().field(), "dossier.honors[0]");
  auto unchanged = platform_->records.GetTalent(talent, *talent.talent_id);
  EXPECT_EQ(unchanged->dossier, "{}");
  auto submit_without_employer = platform_->applications.Act(talent, Open(talent), "submit", "");
  EXPECT_EQ(submit_without_employer.status().field(), "employer_id");
  (void)employer;
}

INSTANTIATE_TEST_SUITE_P(Backends, ApplicationsTest, testing::Values("sqlite", "postgres"),
                         testing_platform::BackendName);

}  // namespace
}  // namespace jincai::service
