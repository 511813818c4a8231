// Two-way matching: the score out of 100 is the sum of its reasons; a criterion the
// talent leaves open is met by every position; comparisons ignore case and spacing.
#include "domain/market_match.h"

#include <gtest/gtest.h>

#include "domain/hiring_pipeline.h"

namespace jincai::domain {
namespace {

PositionFacts Position() {
  return {"full_time", "new_materials", "taiyuan", {"锂电池", "Python", "材料表征"}, 20000, 40000};
}

const MatchReason& Reason(const Match& m, const std::string& criterion) {
  for (const auto& r : m.reasons)
    if (r.criterion == criterion) return r;
  static MatchReason none;
  ADD_FAILURE() << "no reason " << criterion;
  return none;
}

TEST(MarketMatchTest, APerfectFitScoresHundredWithEveryReasonMet) {
  TalentFacts t{"new_materials", {"python ", "锂电池", "材料表征"}, {"taiyuan"}, {"full_time"}, 25000};
  Match m = MatchPosition(t, Position());
  EXPECT_EQ(m.score, 100);
  ASSERT_EQ(m.reasons.size(), 5u);
  int sum = 0;
  for (const auto& r : m.reasons) {
    EXPECT_TRUE(r.met) << r.criterion;
    EXPECT_EQ(r.points, r.of) << r.criterion;
    EXPECT_FALSE(r.en.empty());
    EXPECT_FALSE(r.zh.empty());
    sum += r.of;
  }
  EXPECT_EQ(sum, 100);
}

TEST(MarketMatchTest, EachCriterionCountsAlone) {
  TalentFacts t{"information_technology", {"Python"}, {"datong"}, {"consultant"}, 50000};
  Match m = MatchPosition(t, Position());
  EXPECT_EQ(Reason(m, "skills").points, 13);  // 1 of 3 skills: 40 * 1 / 3, rounded down
  EXPECT_FALSE(Reason(m, "skills").met);
  EXPECT_NE(Reason(m, "skills").en.find("lacks"), std::string::npos);
  EXPECT_EQ(Reason(m, "field").points, 0);
  EXPECT_EQ(Reason(m, "city").points, 0);
  EXPECT_NE(Reason(m, "city").zh.find("大同市"), std::string::npos);  // named in Chinese
  EXPECT_EQ(Reason(m, "engagement").points, 0);
  EXPECT_EQ(Reason(m, "pay").points, 0);
  EXPECT_EQ(m.score, 13);
}

TEST(MarketMatchTest, OpenPreferencesAreMetByEveryPosition) {
  TalentFacts t;  // no field, no skills, no preferences
  Match m = MatchPosition(t, Position());
  EXPECT_EQ(Reason(m, "skills").points, 0);
  EXPECT_EQ(Reason(m, "field").points, 0);
  EXPECT_EQ(Reason(m, "city").points, 15);
  EXPECT_EQ(Reason(m, "engagement").points, 10);
  EXPECT_EQ(Reason(m, "pay").points, 10);
  PositionFacts no_skills = Position();
  no_skills.skills.clear();
  EXPECT_EQ(Reason(MatchPosition(t, no_skills), "skills").points, 40);
}

TEST(MarketMatchTest, PayIsMetWhenTheTopOfTheRangeReachesTheWish) {
  TalentFacts t;
  t.min_pay_cny = 40000;
  EXPECT_TRUE(Reason(MatchPosition(t, Position()), "pay").met);
  t.min_pay_cny = 40001;
  EXPECT_FALSE(Reason(MatchPosition(t, Position()), "pay").met);
}

TEST(MarketMatchTest, TagsCompareWithoutCaseOrExtraSpaces) {
  EXPECT_EQ(NormalizeTag("  Battery   Safety "), "battery safety");
  EXPECT_EQ(CollapseSpaces("  Battery   Safety "), "Battery Safety");
  EXPECT_EQ(NormalizeTag("锂电池"), "锂电池");
}

TEST(HiringPipelineTest, StepsGoForwardAndFinalStagesAreFinal) {
  for (const auto& step : HiringSteps()) {
    EXPECT_TRUE(IsHiringStage(step.to)) << step.action;
    for (const char* from : step.from) {
      EXPECT_TRUE(IsHiringStage(from));
      EXPECT_FALSE(IsFinalHiringStage(from)) << step.action << " from " << from;
    }
  }
  ASSERT_NE(FindHiringStep("accept"), nullptr);
  EXPECT_EQ(FindHiringStep("accept")->side, HiringSide::kTalent);
  EXPECT_EQ(std::string(FindHiringStep("accept")->to), "hired");
  EXPECT_TRUE(FindHiringStep("decline")->needs_reason);
  EXPECT_EQ(FindHiringStep("hire"), nullptr);
  EXPECT_FALSE(IsHiringStage("rejected"));
}

}  // namespace
}  // namespace jincai::domain
