// The recruitment market on both backends: positions posted, edited, closed and found
// by Chinese and English search with filters; profiles and the two rankings with their
// reasons; the applicant pipeline with its scopes; every change audited, and bad input
// refused without a change.
#include "platform_fixture.h"

namespace jincai::service {
namespace {

using testing_platform::PlatformTest;

class MarketTest : public PlatformTest {
 protected:
  static PositionInput Battery() {
    return {"新能源材料研发工程师", "full_time", "new_materials", {"锂电池", "Python"}, "taiyuan", 20000, 40000, "zh-CN",
            "负责高镍正极材料研发。"};
  }
  static PositionInput Data() {
    return {"Data platform engineer", "project", "information_technology", {"SQL", "C++"}, "datong", 15000, 25000, "en",
            "Build the plant's data platform."};
  }
  int64_t Post(const Actor& employer, const PositionInput& in) {
    auto v = platform_->market.Post(employer, in);
    EXPECT_TRUE(v.ok()) << v.status().message();
    return v.ok() ? v->row.id : 0;
  }
  std::vector<std::string> Titles(PositionQuery q) {
    auto rows = platform_->market.Search(q);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    std::vector<std::string> out;
    if (rows.ok())
      for (const auto& r : *rows) out.push_back(r.row.title);
    return out;
  }
  static PositionQuery Q(const std::string& q) {
    PositionQuery out;
    out.q = q;
    return out;
  }
  using Titles_ = std::vector<std::string>;
};

TEST_P(MarketTest, PositionsAreFoundByChineseAndEnglishWordsAndFilters) {
  Actor employer = Employer("emp", 1);
  Post(employer, Battery());
  Post(employer, Data());
  EXPECT_EQ(Titles(Q("工程师")), Titles_{"新能源材料研发工程师"});
  EXPECT_EQ(Titles(Q("材料")), Titles_{"新能源材料研发工程师"});
  EXPECT_EQ(Titles(Q("工程车")), Titles_{});
  EXPECT_EQ(Titles(Q("PLATFORM data")), Titles_{"Data platform engineer"});
  EXPECT_EQ(Titles(Q("python")), Titles_{"新能源材料研发工程师"});  // skills are searched
  EXPECT_EQ(Titles(Q("太原")), Titles_{"新能源材料研发工程师"});    // the city's name
  EXPECT_EQ(Titles(Q("信息技术")), Titles_{"Data platform engineer"});  // the field's label
  EXPECT_EQ(Titles(Q("单位")).size(), 2u);                          // the employer's name ("单位1")
  PositionQuery by_city;
  by_city.city = "datong";
  EXPECT_EQ(Titles(by_city), Titles_{"Data platform engineer"});
  PositionQuery by_pay;
  by_pay.pay_at_least_cny = 30000;
  EXPECT_EQ(Titles(by_pay), Titles_{"新能源材料研发工程师"});
  PositionQuery by_mode = Q("engineer");
  by_mode.engagement = "full_time";
  EXPECT_EQ(Titles(by_mode), Titles_{});
  PositionQuery page;
  page.limit = 1;
  EXPECT_EQ(Titles(page), Titles_{"Data platform engineer"});  // newest first
  auto all = platform_->market.Search(PositionQuery{});
  ASSERT_TRUE(all.ok());
  page.before_id = all->front().row.id;
  EXPECT_EQ(Titles(page), Titles_{"新能源材料研发工程师"});
}

TEST_P(MarketTest, BadPositionsAndQueriesAreRefusedNamingTheFieldAndChangeNothing) {
  Actor employer = Employer("emp", 1);
  const int64_t audit = AuditCount();
  auto bad = [&](auto mutate, const std::string& field) {
    PositionInput in = Battery();
    mutate(in);
    auto v = platform_->market.Post(employer, in);
    ASSERT_FALSE(v.ok()) << field;
    EXPECT_EQ(v.status().code(), Code::kInvalidArgument) << field;
    EXPECT_EQ(v.status().field(), field);
  };
  bad([](PositionInput& p) { p.title = "  "; }, "title");
  bad([](PositionInput& p) { p.engagement = "forever"; }, "engagement");
  bad([](PositionInput& p) { p.field = "alchemy"; }, "field");
  bad([](PositionInput& p) { p.city = "beijing"; }, "city");
  bad([](PositionInput& p) { p.pay_min_cny = -1; }, "pay_min_cny");
  bad([](PositionInput& p) { p.pay_max_cny = p.pay_min_cny - 1; }, "pay_max_cny");
  bad([](PositionInput& p) { p.lang = "fr"; }, "lang");
  bad([](PositionInput& p) { p.description = ""; }, "description");
  bad([](PositionInput& p) { p.skills = std::vector<std::string>(21, "x"); }, "skills");
  bad([](PositionInput& p) { p.skills = {"a\nb"}; }, "skills");
  bad([](PositionInput& p) { p.title = "two\nlines"; }, "title");
  bad([](PositionInput& p) { p.title = "bell\x07"; }, "title");
  bad([](PositionInput& p) { p.description = "vertical\x0btab"; }, "description");
  bad([](PositionInput& p) { p.title = "工程师\xef\xbf\xbf"; }, "title");  // U+FFFF
  EXPECT_EQ(AuditCount(), audit);
  EXPECT_TRUE(Titles(PositionQuery{}).empty());
  auto q = platform_->market.Search(Q("!!！"));
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.status().field(), "q");
  PositionQuery city;
  city.city = "paris";
  EXPECT_EQ(platform_->market.Search(city).status().field(), "city");
  // Repeated skills (as compared) are kept once, as first written.
  PositionInput twice = Battery();
  twice.skills = {" Python ", "python", "锂电池"};
  auto v = platform_->market.Post(employer, twice);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->row.skills, (std::vector<std::string>{"Python", "锂电池"}));
}

TEST_P(MarketTest, OnlyItsEmployerEditsAndClosingTakesItOutOfTheSearch) {
  Actor employer = Employer("emp", 1), other = Employer("other", 2), talent = Talent("talent.t", 1);
  Actor officer = Staff("officer.a", "officer");
  const int64_t id = Post(employer, Battery());
  EXPECT_EQ(platform_->market.Post(talent, Battery()).status().code(), Code::kForbidden);
  EXPECT_EQ(platform_->market.Edit(other, id, Data()).status().code(), Code::kForbidden);
  auto edited = platform_->market.Edit(employer, id, Data());
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(Titles(Q("工程师")), Titles_{});  // the old text's terms are gone
  EXPECT_EQ(Titles(Q("platform")), Titles_{"Data platform engineer"});
  EXPECT_EQ(platform_->market.Close(other, id).status().code(), Code::kForbidden);
  ASSERT_TRUE(platform_->market.Close(officer, id).ok());
  EXPECT_EQ(platform_->market.Close(employer, id).status().code(), Code::kConflict);
  EXPECT_EQ(platform_->market.Edit(employer, id, Battery()).status().code(), Code::kConflict);
  EXPECT_TRUE(Titles(Q("platform")).empty());
  auto got = platform_->market.Get(id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->row.status, "closed");
  EXPECT_EQ(platform_->position_applications.Apply(talent, id, "").status().code(), Code::kConflict);
  auto own = platform_->market.OfEmployer(employer, *employer.employer_id);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->size(), 1u);
  EXPECT_EQ(platform_->market.OfEmployer(other, *employer.employer_id).status().code(), Code::kNotFound);
}

TEST_P(MarketTest, TheTwoRankingsShareScoresAndReasons) {
  Actor employer = Employer("emp", 1);
  Actor fit = Talent("fit", 1), hidden = Talent("hidden", 2), applicant = Talent("applicant", 3);
  const int64_t battery = Post(employer, Battery());
  Post(employer, Data());
  ProfileInput p{"new_materials", {"锂电池", "python"}, {"taiyuan"}, {"full_time"}, 30000, "电池材料", true};
  ASSERT_TRUE(platform_->market.PutProfile(fit, p).ok());
  p.visible = false;
  ASSERT_TRUE(platform_->market.PutProfile(hidden, p).ok());
  auto ranked = platform_->market.PositionsFor(fit, 10);
  ASSERT_TRUE(ranked.ok());
  ASSERT_EQ(ranked->size(), 2u);
  EXPECT_EQ(ranked->front().position.row.id, battery);
  EXPECT_EQ(ranked->front().match.score, 100);
  EXPECT_LT(ranked->back().match.score, 100);
  // The applicant keeps no profile: matched on the dossier's field and mode.
  TalentChange c;
  c.dossier = R"({"birth_date":"1980-01-01","field":"new_materials","engagement":"consultant"})";
  ASSERT_TRUE(platform_->records.ChangeTalent(applicant, *applicant.talent_id, c).ok());
  auto drawn = platform_->market.Profile(applicant);
  ASSERT_TRUE(drawn.ok());
  EXPECT_EQ(drawn->field, "new_materials");
  EXPECT_EQ(drawn->engagements, std::vector<std::string>{"consultant"});
  ASSERT_TRUE(platform_->position_applications.Apply(applicant, battery, "").ok());
  auto candidates = platform_->market.CandidatesFor(employer, battery, 10);
  ASSERT_TRUE(candidates.ok());
  ASSERT_EQ(candidates->size(), 2u);  // the hidden profile is not among them
  EXPECT_EQ((*candidates)[0].talent_id, *fit.talent_id);
  EXPECT_EQ((*candidates)[0].match.score, ranked->front().match.score);
  EXPECT_FALSE((*candidates)[0].stage.has_value());
  EXPECT_EQ((*candidates)[1].talent_id, *applicant.talent_id);
  EXPECT_EQ((*candidates)[1].stage.value_or(""), "applied");
  EXPECT_FALSE((*candidates)[1].has_profile);
  Actor other = Employer("other", 2);
  EXPECT_EQ(platform_->market.CandidatesFor(other, battery, 10).status().code(), Code::kNotFound);
  ProfileInput bad = p;
  bad.cities = {"shanghai"};
  EXPECT_EQ(platform_->market.PutProfile(fit, bad).status().field(), "cities");
  bad = p;
  bad.engagements = {"hourly"};
  EXPECT_EQ(platform_->market.PutProfile(fit, bad).status().field(), "engagements");
  EXPECT_EQ(platform_->market.PutProfile(employer, p).status().code(), Code::kForbidden);
}

TEST_P(MarketTest, ThePipelineMovesForwardOnlyByWhoMayMoveIt) {
  Actor employer = Employer("emp", 1), other = Employer("other", 2);
  Actor talent = Talent("talent.t", 1), second = Talent("talent.s", 2);
  const int64_t position = Post(employer, Battery());
  auto a = platform_->position_applications.Apply(talent, position, "我有五年电池研发经验。");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->row.stage, "applied");
  EXPECT_EQ(platform_->position_applications.Apply(talent, position, "").status().code(), Code::kConflict);
  const int64_t id = a->row.id;
  auto act = [&](const Actor& who, const char* action, const std::string& reason = "") {
    return platform_->position_applications.Act(who, id, action, reason);
  };
  EXPECT_EQ(act(talent, "shortlist").status().code(), Code::kForbidden);
  EXPECT_EQ(act(other, "shortlist").status().code(), Code::kNotFound);
  EXPECT_EQ(act(employer, "accept").status().code(), Code::kForbidden);
  EXPECT_EQ(act(talent, "accept").status().code(), Code::kConflict);  // not offered yet
  EXPECT_EQ(act(employer, "hire").status().field(), "action");
  ASSERT_TRUE(act(employer, "shortlist").ok());
  ASSERT_TRUE(act(employer, "interview").ok());
  EXPECT_EQ(act(employer, "shortlist").status().code(), Code::kConflict);  // never back
  ASSERT_TRUE(act(employer, "offer").ok());
  auto hired = act(talent, "accept");
  ASSERT_TRUE(hired.ok());
  EXPECT_EQ(hired->row.stage, "hired");
  EXPECT_EQ(act(talent, "withdraw").status().code(), Code::kConflict);
  auto b = platform_->position_applications.Apply(second, position, "");
  ASSERT_TRUE(b.ok());
  auto declined = platform_->position_applications.Act(employer, b->row.id, "decline", " ");
  EXPECT_EQ(declined.status().field(), "reason");
  declined = platform_->position_applications.Act(employer, b->row.id, "decline", "方向不符");
  ASSERT_TRUE(declined.ok());
  EXPECT_EQ(declined->row.reason, "方向不符");
  auto mine = platform_->position_applications.Mine(talent);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(mine->front().position_title, "新能源材料研发工程师");
  EXPECT_EQ(platform_->position_applications.Get(second, id).status().code(), Code::kNotFound);
  auto listed = platform_->position_applications.ToPosition(employer, position);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 2u);
  auto counts = platform_->market.OfEmployer(employer, *employer.employer_id);
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->front().applications.at("hired"), 1);
  EXPECT_EQ(counts->front().applications.at("declined"), 1);
}

TEST_P(MarketTest, SearchFollowsTheEmployersNewName) {
  Actor employer = Employer("emp", 1);
  Post(employer, Battery());
  EXPECT_EQ(Titles(Q("单位")).size(), 1u);
  store::EmployerRow renamed = EmployerRecord(1);
  renamed.name = "晋能新材料";
  ASSERT_TRUE(platform_->records.ChangeEmployer(employer, *employer.employer_id, renamed).ok());
  EXPECT_EQ(Titles(Q("晋能")), Titles_{"新能源材料研发工程师"});
  EXPECT_TRUE(Titles(Q("单位")).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, MarketTest, testing::Values("sqlite", "postgres"), testing_platform::BackendName);

}  // namespace
}  // namespace jincai::service
