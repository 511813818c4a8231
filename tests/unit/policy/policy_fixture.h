// Test helpers: build a policy from TOML text, decide dossiers given as JSON lines,
// and read the decision of one row in a few words.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "policy/engine.h"
#include "policy/eval/evaluator.h"
#include "policy/io/dossier_reader.h"

namespace jincai::policy::testing {

inline PolicyBuild Build(const std::string& toml) { return BuildPolicyText("test.toml", toml); }

struct Decided {
  Batch batch;
  Decisions d;
};

inline Decided Decide(const CompiledPolicy& p, const std::vector<std::string>& dossiers, const std::string& date) {
  Decided out;
  out.batch.Reset(p.layout());
  int line = 1;
  for (const auto& j : dossiers) {
    auto st = AppendJsonRecord(j, line++, p.layout(), p.pool(), out.batch);
    EXPECT_TRUE(st.ok()) << st.message();
  }
  Evaluator ev(p);
  EXPECT_TRUE(ev.SetDate(*ParseDate(date)).ok());
  ev.Evaluate(out.batch, &out.d);
  return out;
}

inline std::string TierOf(const CompiledPolicy& p, const Decisions& d, int32_t row) {
  int32_t t = d.tier[static_cast<size_t>(row)];
  return t < 0 ? "none" : p.doc().tiers[static_cast<size_t>(t)].id;
}

// "id" or "id:monthly" per grant of the row, in grant order.
inline std::vector<std::string> GrantsOf(const CompiledPolicy& p, const Decisions& d, int32_t row) {
  std::vector<std::string> out;
  for (const auto& g : d.grants) {
    if (g.row != row) continue;
    std::string s = p.doc().entitlements[static_cast<size_t>(g.entitlement)].id;
    if (g.has_monthly) s += ":" + FormatMoney(g.monthly);
    out.push_back(s);
  }
  return out;
}

inline std::string Replace(std::string s, const std::string& from, const std::string& to) {
  size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// A small, clean policy used by several tests: points from patents and honors,
// three tiers by bands, entitlements with a for_each and an amount.
inline const char* kSmallPolicy = R"(
[policy]
id = "small"
version = "1"
title = "small test policy"
effective = 2017-01-01
engagement_input = "engagement"

[inputs.patents]
type = "number"
min = 0
default = 0
[inputs.honors]
type = "list<string>"
values = ["academician", "provincial"]
default = []
[inputs.education]
type = "string"
restricted = true
values = ["none", "doctorate"]
default = "none"
[inputs.engagement]
type = "string"
values = ["full_time", "part_time"]
default = "full_time"
[inputs.salary]
type = "money"
min = 0
default = 0
[inputs.nationality]
type = "string"
default = "CN"
[inputs.children]
type = "list<record>"
default = []
fields = [ { name = "stage", type = "string", values = ["none", "primary"] } ]

[parameters.per_patent]
type = "number"
value = 10
assumption = "test"
cite = "¶1"
[parameters.a_min]
type = "number"
values = [ { from = 2017-01-01, value = 100 }, { from = 2020-01-01, value = 90 } ]
assumption = "test"
cite = "¶1"
[parameters.b_min]
type = "number"
value = 50
assumption = "test"
cite = "¶1"
[parameters.factor]
type = "number"
value = 0.5
assumption = "test"
cite = "¶1"

[[criteria]]
id = "patents"
dimension = "contribution"
points = 'min(patents * per_patent, 95)'
cite = "¶1"
[[criteria]]
id = "academician"
dimension = "ability"
when = '"academician" in honors'
points = '100'
cite = "¶1"

[[tiers]]
id = "A"
when = 'total_points >= a_min'
engagement = ["full_time", "part_time"]
cite = "¶1"
[[tiers]]
id = "B"
when = 'total_points >= b_min and total_points < a_min'
engagement = ["full_time"]
cite = "¶1"

[[entitlements]]
id = "allowance"
tiers = ["A", "B"]
payer = "employer"
monthly_cny = 'salary * factor'
cite = "¶1"
[[entitlements]]
id = "school"
tiers = ["A"]
payer = "government"
for_each = "children"
as = "child"
when = 'child.stage != "none"'
cite = "¶1"
[[entitlements]]
id = "permit"
tiers = ["A", "B"]
payer = "government"
when = 'nationality != "CN"'
cite = "¶1"
)";

}  // namespace jincai::policy::testing
