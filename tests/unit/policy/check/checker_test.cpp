// The analyst's mistakes: each is reported with file, line, column and a caret that
// points into the TOML file, inside the expression string where the mistake is.
#include <gtest/gtest.h>

#include "../policy_fixture.h"

namespace jincai::policy {
namespace {

std::string With(const std::string& extra) { return std::string(testing::kSmallPolicy) + extra; }

TEST(Checker, SmallPolicyIsClean) {
  auto b = testing::Build(testing::kSmallPolicy);
  EXPECT_FALSE(b.diags.has_errors()) << b.diags.Render();
  EXPECT_TRUE(b.policy);
}

TEST(Checker, UnknownNamePointsIntoTheExpression) {
  auto b = testing::Build("[policy]\nid = \"x\"\nversion = \"1\"\ntitle = \"t\"\neffective = 2017-01-01\n"
                          "[inputs.patents]\ntype = \"number\"\n"
                          "[[tiers]]\nid = \"A\"\nwhen = 'patent >= 3'\n");
  ASSERT_TRUE(b.diags.has_errors());
  const Diagnostic& d = b.diags.items().front();
  EXPECT_EQ(d.loc.line, 10);
  EXPECT_EQ(d.loc.col, 9);  // the 'p' of patent, after "when = '"
  std::string r = b.diags.Render();
  EXPECT_NE(r.find("test.toml:10:9: error: unknown name 'patent' (did you mean 'patents'?)"), std::string::npos) << r;
  EXPECT_NE(r.find("  when = 'patent >= 3'\n          ^\n"), std::string::npos) << r;
}

TEST(Checker, MultiLineExpressionLocations) {
  auto b = testing::Build(With("[formulas.f]\nexpr = '''\n  patents +\n  nope'''\n"));
  ASSERT_TRUE(b.diags.has_errors());
  const Diagnostic& d = b.diags.items().front();
  int last = 1;
  for (char c : std::string(With(""))) last += c == '\n';
  EXPECT_EQ(d.loc.line, last + 3) << b.diags.Render();
  EXPECT_EQ(d.loc.col, 3);
}

TEST(Checker, TypeMismatchNamesBothTypes) {
  auto b = testing::Build(With("[formulas.f]\nexpr = 'salary + 1'\n"));
  EXPECT_NE(b.diags.Render().find("cannot add number to money: write money amounts as 5000 CNY"), std::string::npos) << b.diags.Render();
}

TEST(Checker, CycleBetweenFormulasIsListed) {
  auto b = testing::Build(With("[formulas.x]\nexpr = 'y + 1'\n[formulas.y]\nexpr = 'x + 1'\n"));
  EXPECT_NE(b.diags.Render().find("formulas depend on each other in a cycle: x -> y -> x"), std::string::npos) << b.diags.Render();
}

TEST(Checker, CriterionUsingItsOwnTotalIsACycle) {
  auto b = testing::Build(With("[[criteria]]\nid = \"loop\"\ndimension = \"ability\"\npoints = 'ability_points'\n"));
  EXPECT_NE(b.diags.Render().find("adds up this criterion's own points: a cycle"), std::string::npos) << b.diags.Render();
}

TEST(Checker, BadDateInParameter) {
  auto b = testing::Build(With("[parameters.when]\ntype = \"date\"\nvalue = \"2021-02-30\"\nassumption = \"t\"\n"));
  EXPECT_NE(b.diags.Render().find("is not a date"), std::string::npos) << b.diags.Render();
}

TEST(Checker, TomlSyntaxErrorHasALocation) {
  auto b = testing::Build("[policy\nid = 1\n");
  ASSERT_TRUE(b.diags.has_errors());
  EXPECT_EQ(b.diags.items().front().loc.line, 1);
  EXPECT_NE(b.diags.Render().find("test.toml:1:"), std::string::npos);
}

TEST(Checker, UnknownKeyIsNamedWithTheAllowedOnes) {
  auto b = testing::Build(With("[[tiers]]\nid = \"C\"\nwhne = 'true'\n"));
  EXPECT_NE(b.diags.Render().find("unknown key 'whne' in tier 'C'"), std::string::npos) << b.diags.Render();
}

TEST(Checker, EnumValueOutsideTheInputsValues) {
  auto b = testing::Build(With("[formulas.f]\nexpr = 'engagement == \"fulltime\"'\n"));
  EXPECT_NE(b.diags.Render().find("\"fulltime\" is not a value of engagement (allowed: full_time, part_time)"), std::string::npos)
      << b.diags.Render();
}

TEST(Checker, EntitlementNamesAnUnknownTier) {
  auto b = testing::Build(With("[[entitlements]]\nid = \"x\"\ntiers = [\"Z\"]\npayer = \"employer\"\n"));
  EXPECT_NE(b.diags.Render().find("names tier 'Z', which the policy does not declare"), std::string::npos) << b.diags.Render();
}

TEST(Checker, MoneyAmountMustBeMoney) {
  auto b = testing::Build(With("[[entitlements]]\nid = \"x\"\ntiers = [\"A\"]\npayer = \"employer\"\nmonthly_cny = '5000'\n"));
  EXPECT_NE(b.diags.Render().find("its 'monthly_cny' of entitlement 'x' must be money, but this is number"), std::string::npos)
      << b.diags.Render();
}

TEST(Checker, DuplicateNamesAcrossKinds) {
  auto b = testing::Build(With("[formulas.patents]\nexpr = '1'\n"));
  EXPECT_NE(b.diags.Render().find("'patents' is declared as a formula and as an input"), std::string::npos) << b.diags.Render();
}

TEST(Checker, LongChainsAreAnErrorNotACrash) {
  std::string chain = "1";
  for (int i = 0; i < 5000; ++i) chain += " + 1";
  auto b = testing::Build(With("[formulas.f]\nexpr = '" + chain + "'\n"));
  EXPECT_NE(b.diags.Render().find("nested too deeply"), std::string::npos);
  std::string formulas;
  for (int i = 0; i < 1000; ++i) formulas += "[formulas.f" + std::to_string(i) + "]\nexpr = 'f" + std::to_string(i + 1) + " + 1'\n";
  formulas += "[formulas.f1000]\nexpr = '1'\n";
  b = testing::Build(With(formulas));
  EXPECT_NE(b.diags.Render().find("more than 200 levels deep"), std::string::npos);
}

TEST(Checker, FormulaChainsAreBoundedWhateverTheirOrderInTheFile) {
  // Each formula refers to one declared before it (checked first, in key order), so
  // the checker's own stack stays shallow; the chain is still 1000 long.
  std::string formulas = "[formulas.f00000]\nexpr = '1'\n";
  char name[16];
  for (int i = 1; i <= 1000; ++i) {
    std::snprintf(name, sizeof name, "f%05d", i);
    char prev[16];
    std::snprintf(prev, sizeof prev, "f%05d", i - 1);
    formulas += std::string("[formulas.") + name + "]\nexpr = '" + prev + " + 1'\n";
  }
  auto b = testing::Build(With(formulas));
  EXPECT_NE(b.diags.Render().find("more than 200 levels deep"), std::string::npos);
  EXPECT_FALSE(b.policy);
}

TEST(Checker, DefaultOutsideItsRangeIsAnError) {
  auto b = testing::Build(With("[inputs.score]\ntype = \"number\"\nmin = 0\ndefault = -1\n"));
  EXPECT_NE(b.diags.Render().find("the default of input 'score' is outside its min/max"), std::string::npos) << b.diags.Render();
}

TEST(Checker, DeeplyNestedExpressionIsAnErrorNotACrash) {
  std::string deep(5000, '(');
  auto b = testing::Build(With("[formulas.f]\nexpr = '" + deep + "1'\n"));
  EXPECT_NE(b.diags.Render().find("nested too deeply"), std::string::npos);
}

}  // namespace
}  // namespace jincai::policy
