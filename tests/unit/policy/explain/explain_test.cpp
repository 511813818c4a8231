// Explanations: the trace names each criterion's points and citation, says by how
// much a higher tier was missed, shows parameters with the date they took effect;
// what-it-takes finds the least raise of a number and the additions that reach the
// next tier.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../policy_fixture.h"
#include "policy/explain/trace.h"
#include "policy/explain/what_it_takes.h"

namespace jincai::policy {
namespace {

nlohmann::json Member(const std::string& appended) {
  // appended is ,"key":{...}
  return nlohmann::json::parse("{" + appended.substr(1) + "}");
}

TEST(Trace, ExplainsPointsTierMissAndAmounts) {
  auto b = testing::Build(testing::kSmallPolicy);
  ASSERT_TRUE(b.policy);
  const auto& p = *b.policy;
  Batch batch;
  batch.Reset(p.layout());
  ASSERT_TRUE(AppendJsonRecord(R"({"id":"x","patents":6,"salary":9000})", 1, p.layout(), p.pool(), batch).ok());
  Evaluator ev(p);
  ASSERT_TRUE(ev.SetDate(*ParseDate("2021-01-01")).ok());
  Decisions d;
  ev.Evaluate(batch, &d);
  std::string s;
  AppendTraceJson(ev, d, 0, s);
  auto t = Member(s)["trace"];
  EXPECT_EQ(t["date"], "2021-01-01");
  EXPECT_EQ(t["criteria"][0]["id"], "patents");
  EXPECT_EQ(t["criteria"][0]["points"], 60);
  EXPECT_EQ(t["criteria"][0]["values"]["per_patent"]["value"], 10);
  EXPECT_EQ(t["criteria"][0]["cite"], "¶1");
  EXPECT_EQ(t["criteria"][1]["applies"], false);
  EXPECT_EQ(t["tier"]["id"], "B");
  // Tier A needs a_min = 90 from 2020-01-01: 30 points short.
  auto miss = t["higher_tiers_not_reached"][0];
  EXPECT_EQ(miss["id"], "A");
  EXPECT_EQ(miss["failed"][0]["short_by"], 30);
  EXPECT_EQ(miss["failed"][0]["left"], 60);
  EXPECT_EQ(miss["failed"][0]["right"], 90);
  auto allowance = t["entitlements"][0];
  EXPECT_EQ(allowance["id"], "allowance");
  EXPECT_EQ(allowance["values"]["factor"]["value"], 0.5);
  EXPECT_EQ(allowance["values"]["factor"]["from"], "2017-01-01");
  EXPECT_EQ(allowance["grants"][0]["monthly_cny"], 4500);
  EXPECT_EQ(t["entitlements"][1]["reason"], "tier B does not grant it");
  // The explanation did not change the decision.
  EXPECT_EQ(d.tier[0], 1);
  std::string text = TraceText(ev, d, 0);
  EXPECT_NE(text.find("short_by: 30"), std::string::npos) << text;
}

TEST(Trace, AnErrorInsideAFormulaShowsAsAnError) {
  std::string text = std::string(testing::kSmallPolicy) +
                     "[formulas.ratio]\nexpr = '100 / patents'\n[[criteria]]\nid = \"ratio\"\ndimension = \"performance\"\n"
                     "when = 'ratio > 1'\npoints = '1'\ncite = \"¶1\"\n";
  auto b = testing::Build(text);
  ASSERT_TRUE(b.policy) << b.diags.Render();
  const auto& p = *b.policy;
  Batch batch;
  batch.Reset(p.layout());
  ASSERT_TRUE(AppendJsonRecord(R"({"id":"x","patents":0})", 1, p.layout(), p.pool(), batch).ok());
  Evaluator ev(p);
  ASSERT_TRUE(ev.SetDate(*ParseDate("2021-01-01")).ok());
  Decisions d;
  ev.Evaluate(batch, &d);
  EXPECT_EQ(d.error[0], EvalError::kDivisionByZero);
  std::string s;
  AppendTraceJson(ev, d, 0, s);
  auto t = Member(s)["trace"];
  EXPECT_EQ(t["error"], "division by zero");
  EXPECT_EQ(t["criteria"][2]["values"]["ratio"], "error: division by zero") << t["criteria"][2].dump();
}

TEST(Trace, ConditionTextsAreExactlyTheSource) {
  auto b = testing::Build(testing::Replace(testing::kSmallPolicy, "when = 'total_points >= a_min'",
                                           "when = 'max(patents, 1) >= 3 and (patents + 1) * 2 > a_min'"));
  ASSERT_TRUE(b.policy) << b.diags.Render();
  Batch batch;
  batch.Reset(b.policy->layout());
  ASSERT_TRUE(AppendJsonRecord(R"({"id":"x"})", 1, b.policy->layout(), b.policy->pool(), batch).ok());
  Evaluator ev(*b.policy);
  ASSERT_TRUE(ev.SetDate(*ParseDate("2021-01-01")).ok());
  Decisions d;
  ev.Evaluate(batch, &d);
  std::string s;
  AppendTraceJson(ev, d, 0, s);
  auto failed = Member(s)["trace"]["higher_tiers_not_reached"][0]["failed"];
  EXPECT_EQ(failed[0]["condition"], "max(patents, 1) >= 3");
  EXPECT_EQ(failed[1]["condition"], "(patents + 1) * 2 > a_min");
}

TEST(WhatItTakes, FindsTheLeastRaiseAndTheAdditions) {
  auto b = testing::Build(testing::kSmallPolicy);
  ASSERT_TRUE(b.policy);
  const auto& p = *b.policy;
  Batch batch;
  batch.Reset(p.layout());
  ASSERT_TRUE(AppendJsonRecord(R"({"id":"x","patents":6})", 1, p.layout(), p.pool(), batch).ok());
  std::string s;
  AppendWhatItTakesJson(p, *ParseDate("2021-01-01"), batch, 0, s);
  auto w = Member(s)["what_it_takes"];
  EXPECT_EQ(w["target"], "A");
  bool raise = false, honor = false;
  for (const auto& c : w["changes"]) {
    if (c["field"] == "patents") {
      raise = true;
      EXPECT_EQ(c["to"], 9);  // 9 patents = 90 points = a_min
    }
    if (c["field"] == "honors" && c["add"] == "academician") honor = true;
    EXPECT_NE(c["field"], "education") << "restricted inputs are never suggested";
  }
  EXPECT_TRUE(raise) << w.dump();
  EXPECT_TRUE(honor) << w.dump();
}

TEST(WhatItTakes, TopTierNeedsNothing) {
  auto b = testing::Build(testing::kSmallPolicy);
  ASSERT_TRUE(b.policy);
  Batch batch;
  batch.Reset(b.policy->layout());
  ASSERT_TRUE(AppendJsonRecord(R"({"id":"x","honors":["academician"]})", 1, b.policy->layout(), b.policy->pool(), batch).ok());
  std::string s;
  AppendWhatItTakesJson(*b.policy, *ParseDate("2021-01-01"), batch, 0, s);
  EXPECT_EQ(Member(s)["what_it_takes"]["note"], "already in the top tier");
}

}  // namespace
}  // namespace jincai::policy
