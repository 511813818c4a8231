// The shipped Shanxi policy: it checks clean, its own policy tests (hand-computed
// decisions for every tier and entitlement) pass, and — the property the reform rests
// on — changing only restricted fields never changes a decision, on a generated
// population and on random rewrites of every restricted field.
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "domain/synthetic_population.h"
#include "policy/analysis/decision_digest.h"
#include "policy/analysis/fairness.h"
#include "policy/analysis/policy_tests.h"
#include "policy/engine.h"
#include "policy/eval/evaluator.h"
#include "policy/io/dossier_reader.h"

namespace jincai::policy {
namespace {

const std::string kPolicy = std::string(JINCAI_SOURCE_DIR) + "/policies/shanxi-2017.toml";

std::shared_ptr<CompiledPolicy> Shanxi() {
  auto b = BuildPolicyFile(kPolicy);
  EXPECT_TRUE(b.ok());
  EXPECT_FALSE(b->diags.has_errors()) << b->diags.Render();
  EXPECT_EQ(b->diags.warning_count(), 0u) << b->diags.Render();
  return b->policy;
}

Batch Population(const CompiledPolicy& p, int64_t count, uint64_t seed) {
  std::ostringstream text;
  domain::WritePopulation(text, {count, seed, domain::PopulationFormat::kJsonl});
  Batch batch;
  batch.Reset(p.layout());
  std::istringstream lines(text.str());
  std::string line;
  int64_t n = 0;
  while (std::getline(lines, line)) {
    Status st = AppendJsonRecord(line, ++n, p.layout(), p.pool(), batch);
    EXPECT_TRUE(st.ok()) << st.message();
  }
  return batch;
}

// Each row's decision in comparable form (tier, points, grants with amounts).
std::vector<std::string> Digests(const CompiledPolicy& p, const Decisions& d) {
  std::vector<uint32_t> order, start;
  d.IndexByRow(&order, &start);
  std::vector<std::string> out;
  for (int32_t r = 0; r < d.rows; ++r) out.push_back(DecisionDigest(p, d, r, order, start, true));
  return out;
}

TEST(Shanxi2017, ChecksCleanWithoutWarnings) { ASSERT_TRUE(Shanxi()); }

TEST(Shanxi2017, ItsPolicyTestsPass) {
  PolicyTestFileResult r = RunPolicyTestFile(std::string(JINCAI_SOURCE_DIR) + "/policies/shanxi-2017.tests.toml");
  EXPECT_TRUE(r.errors.empty());
  ASSERT_GE(r.tests.size(), 15u);
  for (const auto& o : r.tests) EXPECT_TRUE(o.passed) << o.name;
  EXPECT_TRUE(r.ok());
}

TEST(Shanxi2017, FairnessCheckMovesNoDecision) {
  auto p = Shanxi();
  ASSERT_TRUE(p);
  Batch pop = Population(*p, 3000, 11);
  FairnessCheck check(*p, *ParseDate("2021-01-01"));
  ASSERT_TRUE(check.status().ok());
  for (int32_t start = 0; start < pop.rows; start += kStreamRows) {
    Batch chunk;
    chunk.Reset(p->layout());
    for (int32_t r = start; r < std::min(pop.rows, start + kStreamRows); ++r) chunk.AppendRow(pop, r);
    check.Add(chunk);
  }
  EXPECT_EQ(check.report().moved, 0);
  EXPECT_EQ(check.report().dossiers, 3000);
  EXPECT_GE(check.report().restricted.size(), 7u);
}

// A decision depends on its dossier only: not on the size of the batch it is read in,
// nor on the batches one Evaluator saw before (its registers are reused). 5000
// dossiers, one batch, then batches of 1000 and of 777.
TEST(Shanxi2017, DecisionsDoNotDependOnTheBatching) {
  auto p = Shanxi();
  ASSERT_TRUE(p);
  Batch pop = Population(*p, 5000, 5);
  Evaluator ev(*p);
  ASSERT_TRUE(ev.SetDate(*ParseDate("2021-01-01")).ok());
  Decisions whole;
  ev.Evaluate(pop, &whole);
  const std::vector<std::string> expected = Digests(*p, whole);
  int tiers = 0;
  for (int32_t t : whole.tier) tiers += t >= 0;
  EXPECT_GT(tiers, 100);
  for (int32_t size : {1000, 777}) {
    std::vector<Batch> chunks;
    for (int32_t start = 0; start < pop.rows; start += size) {
      Batch chunk;
      chunk.Reset(p->layout());
      for (int32_t r = start; r < std::min(pop.rows, start + size); ++r) chunk.AppendRow(pop, r);
      chunks.push_back(std::move(chunk));
    }
    std::vector<std::string> got;
    for (size_t k = 0; k < chunks.size(); ++k) {
      Decisions d;
      ev.Evaluate(chunks[k], &d);
      for (std::string& s : Digests(*p, d)) got.push_back(std::move(s));
    }
    ASSERT_EQ(got.size(), expected.size());
    for (size_t r = 0; r < got.size(); ++r) ASSERT_EQ(got[r], expected[r]) << "dossier " << r << ", batches of " << size;
  }
}

// Property: for random dossiers and random rewrites of all restricted fields at once
// (any allowed value, any number in range), every decision stays the same.
TEST(Shanxi2017, RestrictedFieldsNeverChangeADecision) {
  auto p = Shanxi();
  ASSERT_TRUE(p);
  Batch pop = Population(*p, 1024, 23);
  Evaluator ev(*p);
  ASSERT_TRUE(ev.SetDate(*ParseDate("2022-03-01")).ok());
  Decisions base;
  ev.Evaluate(pop, &base);
  const std::vector<std::string> before = Digests(*p, base);
  std::mt19937_64 rng(99);
  int tiers_seen[8] = {0};
  for (int32_t r = 0; r < pop.rows; ++r) ++tiers_seen[base.tier[static_cast<size_t>(r)] + 1];
  EXPECT_GT(tiers_seen[1] + tiers_seen[2] + tiers_seen[3], 0) << "the population must reach some tiers";
  for (int round = 0; round < 20; ++round) {
    Batch v = pop;
    const BatchLayout& L = p->layout();
    for (size_t s = 0; s < L.scalars.size(); ++s) {
      const auto& slot = L.scalars[s];
      if (!p->doc().inputs[static_cast<size_t>(slot.input)].restricted) continue;
      for (int32_t r = 0; r < v.rows; ++r) {
        int64_t& x = v.scalars[s][static_cast<size_t>(r)];
        switch (slot.spec->kind) {
          case Kind::kString:
            x = slot.spec->values.empty() ? p->pool().Intern("P" + std::to_string(rng() % 40))
                                          : p->pool().Intern(slot.spec->values[rng() % slot.spec->values.size()]);
            break;
          case Kind::kNumber: x = static_cast<int64_t>(rng() % 500) * kNumberScale; break;
          case Kind::kMoney: x = static_cast<int64_t>(rng() % 100000000); break;
          case Kind::kBool: x = static_cast<int64_t>(rng() % 2); break;
          default: break;
        }
      }
    }
    Decisions after;
    ev.Evaluate(v, &after);
    const std::vector<std::string> now = Digests(*p, after);
    for (int32_t r = 0; r < v.rows; ++r)
      ASSERT_EQ(now[static_cast<size_t>(r)], before[static_cast<size_t>(r)]) << "dossier " << pop.ids[static_cast<size_t>(r)];
  }
}

}  // namespace
}  // namespace jincai::policy
