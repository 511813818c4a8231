// TOML -> PolicyDocument. Only the file's shape is checked here (keys, TOML types,
// dates, literal values); names and expression types are the checker's business.
#include "policy/model/policy_loader.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "policy/model/toml_text.h"

namespace jincai::policy {

const char* DimensionName(Dimension d) {
  switch (d) {
    case Dimension::kAbility: return "ability";
    case Dimension::kPerformance: return "performance";
    case Dimension::kContribution: return "contribution";
  }
  return "?";
}

const InputSpec* PolicyDocument::FindInput(const std::string& name) const {
  for (const auto& in : inputs) if (in.name() == name) return &in;
  return nullptr;
}

const ParameterSpec* PolicyDocument::FindParameter(const std::string& name) const {
  for (const auto& p : parameters) if (p.name == name) return &p;
  return nullptr;
}

Result<std::string> ReadFileText(const std::string& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io("cannot open '" + path + "'");
  std::string text;
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    text.append(buf, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes)
      return Status::InvalidArgument("'" + path + "' is larger than " + std::to_string(max_bytes) + " bytes");
  }
  if (in.bad()) return Status::Io("cannot read '" + path + "'");
  return text;
}

namespace {

Location Loc(const toml::node& n) {
  const auto& b = n.source().begin;
  return {static_cast<int>(b.line), static_cast<int>(b.column)};
}

Location KeyLoc(const toml::key& k) {
  const auto& b = k.source().begin;
  return {static_cast<int>(b.line), static_cast<int>(b.column)};
}

const char* TomlTypeName(const toml::node& n) {
  if (n.is_string()) return "a string";
  if (n.is_integer()) return "an integer";
  if (n.is_floating_point()) return "a number";
  if (n.is_boolean()) return "a boolean";
  if (n.is_date()) return "a date";
  if (n.is_array()) return "an array";
  if (n.is_table()) return "a table";
  return "a date-time";
}

class Loader {
 public:
  Loader(PolicyDocument& doc, Diagnostics& diags) : doc_(doc), d_(diags) {}

  void Run(const toml::table& root) {
    Keys(root, "the policy file", {"policy", "inputs", "parameters", "formulas", "criteria", "tiers",
                                   "entitlements", "coverage"}, Location{1, 1});
    if (auto* meta = Table(root, "policy", "the policy file", true, {1, 1})) Meta(*meta);
    if (auto* t = Table(root, "inputs", "the policy file", false, {1, 1}))
      for (auto&& [k, v] : *t) Input(std::string(k.str()), KeyLoc(k), v);
    if (auto* t = Table(root, "parameters", "the policy file", false, {1, 1}))
      for (auto&& [k, v] : *t) Parameter(std::string(k.str()), KeyLoc(k), v);
    if (auto* t = Table(root, "formulas", "the policy file", false, {1, 1}))
      for (auto&& [k, v] : *t) Formula(std::string(k.str()), KeyLoc(k), v);
    ForEachTable(root, "criteria", [&](const toml::table& t) { Criterion(t); });
    ForEachTable(root, "tiers", [&](const toml::table& t) { Tier(t); });
    ForEachTable(root, "entitlements", [&](const toml::table& t) { Entitlement(t); });
    if (auto* t = Table(root, "coverage", "the policy file", false, {1, 1})) Coverage(*t);
    if (doc_.tiers.empty() && !d_.has_errors())
      d_.Error({1, 1}, "missing-key", "the policy declares no [[tiers]]");
  }

 private:
  // ---- generic accessors -------------------------------------------------
  void Keys(const toml::table& t, const std::string& what, std::initializer_list<const char*> allowed, Location) {
    for (auto&& [k, v] : t) {
      const std::string_view key = k.str();  // clang 14 cannot capture a structured binding
      bool ok = std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; });
      if (!ok) {
        std::string list;
        for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        d_.Error(KeyLoc(k), "unknown-key", "unknown key '" + std::string(k.str()) + "' in " + what + " (expected one of: " + list + ")");
      }
    }
  }

  const toml::table* Table(const toml::table& t, const char* key, const std::string& what, bool required, Location where) {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) d_.Error(where, "missing-key", "missing [" + std::string(key) + "] in " + what);
      return nullptr;
    }
    if (!n->is_table()) {
      d_.Error(Loc(*n), "wrong-type", "'" + std::string(key) + "' in " + what + " must be a table, not " + TomlTypeName(*n));
      return nullptr;
    }
    return n->as_table();
  }

  template <typename F>
  void ForEachTable(const toml::table& root, const char* key, F f) {
    const toml::node* n = root.get(key);
    if (!n) return;
    if (!n->is_array_of_tables()) {
      d_.Error(Loc(*n), "wrong-type", std::string("'") + key + "' must be an array of tables: write [[" + key + "]]");
      return;
    }
    for (const auto& el : *n->as_array()) f(*el.as_table());
  }

  std::optional<std::string> Str(const toml::table& t, const char* key, const std::string& what, bool required, Location where) {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) d_.Error(where, "missing-key", "missing '" + std::string(key) + "' in " + what);
      return std::nullopt;
    }
    if (!n->is_string()) {
      d_.Error(Loc(*n), "wrong-type", "'" + std::string(key) + "' in " + what + " must be a string, not " + TomlTypeName(*n));
      return std::nullopt;
    }
    return n->as_string()->get();
  }

  std::optional<ExprText> Expr(const toml::table& t, const char* key, const std::string& what, bool required, Location where) {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) d_.Error(where, "missing-key", "missing '" + std::string(key) + "' in " + what);
      return std::nullopt;
    }
    return ExprOf(*n, key, what);
  }

  std::optional<ExprText> ExprOf(const toml::node& n, const std::string& key, const std::string& what) {
    if (!n.is_string()) {
      d_.Error(Loc(n), "wrong-type", "'" + key + "' in " + what + " must be an expression in a string, not " + TomlTypeName(n));
      return std::nullopt;
    }
    return MapTomlString(*doc_.file, Loc(n), n.as_string()->get());
  }

  std::optional<int32_t> DateOf(const toml::node& n, const std::string& what) {
    if (auto* dv = n.as_date()) {
      const auto& dt = dv->get();
      if (!IsValidCivil(dt.year, dt.month, dt.day)) {
        d_.Error(Loc(n), "bad-date", what + " is not a calendar date");
        return std::nullopt;
      }
      return DaysFromCivil(dt.year, dt.month, dt.day);
    }
    if (auto* sv = n.as_string()) {
      if (auto day = ParseDate(sv->get())) return day;
      d_.Error(Loc(n), "bad-date", what + " '" + sv->get() + "' is not a date (YYYY-MM-DD)");
      return std::nullopt;
    }
    d_.Error(Loc(n), "wrong-type", what + " must be a date (YYYY-MM-DD), not " + TomlTypeName(n));
    return std::nullopt;
  }

  Cite CiteOf(const toml::table& t, const std::string& what) {
    Cite c;
    const toml::node* n = t.get("cite");
    if (!n) return c;
    if (!n->is_string()) {
      d_.Error(Loc(*n), "wrong-type", "'cite' in " + what + " must be a string");
      return c;
    }
    c.text = n->as_string()->get();
    c.loc = Loc(*n);
    std::string_view s = c.text;
    auto skip_space = [&] { while (!s.empty() && (s.front() == ' ')) s.remove_prefix(1); };
    skip_space();
    static const std::string_view kPilcrow = "\xC2\xB6";  // ¶
    if (s.substr(0, kPilcrow.size()) == kPilcrow) {
      s.remove_prefix(kPilcrow.size());
      int para = 0;
      size_t digits = 0;
      while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9' && digits < 6) para = para * 10 + (s[digits++] - '0');
      if (digits == 0) {
        d_.Error(c.loc, "bad-cite", "'¶' in a citation must be followed by a paragraph number, as in ¶7");
        return c;
      }
      c.para = para;
      s.remove_prefix(digits);
      skip_space();
    }
    if (!s.empty()) {
      if (s.front() == '"' && s.size() >= 2 && s.back() == '"') {
        c.quote = std::string(s.substr(1, s.size() - 2));
        if (c.quote.find_first_not_of(" \t") == std::string::npos)
          d_.Error(c.loc, "bad-cite", "the quoted passage of a citation is empty; quote the words the rule implements, or cite the paragraph alone");
      } else if (!c.para) {
        c.quote = std::string(s);  // a bare quote
      } else {
        d_.Error(c.loc, "bad-cite", "after the paragraph number a citation may only hold a \"quoted passage\"");
      }
    }
    return c;
  }

  std::optional<int64_t> ScalarValue(const toml::node& n, Kind kind, const std::string& what, std::string* str_out) {
    switch (kind) {
      case Kind::kNumber: case Kind::kMoney: {
        int digits = kind == Kind::kMoney ? 2 : 6;
        std::optional<int64_t> v;
        if (auto* i = n.as_integer()) {
          __int128 x = static_cast<__int128>(i->get()) * (kind == Kind::kMoney ? 100 : kNumberScale);
          if (x <= INT64_MAX && x >= INT64_MIN) v = static_cast<int64_t>(x);
        } else if (auto* f = n.as_floating_point()) {
          v = ScaledFromDouble(f->get(), digits);
        } else {
          d_.Error(Loc(n), "wrong-type", what + " must be a " + KindName(kind) + ", not " + TomlTypeName(n));
          return std::nullopt;
        }
        if (!v) d_.Error(Loc(n), "bad-value", what + (kind == Kind::kMoney ? " must be yuan with at most two decimals" : " must have at most six decimals") + " and fit the range");
        return v;
      }
      case Kind::kBool:
        if (auto* b = n.as_boolean()) return b->get() ? 1 : 0;
        d_.Error(Loc(n), "wrong-type", what + " must be true or false, not " + TomlTypeName(n));
        return std::nullopt;
      case Kind::kDate:
        return DateOf(n, what);
      case Kind::kString:
        if (auto* s = n.as_string()) { *str_out = s->get(); return 0; }
        d_.Error(Loc(n), "wrong-type", what + " must be a string, not " + TomlTypeName(n));
        return std::nullopt;
      default:
        d_.Error(Loc(n), "wrong-type", what + " cannot be given here");
        return std::nullopt;
    }
  }

  // ---- sections ------------------------------------------------------------
  void Meta(const toml::table& t) {
    const std::string what = "[policy]";
    Keys(t, what, {"id", "version", "title", "effective", "supersedes", "source", "engagement_input"}, {});
    Location where = Loc(t);
    if (auto v = Str(t, "id", what, true, where)) doc_.id = *v;
    if (auto v = Str(t, "version", what, true, where)) doc_.version = *v;
    if (auto v = Str(t, "title", what, true, where)) doc_.title = *v;
    if (auto v = Str(t, "supersedes", what, false, where)) doc_.supersedes = *v;
    if (auto v = Str(t, "source", what, false, where)) doc_.source = *v;
    if (auto v = Str(t, "engagement_input", what, false, where)) {
      doc_.engagement_input = *v;
      doc_.engagement_loc = Loc(*t.get("engagement_input"));
    }
    if (const toml::node* n = t.get("effective")) {
      if (auto day = DateOf(*n, "'effective'")) doc_.effective = *day;
    } else {
      d_.Error(where, "missing-key", "missing 'effective' in [policy]");
    }
  }

  bool FieldSpecOf(const toml::table& t, FieldSpec& f, const std::string& what, bool allow_compound) {
    Location where = Loc(t);
    auto type = Str(t, "type", what, true, where);
    if (!type) return false;
    auto kind = ParseKind(*type);
    if (!kind) {
      d_.Error(Loc(*t.get("type")), "bad-type", "unknown type '" + *type + "' in " + what +
               " (number, money, bool, string, date, list<string>, record, list<record>)");
      return false;
    }
    if (!allow_compound && !IsScalar(*kind)) {
      d_.Error(Loc(*t.get("type")), "bad-type", what + ": fields of a record must be scalars, not " + *type);
      return false;
    }
    f.kind = *kind;
    f.loc = where;
    if (const toml::node* n = t.get("values")) {
      if (*kind != Kind::kString && *kind != Kind::kListString) {
        d_.Error(Loc(*n), "bad-key", "'values' in " + what + " is only for string and list<string>");
      } else if (!n->is_array()) {
        d_.Error(Loc(*n), "wrong-type", "'values' in " + what + " must be an array of strings");
      } else {
        std::set<std::string> seen;
        for (const auto& el : *n->as_array()) {
          if (!el.is_string()) { d_.Error(Loc(el), "wrong-type", "'values' in " + what + " must hold strings only"); continue; }
          const std::string& s = el.as_string()->get();
          if (!seen.insert(s).second) d_.Error(Loc(el), "duplicate", "value '" + s + "' is listed twice in " + what);
          f.values.push_back(s);
        }
      }
    }
    for (const char* bound : {"min", "max"}) {
      if (const toml::node* n = t.get(bound)) {
        if (*kind != Kind::kNumber && *kind != Kind::kMoney) {
          d_.Error(Loc(*n), "bad-key", "'" + std::string(bound) + "' in " + what + " is only for number and money");
          continue;
        }
        std::string ignored;
        auto v = ScalarValue(*n, *kind, "'" + std::string(bound) + "' in " + what, &ignored);
        if (v) (std::string(bound) == "min" ? f.min : f.max) = v;
      }
    }
    if (f.min && f.max && *f.min > *f.max) d_.Error(where, "bad-value", what + ": min is greater than max");
    if (const toml::node* n = t.get("default")) {
      if (IsScalar(*kind)) {
        std::string s;
        if (auto v = ScalarValue(*n, *kind, "'default' in " + what, &s)) {
          if (*kind == Kind::kString) {
            if (!f.values.empty() && std::find(f.values.begin(), f.values.end(), s) == f.values.end())
              d_.Error(Loc(*n), "bad-value", "default '" + s + "' of " + what + " is not one of its values");
            f.default_string = s;
          }
          f.default_value = *v;
          if ((f.min && *v < *f.min) || (f.max && *v > *f.max))
            d_.Error(Loc(*n), "bad-value", "the default of " + what + " is outside its min/max");
        }
      }
    }
    return true;
  }

  void Input(const std::string& name, Location where, const toml::node& n) {
    const std::string what = "input '" + name + "'";
    if (!n.is_table()) { d_.Error(where, "wrong-type", what + " must be a table"); return; }
    const toml::table& t = *n.as_table();
    Keys(t, what, {"type", "restricted", "values", "min", "max", "default", "fields", "doc", "cite"}, where);
    if (name == "id") { d_.Error(where, "reserved", "'id' is every dossier's identifier and cannot be declared as an input"); return; }
    InputSpec in;
    in.scalar.name = name;
    if (!FieldSpecOf(t, in.scalar, what, true)) return;
    in.scalar.loc = where;
    if (const toml::node* r = t.get("restricted")) {
      if (auto* b = r->as_boolean()) in.restricted = b->get();
      else d_.Error(Loc(*r), "wrong-type", "'restricted' in " + what + " must be true or false");
    }
    if (auto v = Str(t, "doc", what, false, where)) in.doc = *v;
    in.cite = CiteOf(t, what);
    if (const toml::node* dflt = t.get("default")) {
      if (IsScalar(in.kind())) {
        in.has_default = in.scalar.default_value.has_value();
      } else if (in.kind() == Kind::kRecord) {
        d_.Error(Loc(*dflt), "bad-key", what + ": give defaults on the record's fields instead");
      } else if (dflt->is_array() && dflt->as_array()->empty()) {
        in.has_default = true;
      } else {
        d_.Error(Loc(*dflt), "bad-value", "the default of list " + what + " can only be []");
      }
    }
    bool compound = in.kind() == Kind::kRecord || in.kind() == Kind::kListRecord;
    const toml::node* fields = t.get("fields");
    if (compound) {
      if (!fields || !fields->is_array_of_tables()) {
        d_.Error(where, "missing-key", what + " needs 'fields = [ { name = \"...\", type = \"...\" }, ... ]'");
      } else {
        std::set<std::string> seen;
        for (const auto& el : *fields->as_array()) {
          const toml::table& ft = *el.as_table();
          FieldSpec f;
          auto fname = Str(ft, "name", "a field of " + what, true, Loc(ft));
          if (!fname) continue;
          std::string fwhat = "field '" + *fname + "' of " + what;
          Keys(ft, fwhat, {"name", "type", "values", "min", "max", "default", "doc"}, Loc(ft));
          if (!seen.insert(*fname).second) { d_.Error(Loc(ft), "duplicate", fwhat + " is declared twice"); continue; }
          if (!FieldSpecOf(ft, f, fwhat, false)) continue;
          f.name = *fname;
          in.fields.push_back(std::move(f));
        }
      }
    } else if (fields) {
      d_.Error(Loc(*fields), "bad-key", "'fields' in " + what + " is only for record and list<record>");
    }
    if (doc_.FindInput(name)) { d_.Error(where, "duplicate", what + " is declared twice"); return; }
    doc_.inputs.push_back(std::move(in));
  }

  void Parameter(const std::string& name, Location where, const toml::node& n) {
    const std::string what = "parameter '" + name + "'";
    if (!n.is_table()) { d_.Error(where, "wrong-type", what + " must be a table"); return; }
    const toml::table& t = *n.as_table();
    Keys(t, what, {"type", "value", "values", "assumption", "cite", "doc"}, where);
    ParameterSpec p;
    p.name = name;
    p.loc = where;
    auto type = Str(t, "type", what, true, where);
    if (!type) return;
    auto kind = ParseKind(*type);
    if (!kind || !IsScalar(*kind)) {
      d_.Error(Loc(*t.get("type")), "bad-type", what + ": type must be number, money, bool, string or date");
      return;
    }
    p.kind = *kind;
    if (auto v = Str(t, "assumption", what, false, where)) p.assumption = *v;
    p.cite = CiteOf(t, what);
    const toml::node* single = t.get("value");
    const toml::node* dated = t.get("values");
    if (single && dated) d_.Error(where, "bad-key", what + " has both 'value' and 'values'; keep one");
    if (single) {
      ParamValue pv;
      pv.from = INT32_MIN;  // a single value applies from the policy's start
      if (auto v = ScalarValue(*single, p.kind, "the value of " + what, &pv.string_value)) { pv.value = *v; p.values.push_back(pv); }
    } else if (dated) {
      if (!dated->is_array()) { d_.Error(Loc(*dated), "wrong-type", "'values' of " + what + " must be [ { from = DATE, value = V }, ... ]"); return; }
      for (const auto& el : *dated->as_array()) {
        if (!el.is_table()) { d_.Error(Loc(el), "wrong-type", "each of 'values' of " + what + " must be { from = DATE, value = V }"); continue; }
        const toml::table& vt = *el.as_table();
        Keys(vt, "a dated value of " + what, {"from", "value"}, Loc(vt));
        const toml::node* from = vt.get("from");
        const toml::node* val = vt.get("value");
        if (!from || !val) { d_.Error(Loc(vt), "missing-key", "each dated value of " + what + " needs 'from' and 'value'"); continue; }
        ParamValue pv;
        auto day = DateOf(*from, "'from' of " + what);
        auto v = ScalarValue(*val, p.kind, "a value of " + what, &pv.string_value);
        if (!day || !v) continue;
        pv.from = *day;
        pv.value = *v;
        for (const auto& other : p.values)
          if (other.from == pv.from) d_.Error(Loc(*from), "duplicate", what + " has two values from " + FormatDate(pv.from));
        p.values.push_back(pv);
      }
      std::sort(p.values.begin(), p.values.end(), [](const ParamValue& a, const ParamValue& b) { return a.from < b.from; });
    } else {
      d_.Error(where, "missing-key", what + " needs 'value' or 'values'");
      return;
    }
    if (doc_.FindParameter(name)) { d_.Error(where, "duplicate", what + " is declared twice"); return; }
    doc_.parameters.push_back(std::move(p));
  }

  void Formula(const std::string& name, Location where, const toml::node& n) {
    const std::string what = "formula '" + name + "'";
    FormulaSpec f;
    f.name = name;
    f.loc = where;
    if (n.is_string()) {  // shorthand: name = 'expr'
      if (auto e = ExprOf(n, "formula", what)) f.expr = *e;
      else return;
    } else if (n.is_table()) {
      const toml::table& t = *n.as_table();
      Keys(t, what, {"expr", "cite", "doc"}, where);
      auto e = Expr(t, "expr", what, true, where);
      if (!e) return;
      f.expr = *e;
      f.cite = CiteOf(t, what);
    } else {
      d_.Error(where, "wrong-type", what + " must be an expression string or a table with 'expr'");
      return;
    }
    doc_.formulas.push_back(std::move(f));
  }

  void Criterion(const toml::table& t) {
    CriterionSpec c;
    c.loc = Loc(t);
    auto id = Str(t, "id", "a criterion", true, c.loc);
    std::string what = "criterion '" + id.value_or("?") + "'";
    Keys(t, what, {"id", "dimension", "when", "points", "cite", "doc"}, c.loc);
    if (!id) return;
    c.id = *id;
    if (auto dim = Str(t, "dimension", what, true, c.loc)) {
      if (*dim == "ability") c.dimension = Dimension::kAbility;
      else if (*dim == "performance") c.dimension = Dimension::kPerformance;
      else if (*dim == "contribution") c.dimension = Dimension::kContribution;
      else d_.Error(Loc(*t.get("dimension")), "bad-value", what + ": dimension must be ability, performance or contribution, not '" + *dim + "'");
    }
    c.when = Expr(t, "when", what, false, c.loc);
    auto pts = Expr(t, "points", what, true, c.loc);
    if (!pts) return;
    c.points = *pts;
    c.cite = CiteOf(t, what);
    for (const auto& o : doc_.criteria) if (o.id == c.id) d_.Error(c.loc, "duplicate", what + " is declared twice");
    doc_.criteria.push_back(std::move(c));
  }

  std::vector<std::string> StringList(const toml::table& t, const char* key, const std::string& what) {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    if (!n->is_array()) { d_.Error(Loc(*n), "wrong-type", "'" + std::string(key) + "' in " + what + " must be an array of strings"); return out; }
    for (const auto& el : *n->as_array()) {
      if (!el.is_string()) { d_.Error(Loc(el), "wrong-type", "'" + std::string(key) + "' in " + what + " must hold strings only"); continue; }
      out.push_back(el.as_string()->get());
    }
    return out;
  }

  void Tier(const toml::table& t) {
    TierSpec tier;
    tier.loc = Loc(t);
    auto id = Str(t, "id", "a tier", true, tier.loc);
    std::string what = "tier '" + id.value_or("?") + "'";
    Keys(t, what, {"id", "name", "when", "engagement", "auto_approve", "cite", "doc"}, tier.loc);
    if (!id) return;
    tier.id = *id;
    if (tier.id == "none" || tier.id.empty())
      d_.Error(tier.loc, "reserved", "'" + tier.id + "' cannot be a tier id: decisions and reports use \"none\" for no tier");
    tier.name = Str(t, "name", what, false, tier.loc).value_or(*id);
    tier.when = Expr(t, "when", what, true, tier.loc);
    tier.engagement = StringList(t, "engagement", what);
    if (const toml::node* a = t.get("auto_approve")) {
      if (auto* b = a->as_boolean()) tier.auto_approve = b->get();
      else d_.Error(Loc(*a), "wrong-type", "'auto_approve' in " + what + " must be true or false");
    }
    tier.cite = CiteOf(t, what);
    for (const auto& o : doc_.tiers) if (o.id == tier.id) d_.Error(tier.loc, "duplicate", what + " is declared twice");
    doc_.tiers.push_back(std::move(tier));
  }

  void Entitlement(const toml::table& t) {
    EntitlementSpec e;
    e.loc = Loc(t);
    auto id = Str(t, "id", "an entitlement", true, e.loc);
    std::string what = "entitlement '" + id.value_or("?") + "'";
    Keys(t, what, {"id", "tiers", "payer", "when", "for_each", "as", "monthly_cny", "amounts", "details", "cite", "doc"}, e.loc);
    if (!id) return;
    e.id = *id;
    e.tiers = StringList(t, "tiers", what);
    if (!t.get("tiers")) d_.Error(e.loc, "missing-key", "missing 'tiers' in " + what);
    if (auto payer = Str(t, "payer", what, true, e.loc)) {
      if (*payer != "employer" && *payer != "government")
        d_.Error(Loc(*t.get("payer")), "bad-value", what + ": payer must be 'employer' or 'government', not '" + *payer + "'");
      e.payer = *payer;
    }
    e.when = Expr(t, "when", what, false, e.loc);
    if (auto fe = Str(t, "for_each", what, false, e.loc)) {
      e.for_each = *fe;
      e.for_each_loc = Loc(*t.get("for_each"));
      auto as = Str(t, "as", what, true, e.loc);
      e.as = as.value_or("item");
    } else if (t.get("as")) {
      d_.Error(Loc(*t.get("as")), "bad-key", what + ": 'as' only goes with 'for_each'");
    }
    e.monthly = Expr(t, "monthly_cny", what, false, e.loc);
    if (const toml::node* a = t.get("amounts")) {
      if (!a->is_table()) {
        d_.Error(Loc(*a), "wrong-type", "'amounts' in " + what + " must be a table of money expressions");
      } else {
        for (auto&& [k, v] : *a->as_table())
          if (auto ex = ExprOf(v, std::string(k.str()), what)) e.amounts.emplace_back(std::string(k.str()), *ex);
      }
    }
    if (const toml::node* a = t.get("details")) {
      if (!a->is_table()) {
        d_.Error(Loc(*a), "wrong-type", "'details' in " + what + " must be a table of expressions");
      } else {
        for (auto&& [k, v] : *a->as_table())
          if (auto ex = ExprOf(v, std::string(k.str()), what)) e.details.emplace_back(std::string(k.str()), *ex);
      }
    }
    e.cite = CiteOf(t, what);
    for (const auto& o : doc_.entitlements) if (o.id == e.id) d_.Error(e.loc, "duplicate", what + " is declared twice");
    doc_.entitlements.push_back(std::move(e));
  }

  void Coverage(const toml::table& t) {
    Keys(t, "[coverage]", {"not_provisions"}, Loc(t));
    const toml::node* n = t.get("not_provisions");
    if (!n) return;
    if (!n->is_array()) { d_.Error(Loc(*n), "wrong-type", "'not_provisions' must be [ { para = N, why = \"...\" }, ... ]"); return; }
    for (const auto& el : *n->as_array()) {
      const toml::table* et = el.as_table();
      const toml::node* para = et ? et->get("para") : nullptr;
      const toml::node* why = et ? et->get("why") : nullptr;
      if (!para || !para->is_integer() || !why || !why->is_string()) {
        d_.Error(Loc(el), "wrong-type", "each of 'not_provisions' must be { para = N, why = \"...\" }");
        continue;
      }
      doc_.not_provisions.push_back({static_cast<int>(para->as_integer()->get()), why->as_string()->get()});
    }
  }

  PolicyDocument& doc_;
  Diagnostics& d_;
};

}  // namespace

PolicyDocument LoadPolicyText(const std::string& path, std::string text, Diagnostics& diags) {
  PolicyDocument doc;
  doc.file = std::make_shared<SourceFile>(path, std::move(text));
  diags.set_file(doc.file);
  try {
    toml::table root = toml::parse(doc.file->text(), path);
    Loader(doc, diags).Run(root);
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    diags.Error({static_cast<int>(b.line), static_cast<int>(b.column)}, "toml", std::string(e.description()));
  }
  return doc;
}

Result<PolicyDocument> LoadPolicyFile(const std::string& path, Diagnostics& diags) {
  auto text = ReadFileText(path);
  if (!text.ok()) return text.status();
  return LoadPolicyText(path, std::move(text).value(), diags);
}

}  // namespace jincai::policy
