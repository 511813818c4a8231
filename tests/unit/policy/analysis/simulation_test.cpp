// Simulation and the fairness check on the small test policy: counts, transitions,
// costs by payer and changed decisions for a reform given as overrides; a fairness
// check that does find a moved decision when a gate is hidden from the lint.
#include "policy/analysis/simulation.h"

#include <gtest/gtest.h>

#include "../policy_fixture.h"
#include "policy/analysis/fairness.h"

namespace jincai::policy {
namespace {

Batch Dossiers(const CompiledPolicy& p, const std::vector<std::string>& lines) {
  Batch b;
  b.Reset(p.layout());
  int n = 0;
  for (const auto& l : lines) EXPECT_TRUE(AppendJsonRecord(l, ++n, p.layout(), p.pool(), b).ok());
  return b;
}

TEST(Simulation, CountsTransitionsAndCosts) {
  auto built = testing::Build(testing::kSmallPolicy);
  ASSERT_TRUE(built.policy);
  const CompiledPolicy& base = *built.policy;
  CompiledPolicy reform = base;
  ASSERT_TRUE(OverrideParameter(reform, "a_min", "60").ok());
  ASSERT_TRUE(OverrideParameter(reform, "factor", "1").ok());
  Batch b = Dossiers(base, {R"({"id":"a","patents":6,"salary":1000})",       // B -> A
                            R"({"id":"b","patents":9,"salary":2000})",       // B -> A (2021: a_min 90 -> 60)
                            R"({"id":"c","patents":1})",                     // none -> none
                            R"({"id":"d","honors":["academician"],"salary":100})"});  // A -> A
  auto sim = Simulation::Create(base, reform, *ParseDate("2019-06-01"));
  ASSERT_TRUE(sim.ok());
  (*sim)->Add(b);
  const SimulationReport& r = (*sim)->report();
  EXPECT_EQ(r.dossiers, 4);
  EXPECT_EQ(r.base_counts, (std::vector<int64_t>{1, 2, 1}));    // A, B, none
  EXPECT_EQ(r.reform_counts, (std::vector<int64_t>{3, 0, 1}));
  EXPECT_EQ(r.transition[1][0], 2);                              // B -> A
  EXPECT_EQ(r.tier_changed, 2);
  EXPECT_EQ(r.changed, 3);  // the academician keeps A but gets a larger allowance
  // Allowance (employer): base 0.5 * (1000 + 2000 + 100) = 1550.00; reform 1.0 * 3100 = 3100.00.
  EXPECT_EQ(r.monthly_by_payer.at("employer").first, 155000);
  EXPECT_EQ(r.monthly_by_payer.at("employer").second, 310000);
  EXPECT_NE(r.Table().find("Transitions"), std::string::npos);
  EXPECT_NE(r.Json().find("\"changed\":3"), std::string::npos);
  EXPECT_NE(r.Csv().find("payer_yearly_cny,employer,18600.00,37200.00"), std::string::npos) << r.Csv();
  EXPECT_NE(r.ChartSvg("t").find("<svg"), std::string::npos);
}

TEST(Simulation, ReformMustReadTheSameInputs) {
  auto a = testing::Build(testing::kSmallPolicy);
  auto b = BuildPolicyText("r.toml", std::string(testing::kSmallPolicy) + "[inputs.extra]\ntype = \"number\"\ndefault = 0\n",
                           a.policy->checked->pool);
  ASSERT_TRUE(b.policy) << b.diags.Render();
  EXPECT_NE(ReformReadsBase(*a.policy, *b.policy).find("the same inputs"), std::string::npos);
  EXPECT_EQ(ReformReadsBase(*a.policy, *a.policy), "");
}

TEST(Fairness, FindsAGateTheLintWasNotToldAbout) {
  // `education` gates tier A here but is not marked restricted, so the lint passes;
  // marking it restricted afterwards lets the run-time check catch the gate.
  std::string text = testing::Replace(testing::kSmallPolicy, "restricted = true\n", "");
  text = testing::Replace(text, "when = 'total_points >= a_min'", "when = 'total_points >= a_min or education == \"doctorate\"'");
  auto b = testing::Build(text);
  ASSERT_TRUE(b.policy) << b.diags.Render();
  for (auto& in : const_cast<PolicyDocument&>(b.policy->doc()).inputs)
    if (in.name() == "education") in.restricted = true;
  Batch batch = Dossiers(*b.policy, {R"({"id":"x","education":"doctorate"})", R"({"id":"y","patents":1})"});
  FairnessCheck check(*b.policy, *ParseDate("2021-01-01"));
  check.Add(batch);
  EXPECT_GT(check.report().moved, 0);
  ASSERT_FALSE(check.report().examples.empty());
  EXPECT_EQ(check.report().examples[0].id, "x");
  EXPECT_NE(check.report().examples[0].change.find("education: doctorate -> none"), std::string::npos)
      << check.report().examples[0].change;
}

}  // namespace
}  // namespace jincai::policy
