// Talent flows and cadres' business leaves on both backends: flows recorded by a hire
// in the market and by hand, with the sectors of both sides; scopes; the summary in and
// out of the system; a leave granted only to a cadre of an organ or institution, within
// three years, ended once, staying being a flow out of the system.
#include "platform_fixture.h"

#include "domain/identity_numbers.h"

namespace jincai::service {
namespace {

using testing_platform::PlatformTest;

class FlowsTest : public PlatformTest {
 protected:
  // An employer of the given kind and ownership.
  Actor EmployerOf(const std::string& username, int n, const std::string& kind, const std::string& ownership) {
    store::EmployerRow row = EmployerRecord(n);
    row.kind = kind;
    row.ownership = ownership;
    auto id = platform_->accounts.RegisterEmployer({username, testing_platform::kPassword, "人事处", row});
    EXPECT_TRUE(id.ok()) << id.status().message();
    return ActorNamed(username);
  }
  void WorksFor(const Actor& talent, const Actor& employer) {
    TalentChange c;
    c.employer_id = employer.employer_id;
    auto t = platform_->records.ChangeTalent(talent, *talent.talent_id, c);
    ASSERT_TRUE(t.ok()) << t.status().message();
  }
  static std::string CreditCode(int n) {
    std::string first17 = "91140100MA" + std::to_string(2000000 + n);
    return first17 + domain::SocialCreditCodeCheckCharacter(first17);
  }
  std::string Today() { return ShanghaiDate(now_); }
};

TEST_P(FlowsTest, AHireInTheMarketIsAFlowBetweenSectors) {
  Actor bureau = EmployerOf("bureau", 1, "government", "state");
  Actor firm = EmployerOf("firm", 2, "enterprise", "private");
  Actor talent = Talent("talent.a", 1);
  WorksFor(talent, bureau);
  auto pos = platform_->market.Post(firm, {"数据工程师", "full_time", "information_technology", {}, "taiyuan", 1, 2, "zh-CN", "x"});
  ASSERT_TRUE(pos.ok());
  auto a = platform_->position_applications.Apply(talent, pos->row.id, "");
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(platform_->position_applications.Act(firm, a->row.id, "offer", "").ok());
  ASSERT_TRUE(platform_->position_applications.Act(talent, a->row.id, "accept", "").ok());
  auto flows = platform_->flows.List(talent, {});
  ASSERT_TRUE(flows.ok());
  ASSERT_EQ(flows->size(), 1u);
  const auto& f = flows->front();
  EXPECT_EQ(f.row.source, "market");
  EXPECT_EQ(f.row.from_sector, "party_government");
  EXPECT_EQ(f.row.to_sector, "non_public_enterprise");
  EXPECT_EQ(f.row.position_application_id.value_or(0), a->row.id);
  EXPECT_EQ(f.to_employer_name, "单位2");
  // Both employers see it; a third does not; the office counts it out of the system.
  EXPECT_EQ(platform_->flows.List(bureau, {})->size(), 1u);
  EXPECT_EQ(platform_->flows.List(firm, {})->size(), 1u);
  Actor other = EmployerOf("other", 3, "enterprise", "state");
  EXPECT_TRUE(platform_->flows.List(other, {})->empty());
  Actor officer = Staff("officer.a", "officer");
  auto sum = platform_->flows.Summary(officer);
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(sum->out_of_system, 1);
  EXPECT_EQ(sum->into_system, 0);
  EXPECT_EQ(platform_->flows.Summary(firm).status().code(), Code::kForbidden);
}

TEST_P(FlowsTest, FlowsRecordedByHandAreCheckedAndScoped) {
  Actor firm = EmployerOf("firm", 2, "enterprise", "private");
  Actor institute = EmployerOf("institute", 4, "research_institute", "state");
  Actor talent = Talent("talent.a", 1);
  Actor officer = Staff("officer.a", "officer");
  FlowInput in{*talent.talent_id, firm.employer_id, institute.employer_id, "full_time", Today(), "从民企到科研院所"};
  // An employer records flows of its own staff only: others answer as missing.
  EXPECT_EQ(platform_->flows.Record(institute, in).status().code(), Code::kNotFound);
  WorksFor(talent, institute);
  auto v = platform_->flows.Record(institute, in);
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->row.to_sector, "public_institution");
  Actor other = EmployerOf("other", 3, "enterprise", "state");
  EXPECT_EQ(platform_->flows.Record(other, in).status().code(), Code::kForbidden);
  EXPECT_EQ(platform_->flows.Record(talent, in).status().code(), Code::kForbidden);
  const int64_t audit = AuditCount();
  auto bad = [&](FlowInput f, const std::string& field) {
    auto r = platform_->flows.Record(officer, f);
    ASSERT_FALSE(r.ok()) << field;
    EXPECT_EQ(r.status().field(), field) << r.status().message();
  };
  FlowInput f = in;
  f.moved_on = ShanghaiDate(now_ + 2 * 86400);
  bad(f, "moved_on");
  f = in;
  f.moved_on = "2026-02-30";
  bad(f, "moved_on");
  f = in;
  f.to_employer_id = f.from_employer_id;
  bad(f, "to_employer_id");
  f = in;
  f.to_employer_id = 99999;
  bad(f, "to_employer_id");
  f = in;
  f.engagement = "forever";
  bad(f, "engagement");
  f = in;
  f.note = "bell\x07";
  bad(f, "note");
  f = in;
  f.talent_id = 99999;
  EXPECT_EQ(platform_->flows.Record(officer, f).status().code(), Code::kNotFound);
  EXPECT_EQ(AuditCount(), audit);
  // From outside the province into the system.
  f = in;
  f.from_employer_id.reset();
  ASSERT_TRUE(platform_->flows.Record(officer, f).ok());
  auto sum = platform_->flows.Summary(officer);
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(sum->into_system, 2);
  EXPECT_EQ((sum->by_sectors[{"none", "public_institution"}]), 1);
}

TEST_P(FlowsTest, ACadreTakesLeaveToStartABusinessAndReturnsOrStays) {
  Actor bureau = EmployerOf("bureau", 1, "government", "state");
  Actor firm = EmployerOf("firm", 2, "enterprise", "private");
  Actor cadre = Talent("talent.a", 1), worker = Talent("talent.b", 2);
  WorksFor(cadre, bureau);
  WorksFor(worker, firm);
  Actor officer = Staff("officer.a", "officer");
  const std::string today = Today();
  LeaveInput in{*cadre.talent_id, std::nullopt, "晋创科技有限公司", CreditCode(1), today, "2029-06-30", ""};
  auto bad = [&](LeaveInput l, const std::string& field) {
    auto r = platform_->flows.GrantLeave(bureau, l);
    ASSERT_FALSE(r.ok()) << field;
    EXPECT_EQ(r.status().field(), field) << r.status().message();
  };
  LeaveInput l = in;
  l.business_credit_code = "91140100MA0000000X";
  bad(l, "business_credit_code");
  l = in;
  l.return_by = today;
  bad(l, "return_by");
  l = in;
  l.return_by = "2031-01-01";  // beyond three years
  bad(l, "return_by");
  l = in;
  l.business_name = " ";
  bad(l, "business_name");
  // Only the cadre's own organ; never an enterprise's staff.
  EXPECT_EQ(platform_->flows.GrantLeave(firm, in).status().code(), Code::kNotFound);
  LeaveInput w = in;
  w.talent_id = *worker.talent_id;
  EXPECT_EQ(platform_->flows.GrantLeave(firm, w).status().code(), Code::kConflict);
  auto leave = platform_->flows.GrantLeave(bureau, in);
  ASSERT_TRUE(leave.ok()) << leave.status().message();
  EXPECT_EQ(leave->row.state, "on_leave");
  EXPECT_FALSE(leave->overdue);
  EXPECT_EQ(platform_->flows.GrantLeave(bureau, in).status().code(), Code::kConflict);  // on leave already
  EXPECT_EQ(platform_->flows.Leaves(cadre, {}, false)->size(), 1u);
  EXPECT_TRUE(platform_->flows.Leaves(firm, {}, false)->empty());
  EXPECT_EQ(platform_->flows.EndLeave(firm, leave->row.id, "return", today, "").status().code(), Code::kNotFound);
  EXPECT_EQ(platform_->flows.EndLeave(bureau, leave->row.id, "quit", today, "").status().field(), "action");
  // Three years on, still away: overdue; staying is a flow out of the system.
  now_ += 4 * 366 * 86400;
  auto overdue = platform_->flows.Leaves(officer, {}, true);
  ASSERT_TRUE(overdue.ok());
  ASSERT_EQ(overdue->size(), 1u);
  EXPECT_TRUE(overdue->front().overdue);
  auto stayed = platform_->flows.EndLeave(bureau, leave->row.id, "stay", Today(), "留在企业");
  ASSERT_TRUE(stayed.ok()) << stayed.status().message();
  EXPECT_EQ(stayed->row.state, "stayed");
  EXPECT_EQ(platform_->flows.EndLeave(bureau, leave->row.id, "return", Today(), "").status().code(), Code::kConflict);
  auto flows = platform_->flows.List(officer, {});
  ASSERT_TRUE(flows.ok());
  ASSERT_EQ(flows->size(), 1u);
  EXPECT_EQ(flows->front().row.from_sector, "party_government");
  EXPECT_EQ(flows->front().row.to_sector, "non_public_enterprise");
  auto sum = platform_->flows.Summary(officer);
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(sum->stayed, 1);
  EXPECT_EQ(sum->out_of_system, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, FlowsTest, testing::Values("sqlite", "postgres"), testing_platform::BackendName);

}  // namespace
}  // namespace jincai::service
