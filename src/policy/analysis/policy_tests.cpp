// Policy tests (see policy_tests.h). Each test is parsed in full before it runs, so a
// malformed test reports every mistake with its line and never half-runs; the dossier
// goes through the same JSON reader as production input (AppendJsonRecord).
#include "policy/analysis/policy_tests.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <toml++/toml.h>

#include "policy/analysis/test_values.h"
#include "policy/eval/evaluator.h"
#include "policy/io/dossier_reader.h"
#include "policy/model/policy_loader.h"

namespace jincai::policy {

int PolicyTestFileResult::passed() const {
  int n = 0;
  for (const auto& t : tests) n += t.passed;
  return n;
}

int PolicyTestFileResult::failed() const { return static_cast<int>(tests.size()) - passed(); }

namespace {

constexpr const char* kDimensionKeys[4] = {"ability", "performance", "contribution", "total"};

std::string Quoted(const std::string& s) { return "\"" + s + "\""; }

struct TestCase {
  PolicyTestOutcome out;  // name, line and errors found while parsing
  int32_t date = 0;
  std::vector<std::pair<std::string, std::string>> sets;  // name, value text
  std::vector<int> set_lines;
  std::string dossier;
  int dossier_line = 0;
  std::optional<int> tier;  // -1 = none
  std::optional<int64_t> points[4];
  std::optional<std::vector<int>> entitlements;  // indexes into the policy's
  std::vector<std::pair<int, int64_t>> amounts;  // entitlement, fen
};

class Parser {
 public:
  Parser(const std::string& path, const PolicyDocument& doc) : path_(path), doc_(doc) {}

  TestCase Parse(const toml::table& t) {
    TestCase c;
    c_ = &c;
    c.out.line = TomlLine(t);
    c.out.name = "(unnamed test at line " + std::to_string(c.out.line) + ")";
    for (auto&& [k, v] : t)
      if (k != "name" && k != "date" && k != "set" && k != "dossier" && k != "expect")
        Error(v, "unknown key '" + std::string(k.str()) + "' in a test (name, date, set, dossier, expect)");
    if (auto* n = t.get("name"); !n || !n->is_string() || n->as_string()->get().empty()) {
      Error(n ? TomlLine(*n) : c.out.line, "a test needs a non-empty name = \"...\"");
    } else {
      c.out.name = n->as_string()->get();
    }
    if (const toml::node* n = t.get("date")) {
      std::optional<int32_t> d;
      if (auto* dv = n->as_date()) {
        if (IsValidCivil(dv->get().year, dv->get().month, dv->get().day))
          d = DaysFromCivil(dv->get().year, dv->get().month, dv->get().day);
      } else if (auto* s = n->as_string()) {
        d = ParseDate(s->get());
      }
      if (d) c.date = *d; else Error(*n, "'date' must be a date, as date = 2020-06-01");
    } else {
      Error(c.out.line, "a test needs the evaluation date = YYYY-MM-DD");
    }
    if (const toml::node* n = t.get("set")) {
      if (!n->is_table()) Error(*n, "'set' must be a table of parameter overrides: set = { name = value }");
      else for (auto&& [k, v] : *n->as_table()) {
        if (auto text = TomlOverrideText(v)) {
          c.sets.emplace_back(std::string(k.str()), *text);
          c.set_lines.push_back(TomlLine(v));
        } else {
          Error(v, "override of '" + std::string(k.str()) + "' must be a number, string, boolean or date");
        }
      }
    }
    if (const toml::node* n = t.get("dossier"); n && n->is_table()) {
      c.dossier_line = TomlLine(*n);
      std::string err;
      int err_line = 0;
      if (!TomlToJson(*n, c.dossier, err, err_line)) Error(err_line, err);
    } else {
      Error(n ? TomlLine(*n) : c.out.line, "a test needs its dossier as a [tests.dossier] table");
    }
    if (const toml::node* n = t.get("expect"); n && n->is_table() && !n->as_table()->empty()) {
      Expect(*n->as_table());
    } else {
      Error(n ? TomlLine(*n) : c.out.line, "a test needs a non-empty [tests.expect] table (tier, points, entitlements, amounts)");
    }
    // toml++ hands keys over sorted by name; the analyst reads the file top to bottom.
    std::stable_sort(errors_.begin(), errors_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [line, msg] : errors_) c.out.errors.push_back(path_ + ":" + std::to_string(line) + ": " + msg);
    errors_.clear();
    return c;
  }

 private:
  void Error(int line, const std::string& msg) { errors_.emplace_back(line, msg); }
  void Error(const toml::node& n, const std::string& msg) { Error(TomlLine(n), msg); }

  std::optional<int> Entitlement(const toml::node& n, std::string_view id) {
    for (size_t e = 0; e < doc_.entitlements.size(); ++e)
      if (doc_.entitlements[e].id == id) return static_cast<int>(e);
    std::string ids;
    for (const auto& e : doc_.entitlements) ids += (ids.empty() ? "" : ", ") + e.id;
    Error(n, "unknown entitlement '" + std::string(id) + "' (the policy has: " + ids + ")");
    return std::nullopt;
  }

  void Expect(const toml::table& t) {
    TestCase& c = *c_;
    for (auto&& [k, v] : t)
      if (k != "tier" && k != "points" && k != "entitlements" && k != "amounts")
        Error(v, "unknown key '" + std::string(k.str()) + "' in [tests.expect] (tier, points, entitlements, amounts)");
    if (const toml::node* n = t.get("tier")) {
      const std::string id = n->is_string() ? n->as_string()->get() : "";
      std::string ids;
      for (size_t k = 0; k < doc_.tiers.size(); ++k) {
        if (doc_.tiers[k].id == id) c.tier = static_cast<int>(k);
        ids += doc_.tiers[k].id + ", ";
      }
      if (id == "none") c.tier = -1;
      if (!c.tier) Error(*n, "unknown tier " + (n->is_string() ? Quoted(id) : std::string("(not a string)")) + " (the policy has: " + ids + "none)");
    }
    if (const toml::node* n = t.get("points")) {
      if (!n->is_table()) Error(*n, "'points' must be a table: points = { ability = 100, total = 100 }");
      else for (auto&& [k, v] : *n->as_table()) {
        int d = 0;
        while (d < 4 && k != kDimensionKeys[d]) ++d;
        if (d == 4) { Error(v, "unknown points key '" + std::string(k.str()) + "' (ability, performance, contribution, total)"); continue; }
        c.points[d] = TomlScaled(v, 6);
        if (!c.points[d]) Error(v, "points." + std::string(k.str()) + " must be a number with at most six decimals");
      }
    }
    if (const toml::node* n = t.get("entitlements")) {
      if (!n->is_array()) { Error(*n, "'entitlements' must be an array of entitlement ids"); }
      else {
        c.entitlements.emplace();
        for (const auto& el : *n->as_array()) {
          if (!el.is_string()) { Error(el, "'entitlements' must hold entitlement ids (strings)"); continue; }
          if (auto e = Entitlement(el, el.as_string()->get())) c.entitlements->push_back(*e);
        }
      }
    }
    if (const toml::node* n = t.get("amounts")) {
      if (!n->is_table()) { Error(*n, "'amounts' must be a table: amounts = { entitlement_id = 4500.00 }"); return; }
      for (auto&& [k, v] : *n->as_table()) {
        auto e = Entitlement(v, k.str());
        if (!e) continue;
        if (!doc_.entitlements[static_cast<size_t>(*e)].monthly) {
          Error(v, "entitlement '" + std::string(k.str()) + "' has no monthly_cny to compare");
          continue;
        }
        auto fen = TomlScaled(v, 2);
        if (!fen) Error(v, "amounts." + std::string(k.str()) + " must be yuan with at most two decimals");
        else c.amounts.emplace_back(*e, *fen);
      }
    }
  }

  const std::string& path_;
  const PolicyDocument& doc_;
  TestCase* c_ = nullptr;
  std::vector<std::pair<int, std::string>> errors_;  // of the test being parsed
};

std::string IdList(const PolicyDocument& doc, const std::vector<int>& ids) {
  std::string s;
  for (int e : ids) s += (s.empty() ? "" : ", ") + doc.entitlements[static_cast<size_t>(e)].id;
  return "[" + s + "]";
}

void Run(const std::string& path, const PolicyBuild& build, TestCase& c) {
  PolicyTestOutcome& out = c.out;
  const PolicyDocument& doc = *build.checked->doc;
  auto where = [&](int line) { return path + ":" + std::to_string(line) + ": "; };
  // Overrides change the compiled policy: each test that has some gets its own compile.
  std::shared_ptr<CompiledPolicy> policy = build.policy;
  if (!c.sets.empty()) {
    policy = Compile(build.checked);
    for (size_t k = 0; k < c.sets.size(); ++k) {
      Status st = OverrideParameter(*policy, c.sets[k].first, c.sets[k].second);
      if (!st.ok()) out.errors.push_back(where(c.set_lines[k]) + "set " + c.sets[k].first + ": " + st.message());
    }
  }
  // The dossier is checked even after a bad override, so that one run shows every mistake.
  Batch batch;
  batch.Reset(policy->layout());
  if (Status st = AppendJsonRecord(c.dossier, c.dossier_line, policy->layout(), policy->pool(), batch); !st.ok()) {
    // The reader says "line N (id x): ..."; the location is already in front.
    std::string msg = st.message();
    const std::string prefix = "line " + std::to_string(c.dossier_line);
    if (msg.compare(0, prefix.size(), prefix) == 0) msg = msg.substr(prefix.size());
    if (msg.compare(0, 1, " ") == 0) msg = msg.substr(1);
    out.errors.push_back(where(c.dossier_line) + "dossier" + (msg.compare(0, 1, "(") == 0 ? " " : "") + msg);
  }
  if (!out.errors.empty()) return;
  Evaluator ev(*policy);
  if (Status st = ev.SetDate(c.date); !st.ok()) {
    out.errors.push_back(where(out.line) + "cannot evaluate on " + FormatDate(c.date) + ": " + st.message());
    return;
  }
  Decisions d;
  ev.Evaluate(batch, &d);
  if (d.error[0] != EvalError::kNone) {
    out.diffs.push_back(std::string("decision: evaluation failed: ") + EvalErrorText(d.error[0]));
    return;
  }
  auto tier_name = [&](int t) { return t < 0 ? std::string("none") : doc.tiers[static_cast<size_t>(t)].id; };
  if (c.tier && *c.tier != d.tier[0])
    out.diffs.push_back("tier: expected " + Quoted(tier_name(*c.tier)) + ", got " + Quoted(tier_name(d.tier[0])));
  for (int k = 0; k < 4; ++k)
    if (c.points[k] && *c.points[k] != d.points[k][0])
      out.diffs.push_back(std::string("points.") + kDimensionKeys[k] + ": expected " + FormatNumber(*c.points[k]) +
                          ", got " + FormatNumber(d.points[k][0]));
  std::vector<int64_t> granted_fen(doc.entitlements.size(), 0);
  std::vector<int> granted_count(doc.entitlements.size(), 0);
  for (const Grant& g : d.grants) {
    if (g.row != 0) continue;
    granted_count[static_cast<size_t>(g.entitlement)]++;
    if (g.has_monthly) granted_fen[static_cast<size_t>(g.entitlement)] += g.monthly;
  }
  if (c.entitlements) {
    // Compared as multisets: a for_each entitlement appears once per element granted.
    std::vector<int> expected(doc.entitlements.size(), 0), missing, unexpected;
    for (int e : *c.entitlements) expected[static_cast<size_t>(e)]++;
    for (size_t e = 0; e < expected.size(); ++e) {
      for (int k = granted_count[e]; k < expected[e]; ++k) missing.push_back(static_cast<int>(e));
      for (int k = expected[e]; k < granted_count[e]; ++k) unexpected.push_back(static_cast<int>(e));
    }
    if (!missing.empty() || !unexpected.empty()) {
      std::string diff = "entitlements:";
      if (!missing.empty()) diff += " missing " + IdList(doc, missing);
      if (!missing.empty() && !unexpected.empty()) diff += ",";
      if (!unexpected.empty()) diff += " unexpected " + IdList(doc, unexpected);
      out.diffs.push_back(diff);
    }
  }
  for (auto [e, fen] : c.amounts) {
    const std::string& id = doc.entitlements[static_cast<size_t>(e)].id;
    if (granted_count[static_cast<size_t>(e)] == 0)
      out.diffs.push_back("amounts." + id + ": expected " + FormatMoney(fen) + ", got none (not granted)");
    else if (granted_fen[static_cast<size_t>(e)] != fen)
      out.diffs.push_back("amounts." + id + ": expected " + FormatMoney(fen) + ", got " + FormatMoney(granted_fen[static_cast<size_t>(e)]));
  }
}

// Checks the top level of a tests file; returns the [[tests]] array or null.
const toml::array* TopLevel(const std::string& path, const toml::table& root, PolicyTestFileResult& r) {
  for (auto&& [k, v] : root)
    if (k != "policy" && k != "tests")
      r.errors.push_back(path + ":" + std::to_string(TomlLine(v)) + ": unknown key '" + std::string(k.str()) + "' in a tests file (policy, tests)");
  const toml::node* t = root.get("tests");
  if (!t || !t->is_array_of_tables() || t->as_array()->empty()) {
    r.errors.push_back(path + ":" + std::to_string(t ? TomlLine(*t) : 1) + ": a tests file needs at least one [[tests]] table");
    return nullptr;
  }
  return t->as_array();
}

void RunParsed(const std::string& path, const toml::table& root, const PolicyBuild& build, PolicyTestFileResult& r) {
  const toml::array* tests = TopLevel(path, root, r);
  if (!tests || !r.errors.empty()) return;
  Parser parser(path, *build.checked->doc);
  std::set<std::string> names;
  for (const auto& el : *tests) {
    TestCase c = parser.Parse(*el.as_table());
    if (!names.insert(c.out.name).second)
      c.out.errors.push_back(path + ":" + std::to_string(c.out.line) + ": another test is already named " + Quoted(c.out.name));
    if (c.out.errors.empty()) Run(path, build, c);
    c.out.passed = c.out.errors.empty() && c.out.diffs.empty();
    r.tests.push_back(std::move(c.out));
  }
}

}  // namespace

std::string TestsPathFor(const std::string& policy_path) {
  std::filesystem::path p(policy_path);
  return (p.parent_path() / (p.stem().string() + ".tests.toml")).string();
}

PolicyTestFileResult RunPolicyTests(const std::string& path, const std::string& text, const PolicyBuild& build) {
  PolicyTestFileResult r;
  r.path = path;
  if (!build.policy || !build.checked) {
    r.errors.push_back(path + ": the policy has errors; no test can run");
    return r;
  }
  try {
    toml::table root = toml::parse(text, path);
    RunParsed(path, root, build, r);
  } catch (const toml::parse_error& e) {
    r.errors.push_back(path + ":" + std::to_string(e.source().begin.line) + ":" + std::to_string(e.source().begin.column) + ": " + std::string(e.description()));
  }
  return r;
}

PolicyTestFileResult RunPolicyTestFile(const std::string& given) {
  PolicyTestFileResult r;
  r.path = given;
  auto text = ReadFileText(given);
  if (!text.ok()) {
    r.errors.push_back(text.status().message());
    return r;
  }
  try {
    toml::table root = toml::parse(*text, given);
    if (const toml::node* p = root.get("policy"); p && p->is_table()) {
      // A policy file: run the tests kept beside it.
      r.path = TestsPathFor(given);
      text = ReadFileText(r.path);
      if (!text.ok()) {
        r.errors.push_back(given + " is a policy file; its tests: " + text.status().message());
        return r;
      }
      root = toml::parse(*text, r.path);
    }
    const toml::node* p = root.get("policy");
    if (!p || !p->is_string() || p->as_string()->get().empty()) {
      r.errors.push_back(r.path + ":" + std::to_string(p ? TomlLine(*p) : 1) + ": a tests file needs policy = \"FILE.toml\" (relative to the tests file)");
      return r;
    }
    r.policy_path = (std::filesystem::path(r.path).parent_path() / p->as_string()->get()).string();
    const std::string at = r.path + ":" + std::to_string(TomlLine(*p)) + ": ";
    auto built = BuildPolicyFile(r.policy_path);
    if (!built.ok()) {
      r.errors.push_back(at + "policy: " + built.status().message());
      return r;
    }
    if (!built->policy) {
      for (const auto& d : built->diags.items())
        if (d.severity == Severity::kError) {
          std::string text_of = Diagnostics::RenderOne(built->diags.file(), d);
          if (!text_of.empty() && text_of.back() == '\n') text_of.pop_back();
          r.errors.push_back(std::move(text_of));
        }
      r.errors.push_back(at + "policy " + r.policy_path + " has " + std::to_string(built->diags.error_count()) + " error(s)");
      return r;
    }
    RunParsed(r.path, root, *built, r);
  } catch (const toml::parse_error& e) {
    r.errors.push_back(r.path + ":" + std::to_string(e.source().begin.line) + ":" + std::to_string(e.source().begin.column) + ": " + std::string(e.description()));
  }
  return r;
}

}  // namespace jincai::policy
