// Decisions of the evaluator on a small policy: points, tier bands, engagement
// coverage, dated parameters, per-element entitlements, amounts, and rows whose
// evaluation fails.
#include <gtest/gtest.h>

#include "../policy_fixture.h"

namespace jincai::policy {
namespace {

using testing::Build;
using testing::Decide;
using testing::GrantsOf;
using testing::TierOf;

TEST(Evaluator, PointsTiersAndEntitlements) {
  auto b = Build(testing::kSmallPolicy);
  ASSERT_TRUE(b.policy) << b.diags.Render();
  auto r = Decide(*b.policy,
                  {R"({"id":"a","honors":["academician"],"salary":10000,"children":[{"stage":"primary"},{"stage":"none"},{"stage":"primary"}]})",
                   R"({"id":"b","patents":6,"salary":8000.01,"nationality":"DE"})",
                   R"({"id":"c","patents":4})",
                   R"({"id":"d","patents":6,"engagement":"part_time"})"},
                  "2019-06-01");
  const auto& p = *b.policy;
  EXPECT_EQ(TierOf(p, r.d, 0), "A");
  EXPECT_EQ(r.d.points[0][0], 100 * kNumberScale);
  EXPECT_EQ(r.d.points[3][0], 100 * kNumberScale);
  EXPECT_EQ(GrantsOf(p, r.d, 0), (std::vector<std::string>{"allowance:5000.00", "school", "school"}));
  // Elements 0 and 2 are the school-age children.
  std::vector<int32_t> elements;
  for (const auto& g : r.d.grants) if (g.row == 0 && g.element >= 0) elements.push_back(g.element);
  EXPECT_EQ(elements, (std::vector<int32_t>{0, 2}));
  EXPECT_EQ(TierOf(p, r.d, 1), "B");
  EXPECT_EQ(GrantsOf(p, r.d, 1), (std::vector<std::string>{"allowance:4000.01", "permit"}));  // 8000.01 * 0.5 rounds up
  EXPECT_EQ(TierOf(p, r.d, 2), "none");
  EXPECT_TRUE(GrantsOf(p, r.d, 2).empty());
  EXPECT_EQ(TierOf(p, r.d, 3), "none") << "tier B does not cover part-time engagement";
}

TEST(Evaluator, DatedParameterMovesTheThreshold) {
  auto b = Build(testing::kSmallPolicy);
  ASSERT_TRUE(b.policy);
  // 90 points: a_min is 100 before 2020 and 90 from 2020-01-01.
  std::vector<std::string> d = {R"({"id":"x","patents":9})"};
  EXPECT_EQ(TierOf(*b.policy, Decide(*b.policy, d, "2019-12-31").d, 0), "B");
  EXPECT_EQ(TierOf(*b.policy, Decide(*b.policy, d, "2020-01-01").d, 0), "A");
  // An override replaces every dated value.
  auto p2 = std::make_shared<CompiledPolicy>(*b.policy);
  ASSERT_TRUE(OverrideParameter(*p2, "a_min", "60").ok());
  EXPECT_EQ(TierOf(*p2, Decide(*p2, {R"({"id":"x","patents":6})"}, "2019-12-31").d, 0), "A");
  EXPECT_FALSE(OverrideParameter(*p2, "a_min", "sixty").ok());
  EXPECT_FALSE(OverrideParameter(*p2, "nope", "1").ok());
}

TEST(Evaluator, ParameterWithoutValueOnTheDateIsAnError) {
  auto b = Build(testing::kSmallPolicy);
  ASSERT_TRUE(b.policy);
  Evaluator ev(*b.policy);
  Status st = ev.SetDate(*ParseDate("2016-12-31"));
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("parameter 'a_min' has no value on 2016-12-31"), std::string::npos) << st.message();
}

TEST(Evaluator, FailingRowGetsNoTierOthersUnaffected) {
  std::string text = testing::kSmallPolicy;
  text += R"(
[formulas.ratio]
expr = '100 / patents'
[[criteria]]
id = "ratio"
dimension = "performance"
when = 'count(honors) == 0'
points = 'ratio'
)";
  auto b = Build(text);
  ASSERT_TRUE(b.policy) << b.diags.Render();
  auto r = Decide(*b.policy, {R"({"id":"bad","patents":0})", R"({"id":"ok","patents":5})"}, "2019-06-01");
  EXPECT_EQ(r.d.error[0], EvalError::kDivisionByZero);
  EXPECT_EQ(TierOf(*b.policy, r.d, 0), "none");
  EXPECT_TRUE(GrantsOf(*b.policy, r.d, 0).empty());
  EXPECT_EQ(r.d.error[1], EvalError::kNone);
  EXPECT_EQ(r.d.points[3][1], 70 * kNumberScale);  // 50 + 100/5
  EXPECT_EQ(TierOf(*b.policy, r.d, 1), "B");
}

// Tiers that cover more than four engagement modes, and a last tier whose condition
// always holds: each row takes the first tier whose condition holds and that covers it.
TEST(Evaluator, TiersOverManyEngagementModes) {
  auto b = Build(R"(
[policy]
id = "modes"
version = "1"
title = "engagement modes"
effective = 2017-01-01
engagement_input = "mode"

[inputs.n]
type = "number"
default = 0
[inputs.mode]
type = "string"
values = ["m1", "m2", "m3", "m4", "m5", "m6"]
default = "m1"

[[criteria]]
id = "n"
dimension = "ability"
points = 'n'

[[tiers]]
id = "A"
when = 'total_points >= 10'
engagement = ["m1", "m2", "m3", "m4", "m5"]
[[tiers]]
id = "B"
when = 'total_points >= 5'
engagement = ["m6", "m5"]
[[tiers]]
id = "C"
when = 'true'
engagement = ["m6"]
)");
  ASSERT_TRUE(b.policy) << b.diags.Render();
  const auto& p = *b.policy;
  auto r = Decide(p,
                  {R"({"id":"1","n":10,"mode":"m5"})", R"({"id":"2","n":10,"mode":"m6"})", R"({"id":"3","n":7,"mode":"m1"})",
                   R"({"id":"4","n":7,"mode":"m5"})", R"({"id":"5","n":1,"mode":"m6"})", R"({"id":"6","n":1,"mode":"m4"})"},
                  "2019-06-01");
  EXPECT_EQ(TierOf(p, r.d, 0), "A");
  EXPECT_EQ(TierOf(p, r.d, 1), "B") << "A does not cover m6";
  EXPECT_EQ(TierOf(p, r.d, 2), "none") << "B does not cover m1, C holds for all but covers m6 only";
  EXPECT_EQ(TierOf(p, r.d, 3), "B");
  EXPECT_EQ(TierOf(p, r.d, 4), "C");
  EXPECT_EQ(TierOf(p, r.d, 5), "none");
}

// Without an engagement input, a tier's engagement list is not read, however long.
TEST(Evaluator, ManyEngagementModesWithoutAnEngagementInput) {
  auto b = Build(R"(
[policy]
id = "modes"
version = "1"
title = "no engagement input"
effective = 2017-01-01

[inputs.n]
type = "number"
default = 0

[[criteria]]
id = "n"
dimension = "ability"
points = 'n'

[[tiers]]
id = "A"
when = 'total_points >= 10'
engagement = ["m1", "m2", "m3", "m4", "m5"]
)");
  ASSERT_TRUE(b.policy) << b.diags.Render();
  auto r = Decide(*b.policy, {R"({"id":"1","n":10})", R"({"id":"2","n":9})"}, "2019-06-01");
  EXPECT_EQ(TierOf(*b.policy, r.d, 0), "A");
  EXPECT_EQ(TierOf(*b.policy, r.d, 1), "none");
}

// An error in a tier's condition fails the row: it keeps that first error and takes no
// later tier, although a later condition holds for it.
TEST(Evaluator, ErrorInATierConditionFailsTheRow) {
  auto b = Build(R"(
[policy]
id = "tier-error"
version = "1"
title = "a failing tier condition"
effective = 2017-01-01

[inputs.n]
type = "number"
default = 0
[inputs.d]
type = "number"
default = 1

[[criteria]]
id = "n"
dimension = "ability"
points = 'n'

[[tiers]]
id = "A"
when = 'total_points >= 10 and 100 / d > 1'
[[tiers]]
id = "B"
when = 'total_points >= 5'
)");
  ASSERT_TRUE(b.policy) << b.diags.Render();
  const auto& p = *b.policy;
  auto r = Decide(p, {R"({"id":"1","n":12,"d":0})", R"({"id":"2","n":12,"d":1})", R"({"id":"3","n":7,"d":0})",
                      R"({"id":"4","n":12,"d":1000})"},
                  "2019-06-01");
  EXPECT_EQ(r.d.error[0], EvalError::kDivisionByZero);
  EXPECT_GE(r.d.error_instr[0], 0);
  EXPECT_EQ(TierOf(p, r.d, 0), "none") << "failed in A's condition: not placed in B";
  EXPECT_EQ(TierOf(p, r.d, 1), "A");
  EXPECT_EQ(r.d.error[2], EvalError::kNone) << "A's division runs only where the band holds";
  EXPECT_EQ(TierOf(p, r.d, 2), "B");
  EXPECT_EQ(TierOf(p, r.d, 3), "B") << "100 / 1000 is not above 1";
}

// Consecutive entitlements with the same condition share its run: across a change of
// tiers, of for_each list, and with both the same.
TEST(Evaluator, EntitlementsSharingAConditionStayApart) {
  auto b = Build(R"(
[policy]
id = "shared"
version = "1"
title = "entitlements sharing a condition"
effective = 2017-01-01

[inputs.n]
type = "number"
default = 0
[inputs.kids]
type = "list<record>"
default = []
fields = [ { name = "age", type = "number" } ]

[[criteria]]
id = "n"
dimension = "ability"
points = 'n'

[[tiers]]
id = "A"
when = 'total_points >= 10'
[[tiers]]
id = "B"
when = 'total_points >= 5'

[[entitlements]]
id = "e1"
tiers = ["A", "B"]
payer = "government"
when = 'n >= 7'
[[entitlements]]
id = "e2"
tiers = ["A"]
payer = "government"
when = 'n >= 7'
[[entitlements]]
id = "e3"
tiers = ["A"]
payer = "government"
for_each = "kids"
as = "kid"
when = 'n >= 7'
[[entitlements]]
id = "e4"
tiers = ["A"]
payer = "government"
for_each = "kids"
as = "kid"
when = 'n >= 7'
[[entitlements]]
id = "e5"
tiers = ["A"]
payer = "government"
when = 'n >= 7'
)");
  ASSERT_TRUE(b.policy) << b.diags.Render();
  const auto& p = *b.policy;
  auto r = Decide(p, {R"({"id":"1","n":12,"kids":[{"age":3},{"age":5}]})", R"({"id":"2","n":8,"kids":[{"age":1}]})",
                      R"({"id":"3","n":6})", R"({"id":"4","n":3,"kids":[{"age":2}]})"},
                  "2019-06-01");
  EXPECT_EQ(GrantsOf(p, r.d, 0), (std::vector<std::string>{"e1", "e2", "e3", "e3", "e4", "e4", "e5"}));
  EXPECT_EQ(GrantsOf(p, r.d, 1), (std::vector<std::string>{"e1"}));
  EXPECT_TRUE(GrantsOf(p, r.d, 2).empty());
  EXPECT_TRUE(GrantsOf(p, r.d, 3).empty());
}

TEST(Evaluator, BatchAndSingleRowAgree) {
  auto b = Build(testing::kSmallPolicy);
  ASSERT_TRUE(b.policy);
  std::vector<std::string> many;
  for (int i = 0; i < 3000; ++i)
    many.push_back("{\"id\":\"r" + std::to_string(i) + "\",\"patents\":" + std::to_string(i % 13) +
                   ",\"salary\":" + std::to_string(1000 + i) + (i % 7 == 0 ? ",\"honors\":[\"academician\"]" : "") + "}");
  auto all = Decide(*b.policy, many, "2021-01-01");
  for (int i = 0; i < 3000; i += 97) {
    auto one = Decide(*b.policy, {many[static_cast<size_t>(i)]}, "2021-01-01");
    EXPECT_EQ(TierOf(*b.policy, one.d, 0), TierOf(*b.policy, all.d, i));
    EXPECT_EQ(GrantsOf(*b.policy, one.d, 0), GrantsOf(*b.policy, all.d, i));
    EXPECT_EQ(one.d.points[3][0], all.d.points[3][static_cast<size_t>(i)]);
  }
}

}  // namespace
}  // namespace jincai::policy
