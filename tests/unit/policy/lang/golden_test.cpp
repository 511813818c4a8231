// Runs the golden language tests in tests/lang/*.test: each line `EXPR ==> EXPECTED`
// is compiled as a formula of a small policy and evaluated for one dossier, both alone
// (a one-row batch) and in the middle of a 1500-row batch (the population path), so
// the language means the same thing on both paths.
//
// EXPECTED is a value (3, 0.5, 525.00 CNY, true, "text", 2020-02-29), `error: TEXT`
// (an evaluation error whose message contains TEXT), or `check: TEXT` (a check error
// whose message contains TEXT). A line `dossier: {json}` sets the dossier for the
// lines after it; `#` starts a comment.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "policy/engine.h"
#include "policy/eval/evaluator.h"
#include "policy/io/dossier_reader.h"

namespace jincai::policy {
namespace {

const char* kPrelude = R"(
[policy]
id = "lang"
version = "1"
title = "golden language tests"
effective = 2000-01-01

[inputs.n]
type = "number"
default = 0
[inputs.m]
type = "money"
default = 0
[inputs.b]
type = "bool"
default = false
[inputs.s]
type = "string"
values = ["a", "b", "c", "中文"]
default = "a"
[inputs.t]
type = "string"
default = ""
[inputs.d]
type = "date"
default = 2000-01-01
[inputs.tags]
type = "list<string>"
values = ["x", "y", "z"]
default = []
[inputs.items]
type = "list<record>"
default = []
fields = [ { name = "kind", type = "string", values = ["p", "q"] },
           { name = "amount", type = "money" },
           { name = "qty", type = "number" },
           { name = "on", type = "date", default = 2000-01-01 } ]
[inputs.rec]
type = "record"
fields = [ { name = "flag", type = "bool", default = false }, { name = "count", type = "number", default = 0 } ]

[parameters.rate]
type = "number"
values = [ { from = 2000-01-01, value = 0.1 }, { from = 2020-01-01, value = 0.2 } ]
assumption = "test"
[parameters.base]
type = "money"
value = 1000
assumption = "test"

[[tiers]]
id = "T"
when = 'true'
)";

std::string Encode(Kind k, int64_t v, const StringPool& pool) {
  switch (k) {
    case Kind::kBool: return v ? "true" : "false";
    case Kind::kString: return "\"" + pool.Get(v) + "\"";
    case Kind::kDate: return FormatDate(static_cast<int32_t>(v));
    case Kind::kMoney: return FormatMoney(v) + " CNY";
    default: return FormatNumber(v);
  }
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  return s.substr(i);
}

struct Case {
  std::string file;
  int line;
  std::string dossier, expr, expected;
};

// Evaluates `result` for the dossier as row `at` of a batch of `rows` rows.
std::string Evaluate(const CompiledPolicy& p, const std::string& dossier, int32_t rows, int32_t at, int32_t date) {
  Batch batch;
  batch.Reset(p.layout());
  for (int32_t r = 0; r < rows; ++r) {
    std::string rec = r == at ? dossier : "{\"id\":\"filler" + std::to_string(r) + "\",\"n\":" + std::to_string(r % 7) + "}";
    auto st = AppendJsonRecord(rec, r + 1, p.layout(), p.pool(), batch);
    if (!st.ok()) return "bad dossier: " + st.message();
  }
  Evaluator ev(p);
  if (!ev.SetDate(date).ok()) return "bad date";
  Decisions d;
  ev.Evaluate(batch, &d);
  int32_t instr = p.formula_instr.at(0);
  Sel one{&at, 1};
  ev.vm().SetError(at, EvalError::kNone, -1);
  ev.vm().Run(instr, one);
  if (ev.vm().error(at) != EvalError::kNone) return std::string("error: ") + EvalErrorText(ev.vm().error(at));
  return Encode(p.program.code[static_cast<size_t>(instr)].kind, ev.vm().At(instr, at), p.pool());
}

std::vector<Case> LoadCases() {
  std::vector<Case> out;
  std::filesystem::path dir = std::filesystem::path(JINCAI_SOURCE_DIR) / "tests" / "lang";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".test") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line, dossier = "{\"id\":\"t\",\"rec\":{}}";
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      std::string t = Trim(line);
      if (t.empty() || t[0] == '#') continue;
      if (t.rfind("dossier:", 0) == 0) {
        dossier = Trim(t.substr(8));
        continue;
      }
      size_t arrow = t.find("==>");
      if (arrow == std::string::npos) {
        out.push_back({f.filename().string(), n, dossier, t, "<malformed test line: no ==>>"});
        continue;
      }
      out.push_back({f.filename().string(), n, dossier, Trim(t.substr(0, arrow)), Trim(t.substr(arrow + 3))});
    }
  }
  return out;
}

TEST(GoldenLanguage, EveryLineHoldsOnBothPaths) {
  auto cases = LoadCases();
  ASSERT_GT(cases.size(), 100u) << "expected the golden files in tests/lang";
  int32_t date = *ParseDate("2021-06-15");
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file + ":" + std::to_string(c.line) + ": " + c.expr);
    std::string text = std::string(kPrelude) + "\n[formulas.result]\nexpr = '''" + c.expr + "'''\n";
    PolicyBuild b = BuildPolicyText("golden.toml", text);
    if (c.expected.rfind("check:", 0) == 0) {
      std::string want = Trim(c.expected.substr(6));
      ASSERT_TRUE(b.diags.has_errors()) << "expected a check error containing '" << want << "'";
      EXPECT_NE(b.diags.Render().find(want), std::string::npos) << b.diags.Render();
      continue;
    }
    ASSERT_TRUE(b.policy) << b.diags.Render();
    std::string alone = Evaluate(*b.policy, c.dossier, 1, 0, date);
    std::string among = Evaluate(*b.policy, c.dossier, 1500, 700, date);
    if (c.expected.rfind("error:", 0) == 0) {
      EXPECT_NE(alone.find(Trim(c.expected.substr(6))), std::string::npos) << "got " << alone;
    } else {
      EXPECT_EQ(alone, c.expected);
    }
    EXPECT_EQ(among, alone) << "the batch path disagrees with the single-dossier path";
  }
}

}  // namespace
}  // namespace jincai::policy
