// The barrier lint, the usage lint and the tier analysis, each on a small policy
// with exactly one mistake.
#include <gtest/gtest.h>

#include "../policy_fixture.h"

namespace jincai::policy {
namespace {

std::string With(const std::string& extra) { return std::string(testing::kSmallPolicy) + extra; }

using testing::Replace;

TEST(BarrierLint, RestrictedInputInATierFails) {
  auto b = testing::Build(Replace(testing::kSmallPolicy, "when = 'total_points >= a_min'",
                                  "when = 'total_points >= a_min or education == \"doctorate\"'"));
  EXPECT_FALSE(b.policy);
  EXPECT_NE(b.diags.Render().find("restricted input 'education' decides tier A: education -> tier A"), std::string::npos)
      << b.diags.Render();
}

TEST(BarrierLint, RestrictedInputThroughFormulaAndPointsFails) {
  auto b = testing::Build(With("[formulas.degree_bonus]\nexpr = 'if education == \"doctorate\" then 20 else 0'\n"
                               "[[criteria]]\nid = \"degree\"\ndimension = \"ability\"\npoints = 'degree_bonus'\ncite = \"¶1\"\n"));
  EXPECT_FALSE(b.policy);
  EXPECT_NE(b.diags.Render().find("education -> formula degree_bonus -> criterion degree -> total_points -> tier A"), std::string::npos)
      << b.diags.Render();
}

TEST(BarrierLint, RestrictedInputInAnEntitlementAmountFails) {
  auto b = testing::Build(Replace(testing::kSmallPolicy, "monthly_cny = 'salary * factor'",
                                  "monthly_cny = 'if education == \"doctorate\" then salary else salary * factor'"));
  EXPECT_NE(b.diags.Render().find("restricted input 'education' decides entitlement allowance"), std::string::npos) << b.diags.Render();
}

TEST(BarrierLint, PointsNobodyReadsAreOnlyAWarning) {
  // Tiers read only contribution_points here; ability points from education warn.
  std::string text = Replace(testing::kSmallPolicy, "when = 'total_points >= a_min'", "when = 'contribution_points >= a_min'");
  text = Replace(text, "when = 'total_points >= b_min and total_points < a_min'",
                 "when = 'contribution_points >= b_min and contribution_points < a_min'");
  text += "[[criteria]]\nid = \"degree\"\ndimension = \"ability\"\nwhen = 'education == \"doctorate\"'\npoints = '5'\ncite = \"¶1\"\n";
  auto b = testing::Build(text);
  EXPECT_TRUE(b.policy) << b.diags.Render();
  EXPECT_NE(b.diags.Render().find("warning: criterion 'degree' gives points from restricted input 'education'"), std::string::npos)
      << b.diags.Render();
}

TEST(BarrierLint, RestrictedEngagementInputFails) {
  std::string text = Replace(testing::kSmallPolicy, "[inputs.engagement]\ntype = \"string\"", "[inputs.engagement]\ntype = \"string\"\nrestricted = true");
  auto b = testing::Build(text);
  EXPECT_NE(b.diags.Render().find("engagement_input 'engagement' is restricted"), std::string::npos) << b.diags.Render();
}

TEST(UsageLint, UnusedParameterAndMissingCitation) {
  auto b = testing::Build(With("[parameters.spare]\ntype = \"number\"\nvalue = 1\n"));
  std::string r = b.diags.Render();
  EXPECT_NE(r.find("parameter 'spare' is not used"), std::string::npos) << r;
  EXPECT_NE(r.find("parameter 'spare' cites no passage of the source"), std::string::npos) << r;
  EXPECT_NE(r.find("neither quotes its figure from the source nor says it is an assumption"), std::string::npos) << r;
}

TEST(TierAnalysis, CleanBandsHaveNoOverlapOrGap) {
  auto b = testing::Build(testing::kSmallPolicy);
  std::string r = b.diags.Render();
  EXPECT_EQ(r.find("overlap"), std::string::npos) << r;
  EXPECT_EQ(r.find("gap"), std::string::npos) << r;
}

TEST(TierAnalysis, OverlapIsReportedWithTheRange) {
  auto b = testing::Build(Replace(testing::kSmallPolicy, "when = 'total_points >= b_min and total_points < a_min'",
                                  "when = 'total_points >= b_min and total_points < 120'"));
  std::string r = b.diags.Render();
  EXPECT_NE(r.find("tiers 'A' and 'B' overlap where 100 <= total_points <= 119.999999"), std::string::npos) << r;
}

TEST(TierAnalysis, GapBetweenBandsIsReported) {
  auto b = testing::Build(Replace(testing::kSmallPolicy, "when = 'total_points >= b_min and total_points < a_min'",
                                  "when = 'total_points >= b_min and total_points < 80'"));
  std::string r = b.diags.Render();
  EXPECT_NE(r.find("no tier covers 80 <= total_points <= 99.999999, between tier 'B' and tier 'A'"), std::string::npos) << r;
}

TEST(TierAnalysis, BoolFormulaComparedWithFalseIsItsNegation) {
  std::string text = Replace(testing::kSmallPolicy, "when = 'total_points >= a_min'", "when = 'high'");
  text = Replace(text, "when = 'total_points >= b_min and total_points < a_min'", "when = 'high == false and total_points >= b_min'");
  text += "[formulas.high]\nexpr = 'total_points >= a_min'\ncite = \"¶1\"\n";
  auto b = testing::Build(text);
  EXPECT_EQ(b.diags.Render().find("overlap"), std::string::npos) << b.diags.Render();
}

TEST(TierAnalysis, TiersSplitByAnotherConditionAreNoGap) {
  std::string text = Replace(testing::kSmallPolicy, "when = 'total_points >= b_min and total_points < a_min'",
                             "when = 'total_points >= b_min and total_points < a_min and nationality == \"CN\"'");
  text += "[[tiers]]\nid = \"B2\"\nwhen = 'total_points >= b_min and total_points < a_min and nationality != \"CN\"'\n"
          "engagement = [\"full_time\"]\ncite = \"¶1\"\n";
  auto b = testing::Build(text);
  EXPECT_EQ(b.diags.Render().find("no tier covers"), std::string::npos) << b.diags.Render();
}

TEST(TierAnalysis, UnreachableTierAndCriterion) {
  std::string text = With("[[tiers]]\nid = \"C\"\nwhen = 'total_points >= 10 and total_points < 5'\nengagement = [\"full_time\"]\ncite = \"¶1\"\n"
                          "[[criteria]]\nid = \"never\"\ndimension = \"ability\"\nwhen = 'patents < 0'\npoints = '1'\ncite = \"¶1\"\n");
  auto b = testing::Build(text);
  std::string r = b.diags.Render();
  EXPECT_NE(r.find("tier 'C' can never be reached"), std::string::npos) << r;
  EXPECT_NE(r.find("criterion 'never' can never apply"), std::string::npos) << r;
}

}  // namespace
}  // namespace jincai::policy
