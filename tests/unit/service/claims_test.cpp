// Entitlement claims on both backends: a claim only for what the card grants; the
// settlement letter with its checkable number; turnover flats assigned once, released,
// overdue when never assigned; school ranking and placement that is stable, within
// capacity and the same when re-run; the spouse allowance's monthly schedule in fen
// with payments, missed months, the spouse's employment and a new salary figure; the
// foreign talent's letter; scopes; and claims that close with their card.
#include <nlohmann/json.hpp>

#include "platform_fixture.h"
#include "policy/value.h"
#include "service/letters.h"
#include "store/records/employers_table.h"

namespace jincai::service {
namespace {

using testing_platform::PlatformTest;
using nlohmann::json;

constexpr int64_t kDay = 86400;

class ClaimsTest : public PlatformTest {
 protected:
  // Tier B, relocating full time with a spouse without work and two children of school
  // age (primary and junior).
  static std::string FamilyDossier() {
    return R"({"birth_date":"1980-01-01","honors":["national_talent_program"],"engagement":"full_time",)"
           R"("spouse":{"present":true,"employed":false},)"
           R"("children":[{"birth_date":"2018-03-01","school_stage":"primary"},)"
           R"({"birth_date":"2012-05-01","school_stage":"junior"}]})";
  }
  // A talent with an issued card, employed by `employer`.
  void IssueCard(const Actor& talent, const Actor& employer) {
    TalentChange c;
    c.employer_id = employer.employer_id;
    c.dossier = FamilyDossier();
    auto t = platform_->records.ChangeTalent(talent, *talent.talent_id, c);
    ASSERT_TRUE(t.ok()) << t.status().message();
    auto a = platform_->applications.Create(talent, std::nullopt);
    ASSERT_TRUE(a.ok()) << a.status().message();
    Actor officer = ActorNamed("officer.a");
    for (auto [who, action] : std::vector<std::pair<Actor, const char*>>{
             {talent, "submit"}, {employer, "endorse"}, {officer, "approve"}, {officer, "issue"}}) {
      auto v = platform_->applications.Act(who, a->row.id, action, "");
      ASSERT_TRUE(v.ok()) << action << ": " << v.status().message();
    }
    app_of_[*talent.talent_id] = a->row.id;
  }
  ClaimView Open(const Actor& talent, const std::string& entitlement, int64_t child = 0) {
    auto v = platform_->claims.Open(talent, entitlement, child);
    EXPECT_TRUE(v.ok()) << entitlement << ": " << v.status().message();
    return v.ok() ? *v : ClaimView{};
  }
  ClaimView Act(const Actor& who, int64_t id, const std::string& action, ClaimInput in = {}) {
    auto v = platform_->claims.Act(who, id, action, in);
    EXPECT_TRUE(v.ok()) << action << ": " << v.status().message();
    return v.ok() ? *v : ClaimView{};
  }
  int64_t AddFlat(const Actor& employer, const std::string& address) {
    auto f = platform_->flats.Add(employer, {std::nullopt, address, "86.5", 3, "2026-11-01", "2031-12-31"});
    EXPECT_TRUE(f.ok()) << f.status().message();
    return f.ok() ? f->row.id : 0;
  }
  int64_t AddSchool(const std::string& code, const std::string& stage, int64_t capacity,
                    std::vector<std::string> priority = {}) {
    auto s = platform_->schools.Add(officer_, {code, "学校 " + code, "taiyuan", stage, capacity, priority});
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? s->id : 0;
  }
  void SetUp() override {
    PlatformTest::SetUp();
    officer_ = Staff("officer.a", "officer");
  }
  Actor officer_;
  std::map<int64_t, int64_t> app_of_;
};

TEST_P(ClaimsTest, AClaimOnlyForWhatTheCardGrants) {
  Actor talent = Talent("li.wei", 1), employer = Employer("hr.one", 1), bare = Talent("no.card", 2);
  IssueCard(talent, employer);
  const int64_t audit = AuditCount();
  auto& claims = platform_->claims;
  EXPECT_EQ(claims.Open(talent, "residence_permit_5y", 0).status().field(), "entitlement") << "Chinese: no permit";
  EXPECT_EQ(claims.Open(talent, "school_choice", 3).status().field(), "entitlement") << "two children only";
  EXPECT_EQ(claims.Open(talent, "school_choice", 0).status().field(), "child");
  EXPECT_EQ(claims.Open(talent, "residence_choice", 1).status().field(), "child");
  EXPECT_EQ(claims.Open(talent, "free_lunch", 0).status().field(), "entitlement");
  EXPECT_EQ(claims.Open(employer, "residence_choice", 0).status().code(), Code::kForbidden);
  EXPECT_EQ(claims.Open(bare, "residence_choice", 0).status().code(), Code::kConflict) << "no card in force";
  EXPECT_EQ(AuditCount(), audit) << "refusals change nothing";
  ClaimView r = Open(talent, "residence_choice");
  EXPECT_EQ(r.row.state, "open");
  EXPECT_EQ(r.responsible, "office");
  EXPECT_EQ(r.actions, (std::vector<std::string>{"choose", "withdraw"}));
  EXPECT_EQ(claims.Open(talent, "residence_choice", 0).status().code(), Code::kConflict) << "claimed once";
  ClaimView second_child = Open(talent, "school_choice", 2);
  EXPECT_EQ(json::parse(second_child.row.detail)["stage"], "junior");
  EXPECT_EQ(AuditCount(), audit + 2);
}

TEST_P(ClaimsTest, ResidenceChoiceEndsInACheckableSettlementLetter) {
  Actor talent = Talent("li.wei", 1), employer = Employer("hr.one", 1);
  IssueCard(talent, employer);
  ClaimView c = Open(talent, "residence_choice");
  ClaimInput bad;
  bad.city = "beijing";
  EXPECT_EQ(platform_->claims.Act(talent, c.row.id, "choose", bad).status().field(), "city");
  EXPECT_EQ(platform_->claims.Act(officer_, c.row.id, "issue_letter", {}).status().code(), Code::kConflict)
      << "no city chosen yet";
  ClaimInput in;
  in.city = "datong";
  in.county = "云州区";
  c = Act(talent, c.row.id, "choose", in);
  EXPECT_EQ(c.row.state, "chosen");
  EXPECT_EQ(platform_->claims.Act(talent, c.row.id, "issue_letter", {}).status().code(), Code::kForbidden);
  c = Act(officer_, c.row.id, "issue_letter");
  EXPECT_EQ(c.row.state, "letter_issued");
  ASSERT_TRUE(c.letter);
  EXPECT_EQ(c.letter->number.size(), std::string("JL-XXXX-XXXX-XXXX-XXXX").size());
  EXPECT_NE(c.letter->body_zh.find("大同市云州区"), std::string::npos) << c.letter->body_zh;
  EXPECT_NE(c.letter->body_en.find("Datong"), std::string::npos);
  auto checked = FindLetterByNumber(*store_, c.letter->number, now_);
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(checked->status, "valid");
  EXPECT_EQ(FindLetterByNumber(*store_, "JL-0000-0000-0000-0000", now_).status().code(), Code::kNotFound);
  EXPECT_EQ(FindLetterByNumber(*store_, c.letter->number, now_ + 6 * 366 * kDay)->status, "expired");
  std::vector<std::string> timeline;
  auto full = platform_->claims.Get(talent, c.row.id);
  ASSERT_TRUE(full.ok());
  for (const auto& e : full->events) timeline.push_back(e.action + ":" + e.to_state);
  EXPECT_EQ(timeline, (std::vector<std::string>{"open:open", "choose:chosen", "issue_letter:letter_issued"}));
  // The card revoked: the letter no longer holds.
  ASSERT_TRUE(platform_->applications.Act(officer_, app_of_[*talent.talent_id], "revoke", "found untrue").ok());
  EXPECT_EQ(FindLetterByNumber(*store_, c.letter->number, now_)->status, "withdrawn");
}

TEST_P(ClaimsTest, AFlatServesOneClaimAtATime) {
  Actor t1 = Talent("li.wei", 1), t2 = Talent("wang.fang", 2), e1 = Employer("hr.one", 1), e2 = Employer("hr.two", 2);
  IssueCard(t1, e1);
  IssueCard(t2, e1);
  auto& flats = platform_->flats;
  EXPECT_EQ(flats.Add(e1, {std::nullopt, "x", "86.555", 3, "2026-11-01", "2031-12-31"}).status().field(), "area_m2");
  EXPECT_EQ(flats.Add(e1, {std::nullopt, "x", "86", 3, "2026-11-01", "2026-10-01"}).status().field(), "available_to");
  EXPECT_EQ(flats.Add(t1, {std::nullopt, "x", "86", 3, "2026-11-01", "2031-12-31"}).status().code(), Code::kForbidden);
  const int64_t flat = AddFlat(e1, "迎泽大街 1 号 101"), foreign_flat = AddFlat(e2, "大同路 2 号");
  ClaimView h1 = Open(t1, "turnover_housing"), h2 = Open(t2, "turnover_housing");
  EXPECT_EQ(h1.responsible, "employer");
  ClaimInput in;
  in.flat_id = foreign_flat;
  EXPECT_EQ(platform_->claims.Act(e1, h1.row.id, "assign", in).status().field(), "flat_id") << "another employer's";
  EXPECT_EQ(platform_->claims.Act(e2, h1.row.id, "assign", in).status().code(), Code::kNotFound) << "not its claim";
  in.flat_id = flat;
  EXPECT_EQ(platform_->claims.Act(t1, h1.row.id, "assign", in).status().code(), Code::kForbidden);
  h1 = Act(e1, h1.row.id, "assign", in);
  EXPECT_EQ(h1.row.state, "assigned");
  ASSERT_TRUE(h1.flat);
  EXPECT_EQ(h1.flat->address, "迎泽大街 1 号 101");
  auto twice = platform_->claims.Act(e1, h2.row.id, "assign", in);
  EXPECT_EQ(twice.status().code(), Code::kConflict) << "a flat assigned twice";
  EXPECT_EQ(platform_->claims.Get(e1, h2.row.id)->row.state, "open");
  EXPECT_EQ(flats.Retire(e1, flat).status().code(), Code::kConflict) << "held";
  EXPECT_EQ(flats.List(e1, std::nullopt)->at(0).claim_id, std::optional<int64_t>(h1.row.id));
  h1 = Act(t1, h1.row.id, "occupy");
  h1 = Act(t1, h1.row.id, "release");
  EXPECT_EQ(h1.row.state, "released");
  EXPECT_EQ(Act(e1, h2.row.id, "assign", in).row.state, "assigned") << "free again";
  // Overdue: a housing claim still without a flat 90 days on.
  Actor t3 = Talent("zhao.lei", 3);
  IssueCard(t3, e1);
  ClaimView h3 = Open(t3, "turnover_housing");
  ClaimQuery q;
  q.overdue_only = true;
  EXPECT_TRUE(platform_->claims.List(e1, q)->empty());
  now_ += 91 * kDay;
  auto overdue = platform_->claims.List(e1, q);
  ASSERT_EQ(overdue->size(), 1u);
  EXPECT_EQ(overdue->at(0).row.id, h3.row.id);
  EXPECT_TRUE(platform_->claims.List(e2, q)->empty()) << "another employer's obligation";
}

TEST_P(ClaimsTest, SchoolPlacementIsStableWithinCapacityAndRepeatable) {
  Actor t1 = Talent("li.wei", 1), t2 = Talent("wang.fang", 2), employer = Employer("hr.one", 1);
  IssueCard(t1, employer);
  IssueCard(t2, employer);
  const int64_t a = AddSchool("TY-P-01", "primary", 1, {"first_claimed"}), b = AddSchool("TY-P-02", "primary", 1);
  const int64_t junior = AddSchool("TY-J-01", "junior", 5);
  ClaimView c1 = Open(t1, "school_choice", 1);
  now_ += kDay;  // t2 claims a day later: a's criterion puts t1 first
  ClaimView c2 = Open(t2, "school_choice", 1);
  ClaimInput in;
  in.schools = {a, junior};
  EXPECT_EQ(platform_->claims.Act(t1, c1.row.id, "rank", in).status().field(), "schools") << "a junior school";
  in.schools = {a, a};
  EXPECT_EQ(platform_->claims.Act(t1, c1.row.id, "rank", in).status().field(), "schools") << "twice";
  in.schools = {a, 999};
  EXPECT_EQ(platform_->claims.Act(t1, c1.row.id, "rank", in).status().field(), "schools") << "unknown";
  in.schools = {a, b};
  Act(t1, c1.row.id, "rank", in);
  Act(t2, c2.row.id, "rank", in);
  EXPECT_EQ(platform_->schools.RunPlacement(t1).status().code(), Code::kForbidden);
  auto run = platform_->schools.RunPlacement(officer_);
  ASSERT_TRUE(run.ok()) << run.status().message();
  EXPECT_EQ(run->run.children, 2);
  EXPECT_EQ(run->run.placed, 2);
  EXPECT_EQ(run->by_choice[0], 1);
  EXPECT_EQ(run->by_choice[1], 1);
  auto g1 = platform_->claims.Get(t1, c1.row.id), g2 = platform_->claims.Get(t2, c2.row.id);
  EXPECT_EQ(g1->row.state, "placed");
  EXPECT_EQ(g1->row.school_id, std::optional<int64_t>(a)) << "claimed first";
  EXPECT_EQ(g2->row.school_id, std::optional<int64_t>(b));
  json placement = json::parse(g2->row.detail)["placement"];
  EXPECT_EQ(placement["choice"], 2);
  ASSERT_EQ(placement["not_given"].size(), 1u);
  EXPECT_EQ(placement["not_given"][0]["school_id"], a);
  EXPECT_NE(placement["not_given"][0]["reason"].get<std::string>().find("first_claimed"), std::string::npos);
  // The same inputs: the same digest, nothing changes.
  auto again = platform_->schools.RunPlacement(officer_);
  EXPECT_EQ(again->run.inputs_digest, run->run.inputs_digest);
  EXPECT_EQ(again->changed, 0);
  EXPECT_EQ(platform_->claims.Get(t2, c2.row.id)->row.revision, g2->row.revision);
  // Capacity cannot fall below the children placed; raising it lets t2 in at a.
  SchoolChange shrink;
  shrink.capacity = 0;
  EXPECT_EQ(platform_->schools.Update(officer_, a, shrink).status().code(), Code::kConflict);
  shrink.capacity = -1;
  EXPECT_EQ(platform_->schools.Update(officer_, a, shrink).status().field(), "capacity");
  SchoolChange grow;
  grow.capacity = 2;
  ASSERT_TRUE(platform_->schools.Update(officer_, a, grow).ok());
  auto third = platform_->schools.RunPlacement(officer_);
  EXPECT_NE(third->run.inputs_digest, run->run.inputs_digest);
  EXPECT_EQ(third->changed, 1);
  EXPECT_EQ(platform_->claims.Get(t2, c2.row.id)->row.school_id, std::optional<int64_t>(a));
  // Re-ranking takes the child out of the placed set until the next run.
  in.schools = {b};
  EXPECT_EQ(Act(t2, c2.row.id, "rank", in).row.state, "ranked");
  EXPECT_EQ(platform_->schools.Add(officer_, {"TY-P-01", "dup", "taiyuan", "primary", 1, {}}).status().code(),
            Code::kConflict);
  EXPECT_EQ(platform_->schools.Add(officer_, {"X-1", "x", "taiyuan", "college", 1, {}}).status().field(), "stage");
  EXPECT_EQ(platform_->schools.Add(officer_, {"X-1", "x", "taiyuan", "primary", 1, {"wealth"}}).status().field(),
            "priority");
}

TEST_P(ClaimsTest, SpouseAllowanceScheduleInFenWithPaymentsAndEmployment) {
  Actor talent = Talent("li.wei", 1), employer = Employer("hr.one", 1);  // salary 10000.00 yuan
  IssueCard(talent, employer);
  ClaimView allowance = Open(talent, "spouse_allowance"), insurance = Open(talent, "spouse_social_insurance");
  ASSERT_EQ(allowance.months.size(), 1u) << "the month the claim was opened";
  EXPECT_EQ(allowance.months[0].row.month, "2026-11");
  EXPECT_EQ(allowance.months[0].row.amount_fen, 600000) << "0.6 x the salary, in fen";
  EXPECT_EQ(allowance.months[0].row.salary_fen, 1000000);
  EXPECT_EQ(allowance.months[0].row.policy_version, "shanxi-2017@1.0.0");
  EXPECT_EQ(insurance.months[0].row.amount_fen, 144000);
  auto& pay = platform_->allowances;
  const int64_t id = allowance.row.id;
  EXPECT_EQ(pay.RecordPayment(employer, id, "2026-11", 1, "").status().field(), "amount_fen");
  EXPECT_EQ(pay.RecordPayment(employer, id, "2026-10", std::nullopt, "").status().field(), "month") << "before";
  EXPECT_EQ(pay.RecordPayment(employer, id, "2026-12", std::nullopt, "").status().field(), "month") << "not yet";
  EXPECT_EQ(pay.RecordPayment(employer, id, "2026-11", std::nullopt, "2030-01-01").status().field(), "paid_on");
  EXPECT_EQ(pay.RecordPayment(talent, id, "2026-11", std::nullopt, "").status().code(), Code::kForbidden);
  EXPECT_EQ(pay.RecordPayment(employer, 999, "2026-11", std::nullopt, "").status().code(),
            Code::kNotFound);
  auto paid = pay.RecordPayment(employer, id, "2026-11", 600000, "");
  ASSERT_TRUE(paid.ok()) << paid.status().message();
  EXPECT_EQ(paid->paid_on, "2026-11-18");
  EXPECT_EQ(pay.RecordPayment(employer, id, "2026-11", std::nullopt, "").status().code(), Code::kConflict);
  // Three months on: December and January missed, February due.
  now_ += 85 * kDay;  // 2027-02-11
  auto due = pay.Due(employer, "2027-02");
  ASSERT_TRUE(due.ok()) << due.status().message();
  std::vector<std::string> seen;
  for (const auto& d : *due) seen.push_back(d.claim.entitlement.substr(7, 3) + " " + d.row.month + " " + d.status);
  EXPECT_EQ(seen, (std::vector<std::string>{"all 2026-12 missed", "all 2027-01 missed", "all 2027-02 due",
                                            "soc 2026-11 missed", "soc 2026-12 missed", "soc 2027-01 missed",
                                            "soc 2027-02 due"}));
  EXPECT_TRUE(platform_->claims.Get(employer, id)->overdue);
  EXPECT_EQ(pay.Due(talent, "2027-02").status().code(), Code::kForbidden);
  EXPECT_EQ(pay.Due(employer, "2027-2").status().field(), "month");
  // The spouse found work in January: from then on nothing falls due, for both claims.
  ClaimInput in;
  in.month = "2026-09";
  EXPECT_EQ(platform_->claims.Act(talent, id, "spouse_employed", in).status().field(), "month");
  in.month = "2027-01";
  EXPECT_EQ(platform_->claims.Act(employer, id, "spouse_employed", in).status().field(), "month")
      << "the payer may not end months that have come";
  const int64_t audit_before = AuditCount();
  EXPECT_EQ(Act(talent, id, "spouse_employed", in).row.state, "suspended");
  EXPECT_EQ(platform_->claims.Get(talent, insurance.row.id)->row.state, "suspended") << "together";
  // Two steps and, per claim, the months dropped with their amounts.
  EXPECT_EQ(AuditCount(), audit_before + 2 + 2);
  seen.clear();
  auto after = pay.Due(employer, "2027-02");
  ASSERT_TRUE(after.ok());
  for (const auto& d : *after) seen.push_back(d.claim.entitlement.substr(7, 3) + " " + d.row.month);
  EXPECT_EQ(seen, (std::vector<std::string>{"all 2026-12", "soc 2026-11", "soc 2026-12"}));
  EXPECT_EQ(pay.RecordPayment(employer, id, "2027-01", std::nullopt, "").status().field(), "month");
  EXPECT_EQ(platform_->claims.Act(talent, id, "spouse_employed", in).status().code(), Code::kConflict);
  in.month = "2026-12";
  EXPECT_EQ(platform_->claims.Act(talent, id, "spouse_unemployed", in).status().field(), "month")
      << "not before the last change recorded";
  // Work ended in February; the employer's salary figure rose meanwhile.
  auto row = platform_->records.GetEmployer(employer, *employer.employer_id);
  row->avg_monthly_salary_fen = 1200000;
  ASSERT_TRUE(platform_->records.ChangeEmployer(employer, *employer.employer_id, *row).ok());
  in.month = "2027-02";
  EXPECT_EQ(Act(employer, id, "spouse_unemployed", in).row.state, "active");
  auto months = platform_->claims.Get(talent, id)->months;
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].row.amount_fen, 600000);
  EXPECT_EQ(months[0].status, "paid");
  EXPECT_EQ(months[1].row.month, "2026-12");
  EXPECT_EQ(months[1].row.amount_fen, 600000) << "computed before the new figure: unchanged";
  EXPECT_EQ(months[2].row.month, "2027-02");
  EXPECT_EQ(months[2].row.amount_fen, 720000);
  EXPECT_EQ(months[2].row.salary_fen, 1200000);
  EXPECT_EQ(months[2].status, "due");
  AuditCount();
}

TEST_P(ClaimsTest, AForeignTalentsPermitLetterAndScopes) {
  ASSERT_TRUE(platform_->accounts.RegisterTalent({"anna", testing_platform::kPassword, "Anna Schmidt", "passport",
                                                  "C01X00T47", "DE"}).ok());
  Actor anna = ActorNamed("anna"), employer = Employer("hr.one", 1), other = Talent("li.wei", 1);
  Actor other_employer = Employer("hr.two", 2);
  IssueCard(anna, employer);
  ClaimView permit = Open(anna, "residence_permit_5y");
  permit = Act(officer_, permit.row.id, "issue_letter");
  ASSERT_TRUE(permit.letter);
  EXPECT_EQ(permit.letter->kind, "residence_permit_support");
  EXPECT_NE(permit.letter->body_en.find("Anna Schmidt"), std::string::npos);
  EXPECT_NE(permit.letter->body_en.find("five years"), std::string::npos);
  // Scopes: the residence permit is the office's; the employer and others see nothing.
  for (const Actor& outsider : {employer, other, other_employer}) {
    auto g = platform_->claims.Get(outsider, permit.row.id);
    EXPECT_EQ(g.status().code(), Code::kNotFound);
    std::string missing = platform_->claims.Get(outsider, 9999).status().message();
    EXPECT_EQ(g.status().message(), missing.replace(missing.find("9999"), 4, std::to_string(permit.row.id)));
  }
  ClaimView housing = Open(anna, "turnover_housing");
  EXPECT_TRUE(platform_->claims.Get(employer, housing.row.id).ok()) << "the employer's obligation";
  EXPECT_EQ(platform_->claims.Get(other_employer, housing.row.id).status().code(), Code::kNotFound);
  EXPECT_EQ(platform_->claims.List(other, {})->size(), 0u);
  EXPECT_EQ(platform_->claims.List(employer, {})->size(), 1u);
  // The card expires: open claims close; withdrawn ones stay as they were.
  ClaimView residence = Open(anna, "residence_choice");
  Act(anna, residence.row.id, "withdraw");
  now_ += 6 * 366 * kDay;
  ASSERT_TRUE(platform_->applications.ExpireDue(ShanghaiDay(now_)).ok());
  EXPECT_EQ(platform_->claims.Get(anna, housing.row.id)->row.state, "closed");
  EXPECT_EQ(platform_->claims.Get(anna, residence.row.id)->row.state, "withdrawn");
  EXPECT_EQ(platform_->claims.Get(anna, permit.row.id)->row.state, "letter_issued");
  EXPECT_EQ(FindLetterByNumber(*store_, permit.letter->number, now_)->status, "withdrawn");
  auto events = platform_->claims.Get(anna, permit.row.id)->events;
  EXPECT_EQ(events.back().action, "withdraw_letter");
  EXPECT_EQ(events.back().note, permit.letter->number + " card_expired");
  AuditCount();
}

// The dashboard's figures on both backends (its aggregate SQL differs most between them).
TEST_P(ClaimsTest, StatisticsOfTheCardsInForce) {
  Actor t1 = Talent("li.wei", 1), t2 = Talent("wang.fang", 2), employer = Employer("hr.one", 1);
  IssueCard(t1, employer);
  IssueCard(t2, employer);
  ASSERT_TRUE(platform_->applications.Act(officer_, app_of_[*t2.talent_id], "revoke", "found untrue").ok());
  Open(t1, "spouse_allowance");
  Open(t1, "residence_choice");
  EXPECT_EQ(platform_->statistics.Report(t1).status().code(), Code::kForbidden);
  auto r = platform_->statistics.Report(officer_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->talents, 2);
  EXPECT_EQ(r->employers, 1);
  EXPECT_EQ(r->holders, 1);
  EXPECT_EQ(r->top_tier, "A");
  EXPECT_EQ(r->leading, 0);
  EXPECT_EQ(r->holders_by["tier"], (std::map<std::string, int64_t>{{"B", 1}}));
  EXPECT_EQ(r->holders_by["age_band"], (std::map<std::string, int64_t>{{"40-49", 1}}));
  EXPECT_EQ(r->holders_by["city"], (std::map<std::string, int64_t>{{"taiyuan", 1}}));
  EXPECT_EQ(r->holders_by["nationality"], (std::map<std::string, int64_t>{{"CN", 1}}));
  ASSERT_EQ(r->flow.size(), 1u);
  EXPECT_EQ(r->flow[0].month, "2026-11");
  EXPECT_EQ(r->flow[0].issued, 2);
  EXPECT_EQ(r->flow[0].revoked, 1);
  EXPECT_EQ(r->monthly_fen_by_payer["employer"], 600000 + 144000);
  EXPECT_EQ(r->claims["spouse_allowance"]["active"], 1);
  EXPECT_EQ(r->claims["residence_choice"]["open"], 1);
  EXPECT_EQ(r->allowance_computed_fen, 600000);
  EXPECT_EQ(r->allowance_unpaid_fen, 600000);
  EXPECT_EQ(AgeBand(*policy::ParseDate("2000-06-02"), *policy::ParseDate("2030-06-01")), "<30");
  EXPECT_EQ(AgeBand(*policy::ParseDate("2000-06-01"), *policy::ParseDate("2030-06-01")), "30-39");
  EXPECT_EQ(AgeBand(*policy::ParseDate("1950-01-01"), *policy::ParseDate("2030-06-01")), "60+");
}

INSTANTIATE_TEST_SUITE_P(Backends, ClaimsTest, testing::Values("sqlite", "postgres"), testing_platform::BackendName);

}  // namespace
}  // namespace jincai::service
