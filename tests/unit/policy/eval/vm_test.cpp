// The interpreter's fast paths against its plain ones: dense (vectorised) loops and
// divisions by a parameter against the row-at-a-time loops, speculative evaluation of
// guarded operands, the fused sum (kAddN) and its errors, and common subexpressions.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "../policy_fixture.h"
#include "policy/io/decision_writer.h"

namespace jincai::policy {
namespace {

using testing::Build;
using testing::Decide;

const char* kPrelude = R"(
[policy]
id = "vm"
version = "1"
title = "vm tests"
effective = 2000-01-01

[inputs.n]
type = "number"
default = 0
[inputs.k]
type = "number"
default = 0
[inputs.m]
type = "money"
default = 0
[inputs.d]
type = "date"
default = 2000-01-01

[parameters.unit_n]
type = "number"
value = 3
assumption = "test"
[parameters.neg]
type = "number"
value = -7
assumption = "test"
[parameters.unit_m]
type = "money"
value = 1000
assumption = "test"
[parameters.zero]
type = "number"
value = 0
assumption = "test"

[[tiers]]
id = "T"
when = 'true'
)";

// Each expression a formula of its own, in order.
std::string WithFormulas(const std::vector<std::string>& exprs) {
  std::string text = kPrelude;
  for (size_t i = 0; i < exprs.size(); ++i)
    text += "[formulas.f" + std::to_string(i) + "]\nexpr = '''" + exprs[i] + "'''\n";
  return text;
}

// Dossiers with ordinary, boundary and, with `huge`, huge values (beyond where the
// division kernels are exact, so that a batch takes the exact loops; and where sums
// overflow).
std::vector<std::string> Dossiers(int count, bool huge) {
  const char* ns[] = {"0", "1", "-1", "2", "-2", "3", "-3", "4.5", "-4.5", "7", "-7", "10.5", "1000000.000001",
                      "-999999.999999", "2251799.813685", "-2251799.813686", "9000000000000", "-9000000000000",
                      "4611686.018427", "123456789.123456"};
  const char* ms[] = {"0", "999.99", "1000", "1000.01", "-1500", "-1499.99", "2500", "-2500",
                      "90000000000000000", "-90000000000000000", "12345678.9"};
  const char* ds[] = {"2000-02-29", "2003-03-01", "2021-06-15", "2021-06-16", "1960-12-31", "2030-01-01", "2020-02-29"};
  std::vector<std::string> out;
  // Just below and above multiples of the divisors (3 and -7) near 2^51 / 1e6, where a
  // quotient through doubles is off by one before its correction.
  for (int64_t unit : {3'000'000, 7'000'000}) {
    for (int64_t q = (int64_t{1} << 51) / unit, step = 0; step < 40; ++step, q -= 7919) {
      for (int64_t delta : {-1, 0, 1}) {
        const int64_t x = unit * q + delta;  // scaled
        char buf[96];
        std::snprintf(buf, sizeof buf, "{\"id\":\"e\",\"n\":%s%lld.%06lld}", x < 0 ? "-" : "",
                      static_cast<long long>(x / 1'000'000), static_cast<long long>(x % 1'000'000));
        out.push_back(buf);
      }
    }
  }
  for (int i = 0; i < count; ++i) {
    const bool is_huge = i % 20 >= 16 || (i / 20) % 20 >= 16 || i % 11 >= 8;
    if (is_huge && !huge) continue;
    out.push_back(std::string("{\"id\":\"r") + std::to_string(i) + "\",\"n\":" + ns[i % 20] + ",\"k\":" +
                  ns[(i / 20) % 20] + ",\"m\":" + ms[i % 11] + ",\"d\":\"" + ds[i % 7] + "\"}");
  }
  return out;
}

TEST(Vm, DenseLoopsAgreeWithRowLoops) {
  const std::vector<std::string> exprs = {
      "n > k", "n <= k", "k == n", "n != 3", "5 < n", "min(n, k)", "max(n, 5)", "min(4, n)",
      "n + k", "n - k", "5 - n", "n + 9000000000000", "not (n > k)",
      "floor(n / unit_n)", "ceil(n / unit_n)", "round(n / unit_n)", "floor(n / neg)", "round(n / neg)",
      "ceil(n / neg)", "floor(m / unit_m)", "round(m / unit_m)", "ceil(m / unit_m)", "n / unit_n",
      "n / neg", "m / unit_m", "floor(n / k)", "n / zero", "round(m / zero)",
      "years_between(d, as_of)", "years_between(as_of, d)", "months_between(d, as_of)", "months_between(as_of, d)",
      "if n > 0 then 100 / n else 0", "if n > 0 then 100 / n else n * n", "n > 0 and 100 / n > 1",
      "n < 0 or 100 / n > 1", "n + k + 100 / k + n * 2", "(if k > 1 then n * 1000000 else 0) + n * n + 1",
      "n * 3", "3 * n", "n * neg", "neg * k", "m * unit_n", "m * 4611686", "n * 4611686", "n * 0", "n * 2.5",
      "(if 100 / n > 1 then 5 else 0) + (if 100 / n > 1 then k else 0) + n * 9000000000000"};
  auto b = Build(WithFormulas(exprs));
  ASSERT_TRUE(b.policy) << b.diags.Render();
  const CompiledPolicy& p = *b.policy;
  for (bool huge : {false, true}) {
  SCOPED_TRACE(huge ? "with huge values" : "without huge values");
  Batch batch;
  batch.Reset(p.layout());
  const auto dossiers = Dossiers(1500, huge);
  for (size_t i = 0; i < dossiers.size(); ++i)
    ASSERT_TRUE(AppendJsonRecord(dossiers[i], static_cast<int>(i) + 1, p.layout(), p.pool(), batch).ok()) << dossiers[i];
  const int32_t date = *ParseDate("2021-06-15");
  std::vector<int64_t> tiers(static_cast<size_t>(batch.rows), 0);
  for (size_t f = 0; f < exprs.size(); ++f) {
    SCOPED_TRACE(exprs[f]);
    const int32_t instr = p.formula_instr[f];
    Vm dense(p), rows(p);
    ASSERT_TRUE(dense.SetDate(date).ok());
    ASSERT_TRUE(rows.SetDate(date).ok());
    dense.SetTiers(tiers.data());
    rows.SetTiers(tiers.data());
    dense.Bind(batch);
    rows.Bind(batch);
    dense.Run(instr, dense.AllRows());
    for (int32_t r = 0; r < batch.rows; ++r) {
      rows.Run(instr, Sel{&r, 1});  // an index selection: the row loops
      ASSERT_EQ(dense.error(r), rows.error(r)) << dossiers[static_cast<size_t>(r)];
      ASSERT_EQ(dense.error_instr(r), rows.error_instr(r)) << dossiers[static_cast<size_t>(r)];
      if (rows.error(r) == EvalError::kNone) {
        ASSERT_EQ(dense.At(instr, r), rows.At(instr, r)) << dossiers[static_cast<size_t>(r)];
      }
    }
  }
  }
}

TEST(Vm, ChainsOfAdditionsAreFusedWithTheirConditions) {
  auto b = Build(WithFormulas({"n + k + m / unit_m", "(if n > 0 then k else 0) + n"}));
  ASSERT_TRUE(b.policy) << b.diags.Render();
  const auto& code = b.policy->program.code;
  for (int f = 0; f < 2; ++f) {
    const Instr& body = code[static_cast<size_t>(code[static_cast<size_t>(b.policy->formula_instr[static_cast<size_t>(f)])].a)];
    EXPECT_EQ(body.op, Opcode::kAddN) << f;
  }
  const Instr& guarded = code[static_cast<size_t>(code[static_cast<size_t>(b.policy->formula_instr[1])].a)];
  ASSERT_EQ(guarded.field, 2);
  EXPECT_GE(b.policy->program.terms[static_cast<size_t>(guarded.slot)].when, 0) << "the if is a guard of the term";
}

// The fused sum reports an overflow where the chain would have: at its addition, and
// before the errors of later terms, after those of earlier ones.
TEST(Vm, FusedSumOverflowIsReportedAtItsAdditionInChainOrder) {
  std::string text = WithFormulas({"n * 1000000 + n * 1000000 + 100 / k", "100 / k + n * 1000000 + n * 1000000"});
  text += R"(
[[criteria]]
id = "first"
dimension = "ability"
points = 'f0'
[[criteria]]
id = "second"
dimension = "performance"
points = 'f1'
)";
  auto b = Build(text);
  ASSERT_TRUE(b.policy) << b.diags.Render();
  const CompiledPolicy& p = *b.policy;
  auto r = Decide(p,
                  {R"({"id":"both","n":5000000,"k":0})", R"({"id":"div","n":1,"k":0})",
                   R"({"id":"ovf","n":5000000,"k":1})", R"({"id":"ok","n":1,"k":4})"},
                  "2021-01-01");
  auto why = [&](int row) { return DescribeEvalError(p, r.d.error[static_cast<size_t>(row)], r.d.error_instr[static_cast<size_t>(row)]); };
  // f0 runs first: its first addition overflows before 100 / k runs.
  EXPECT_EQ(why(0), "number overflow in 'n * 1000000 + n * 1000000'");
  EXPECT_EQ(why(1), "division by zero in '100 / k'");
  EXPECT_EQ(why(2), "number overflow in 'n * 1000000 + n * 1000000'");
  EXPECT_EQ(r.d.error[3], EvalError::kNone);
  EXPECT_EQ(r.d.points[0][3], 2000025 * kNumberScale);  // 1000000 + 1000000 + 100 / 4
  EXPECT_EQ(r.d.points[3][3], 2 * 2000025 * kNumberScale);
}

TEST(Vm, FusedPointTotalOverflowFailsTheRow) {
  std::string text = kPrelude;
  text += R"(
[[criteria]]
id = "a"
dimension = "ability"
when = 'n > 0'
points = 'n * 1000000'
[[criteria]]
id = "b"
dimension = "ability"
when = 'k > 0'
points = 'k * 1000000'
)";
  auto b = Build(text);
  ASSERT_TRUE(b.policy) << b.diags.Render();
  auto r = Decide(*b.policy, {R"({"id":"x","n":5000000,"k":5000000})", R"({"id":"y","n":5000000,"k":-1})"}, "2021-01-01");
  EXPECT_EQ(r.d.error[0], EvalError::kOverflow);
  EXPECT_EQ(r.d.tier[0], -1);
  EXPECT_EQ(r.d.error[1], EvalError::kNone) << "the second term is guarded off";
  EXPECT_EQ(r.d.points[0][1], 5000000 * kNumberScale * 1000000);
}

// A formula computed speculatively for a row that did not need it (its guard fails)
// has its error dropped; a later use that does need it must still report it.
TEST(Vm, SpeculativeMemoErrorIsReportedWhenNeededLater) {
  std::string text = WithFormulas({"100 / n"});
  text = testing::Replace(text, "[[tiers]]\nid = \"T\"\nwhen = 'true'", "[[tiers]]\nid = \"T\"\nwhen = 'f0 > 1'");
  text += R"(
[[criteria]]
id = "inverse"
dimension = "ability"
when = 'n > 0'
points = 'f0'
)";
  auto b = Build(text);
  ASSERT_TRUE(b.policy) << b.diags.Render();
  std::vector<std::string> dossiers;
  for (int i = 0; i < 64; ++i) dossiers.push_back("{\"id\":\"r" + std::to_string(i) + "\",\"n\":" + std::to_string(i % 4) + "}");
  auto r = Decide(*b.policy, dossiers, "2021-01-01");
  for (int i = 0; i < 64; ++i) {
    SCOPED_TRACE(i);
    if (i % 4 == 0) {
      EXPECT_EQ(r.d.error[static_cast<size_t>(i)], EvalError::kDivisionByZero) << "the tier needs f0";
    } else {
      EXPECT_EQ(r.d.error[static_cast<size_t>(i)], EvalError::kNone);
      const int64_t inverse[4] = {0, 100 * kNumberScale, 50 * kNumberScale, 33333333};  // 100 / n to six places
      EXPECT_EQ(r.d.points[0][static_cast<size_t>(i)], inverse[i % 4]);
    }
  }
}

TEST(Vm, GuardedDivisionFailsNoRow) {
  std::string text = kPrelude;
  text += R"(
[[criteria]]
id = "inverse"
dimension = "ability"
when = 'n != 0'
points = '100 / n'
)";
  auto b = Build(text);
  ASSERT_TRUE(b.policy) << b.diags.Render();
  std::vector<std::string> dossiers;
  for (int i = 0; i < 100; ++i) dossiers.push_back("{\"id\":\"r" + std::to_string(i) + "\",\"n\":" + std::to_string(i % 5) + "}");
  auto r = Decide(*b.policy, dossiers, "2021-01-01");
  for (int i = 0; i < 100; ++i) EXPECT_EQ(r.d.error[static_cast<size_t>(i)], EvalError::kNone) << i;
  EXPECT_EQ(r.d.points[0][0], 0);
  EXPECT_EQ(r.d.points[0][2], 50 * kNumberScale);
}

TEST(Vm, CommonSubexpressionsAreEmittedOnce) {
  auto b = Build(WithFormulas({"years_between(d, as_of) >= 6 and years_between(d, as_of) <= 17", "n > 3 or n > 3"}));
  ASSERT_TRUE(b.policy) << b.diags.Render();
  const auto& code = b.policy->program.code;
  EXPECT_EQ(std::count_if(code.begin(), code.end(), [](const Instr& in) { return in.op == Opcode::kYears; }), 1);
  EXPECT_EQ(std::count_if(code.begin(), code.end(), [](const Instr& in) { return in.op == Opcode::kGt; }), 1);
}

}  // namespace
}  // namespace jincai::policy
