// Tier analysis by intervals. Each condition is turned into a disjunction of terms;
// a term bounds numeric variables (inputs, point totals, numeric formulas) by
// intervals, restricts string variables to sets, and keeps any other condition as an
// opaque literal. From that: tiers and rules no dossier can reach, tiers that can
// hold for the same dossier (overlap), and point ranges between tiers that no tier
// covers (gaps). Parameters are taken at each date one of their values starts.
#include <algorithm>
#include <climits>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "policy/check/checker.h"
#include "policy/check/lint.h"

namespace jincai::policy {
namespace {

struct Range {
  int64_t lo = INT64_MIN, hi = INT64_MAX;  // inclusive
  bool empty() const { return lo > hi; }
};

struct StrSet {  // include: value in set; else value not in set
  bool include = false;
  std::set<int64_t> set;
};

struct Term {
  std::map<std::string, Range> num;
  std::map<std::string, StrSet> str;
  std::map<std::string, bool> opaque;  // atom -> polarity
  bool empty = false;
};

constexpr size_t kMaxTerms = 512;

class Analysis {
 public:
  Analysis(const CheckedPolicy& p, int32_t date) : p_(p), date_(date) {}

  // nullopt when the condition is too complex.
  std::optional<std::vector<Term>> Dnf(const CExpr* e, bool negate = false) {
    if (!e) return std::vector<Term>{Term{}};
    switch (e->k) {
      case CKind::kNot: return Dnf(e->kids[0].get(), !negate);
      case CKind::kAnd: case CKind::kOr: {
        bool conj = (e->k == CKind::kAnd) != negate;
        auto a = Dnf(e->kids[0].get(), negate);
        auto b = Dnf(e->kids[1].get(), negate);
        if (!a || !b) return std::nullopt;
        if (!conj) {
          a->insert(a->end(), b->begin(), b->end());
          if (a->size() > kMaxTerms) return std::nullopt;
          return a;
        }
        std::vector<Term> out;
        for (const auto& x : *a)
          for (const auto& y : *b) {
            Term t = Meet(x, y);
            if (!t.empty) out.push_back(std::move(t));
            if (out.size() > kMaxTerms) return std::nullopt;
          }
        return out;
      }
      case CKind::kFormula: {
        if (e->type == Kind::kBool && depth_ < 32) {
          ++depth_;
          auto r = Dnf(p_.formulas[static_cast<size_t>(e->slot)].get(), negate);
          --depth_;
          return r;
        }
        break;
      }
      case CKind::kConst: {
        bool v = (e->imm != 0) != negate;
        return v ? std::vector<Term>{Term{}} : std::vector<Term>{};
      }
      case CKind::kCompare: {
        if (auto t = CompareTerm(*e, negate)) return t;
        break;
      }
      case CKind::kInSet: {
        const CExpr& x = *e->kids[0];
        if (x.type == Kind::kString && IsVar(x)) {
          Term t;
          StrSet s;
          s.include = !negate;
          s.set.insert(e->set.begin(), e->set.end());
          t.str[Key(x)] = s;
          return std::vector<Term>{Meet(Domain(x), t)};
        }
        break;
      }
      default:
        break;
    }
    Term t;
    t.opaque[e->text] = !negate;
    return std::vector<Term>{t};
  }

  Term Meet(const Term& a, const Term& b) const {
    Term t = a;
    if (a.empty || b.empty) { t.empty = true; return t; }
    for (const auto& [k, r] : b.num) {
      auto [it, fresh] = t.num.emplace(k, r);
      if (!fresh) { it->second.lo = std::max(it->second.lo, r.lo); it->second.hi = std::min(it->second.hi, r.hi); }
      if (it->second.empty()) t.empty = true;
    }
    for (const auto& [k, s] : b.str) {
      auto [it, fresh] = t.str.emplace(k, s);
      if (fresh) continue;
      StrSet& m = it->second;
      if (m.include && s.include) {
        std::set<int64_t> both;
        for (int64_t v : m.set) if (s.set.count(v)) both.insert(v);
        m.set = both;
      } else if (m.include) {
        for (int64_t v : s.set) m.set.erase(v);
      } else if (s.include) {
        std::set<int64_t> keep;
        for (int64_t v : s.set) if (!m.set.count(v)) keep.insert(v);
        m = StrSet{true, keep};
      } else {
        m.set.insert(s.set.begin(), s.set.end());
      }
      if (m.include && m.set.empty()) t.empty = true;
    }
    for (const auto& [k, pol] : b.opaque) {
      auto [it, fresh] = t.opaque.emplace(k, pol);
      if (!fresh && it->second != pol) t.empty = true;
    }
    return t;
  }

  std::string Describe(const Term& t) const {
    std::string out;
    for (const auto& [k, r] : t.num) {
      if (r.lo == INT64_MIN && r.hi == INT64_MAX) continue;
      Kind kind = kinds_.count(k) ? kinds_.at(k) : Kind::kNumber;
      std::string s = r.lo == INT64_MIN ? k + " <= " + Fmt(r.hi, kind)
                      : r.hi == INT64_MAX ? k + " >= " + Fmt(r.lo, kind)
                      : r.lo == r.hi ? k + " = " + Fmt(r.lo, kind)
                      : Fmt(r.lo, kind) + " <= " + k + " <= " + Fmt(r.hi, kind);
      out += (out.empty() ? "" : " and ") + s;
    }
    for (const auto& [k, s] : t.str) {
      std::string vals;
      for (int64_t v : s.set) vals += (vals.empty() ? "" : ", ") + p_.pool->Get(v);
      out += (out.empty() ? "" : " and ") + k + (s.include ? " in [" : " not in [") + vals + "]";
    }
    for (const auto& [k, pol] : t.opaque) out += (out.empty() ? "" : " and ") + (pol ? k : "not (" + k + ")");
    return out.empty() ? "every dossier" : out;
  }

  static std::string Fmt(int64_t v, Kind k) {
    if (k == Kind::kMoney) return FormatMoney(v) + " CNY";
    if (k == Kind::kDate) return FormatDate(static_cast<int32_t>(v));
    return FormatNumber(v);
  }

  // Constant value of an expression at the analysis date (consts, params, arithmetic).
  std::optional<int64_t> ConstValue(const CExpr& e) const {
    switch (e.k) {
      case CKind::kConst: return e.imm;
      case CKind::kParam: {
        const ParameterSpec& pa = p_.doc->parameters[static_cast<size_t>(e.slot)];
        const ParamValue* v = nullptr;
        for (const auto& pv : pa.values) if (pv.from <= date_) v = &pv;
        if (!v || pa.kind == Kind::kString) return std::nullopt;
        return v->value;
      }
      case CKind::kNeg: {
        auto a = ConstValue(*e.kids[0]);
        if (!a || *a == INT64_MIN) return std::nullopt;
        return -*a;
      }
      case CKind::kArith: {
        auto a = ConstValue(*e.kids[0]);
        auto b = ConstValue(*e.kids[1]);
        if (!a || !b) return std::nullopt;
        __int128 x = *a, y = *b, r;
        switch (e.op) {
          case AstOp::kAdd: r = x + y; break;
          case AstOp::kSub: r = x - y; break;
          case AstOp::kMul: {
            bool ovf = false;
            r = DivRound(x * y, kNumberScale, &ovf);
            if (ovf) return std::nullopt;
            break;
          }
          default: {
            if (y == 0) return std::nullopt;
            bool ovf = false;
            r = DivRound(x * kNumberScale, y, &ovf);  // as the interpreter rounds
            if (ovf) return std::nullopt;
            break;
          }
        }
        if (r > INT64_MAX || r < INT64_MIN) return std::nullopt;
        return static_cast<int64_t>(r);
      }
      case CKind::kFormula: {
        const CExpr* f = p_.formulas[static_cast<size_t>(e.slot)].get();
        return f ? ConstValue(*f) : std::nullopt;
      }
      default: return std::nullopt;
    }
  }

  std::map<std::string, Kind> kinds_;

 private:
  bool IsVar(const CExpr& e) const {
    return e.k == CKind::kInput || e.k == CKind::kPoints || e.k == CKind::kFormula || e.k == CKind::kTier || !ConstValue(e);
  }
  std::string Key(const CExpr& e) {
    std::string k = e.k == CKind::kPoints ? kPointNames[e.slot] : e.text;
    kinds_[k] = e.type;
    return k;
  }
  // The declared range of an input, as a term.
  Term Domain(const CExpr& e) {
    Term t;
    if (e.k != CKind::kInput) return t;
    const FieldSpec* f = p_.layout.scalars[static_cast<size_t>(e.slot)].spec;
    if (f->kind == Kind::kNumber || f->kind == Kind::kMoney) {
      Range r;
      if (f->min) r.lo = *f->min;
      if (f->max) r.hi = *f->max;
      t.num[Key(e)] = r;
    }
    return t;
  }

  std::optional<std::vector<Term>> CompareTerm(const CExpr& e, bool negate) {
    const CExpr* x = e.kids[0].get();
    const CExpr* y = e.kids[1].get();
    AstOp op = e.op;
    auto cx = ConstValue(*x), cy = ConstValue(*y);
    if (cx && cy) {
      bool v = false;
      switch (op) {
        case AstOp::kEq: v = *cx == *cy; break;
        case AstOp::kNe: v = *cx != *cy; break;
        case AstOp::kLt: v = *cx < *cy; break;
        case AstOp::kLe: v = *cx <= *cy; break;
        case AstOp::kGt: v = *cx > *cy; break;
        default: v = *cx >= *cy; break;
      }
      return v != negate ? std::vector<Term>{Term{}} : std::vector<Term>{};
    }
    if (cx && !cy) {  // c OP v  ->  v OP' c
      std::swap(x, y);
      std::swap(cx, cy);
      switch (op) {
        case AstOp::kLt: op = AstOp::kGt; break;
        case AstOp::kLe: op = AstOp::kGe; break;
        case AstOp::kGt: op = AstOp::kLt; break;
        case AstOp::kGe: op = AstOp::kLe; break;
        default: break;
      }
    }
    if (!cy) return std::nullopt;
    if (negate) {
      switch (op) {
        case AstOp::kEq: op = AstOp::kNe; break;
        case AstOp::kNe: op = AstOp::kEq; break;
        case AstOp::kLt: op = AstOp::kGe; break;
        case AstOp::kLe: op = AstOp::kGt; break;
        case AstOp::kGt: op = AstOp::kLe; break;
        default: op = AstOp::kLt; break;
      }
    }
    int64_t c = *cy;
    std::string k = Key(*x);
    Term dom = Domain(*x);
    if (x->type == Kind::kString || x->type == Kind::kBool) {
      if (op != AstOp::kEq && op != AstOp::kNe) return std::nullopt;
      Term t;
      if (x->type == Kind::kBool) {
        // `f == true` means `f`, `f == false` means `not f`: analyse f itself.
        return Dnf(x, (op == AstOp::kEq) != (c != 0));
      } else {
        t.str[k] = StrSet{op == AstOp::kEq, {c}};
      }
      return std::vector<Term>{t};
    }
    auto term = [&](int64_t lo, int64_t hi) {
      Term t;
      t.num[k] = Range{lo, hi};
      return Meet(dom, t);
    };
    std::vector<Term> out;
    switch (op) {
      case AstOp::kEq: out.push_back(term(c, c)); break;
      case AstOp::kNe:
        if (c > INT64_MIN) out.push_back(term(INT64_MIN, c - 1));
        if (c < INT64_MAX) out.push_back(term(c + 1, INT64_MAX));
        break;
      case AstOp::kLt: if (c > INT64_MIN) out.push_back(term(INT64_MIN, c - 1)); break;
      case AstOp::kLe: out.push_back(term(INT64_MIN, c)); break;
      case AstOp::kGt: if (c < INT64_MAX) out.push_back(term(c + 1, INT64_MAX)); break;
      default: out.push_back(term(c, INT64_MAX)); break;
    }
    std::erase_if(out, [](const Term& t) { return t.empty; });
    return out;
  }

  const CheckedPolicy& p_;
  int32_t date_;
  int depth_ = 0;
};

}  // namespace

void LintTiers(const CheckedPolicy& p, Diagnostics& d) {
  const PolicyDocument& doc = *p.doc;
  std::set<int32_t> dates = {doc.effective};
  for (const auto& pa : doc.parameters)
    for (const auto& v : pa.values) if (v.from != INT32_MIN) dates.insert(v.from);
  std::set<std::string> said;
  auto warn = [&](Location loc, const char* code, const std::string& msg) {
    if (said.insert(msg).second) d.Warning(loc, code, msg);
  };
  bool several = dates.size() > 1;
  for (int32_t date : dates) {
    std::string when = several ? " (with the parameters in force from " + FormatDate(date) + ")" : "";
    Analysis an(p, date);
    std::vector<std::optional<std::vector<Term>>> tiers;
    for (size_t t = 0; t < doc.tiers.size(); ++t) {
      auto dnf = an.Dnf(p.tier_when[t].get());
      if (dnf && p.engagement_slot >= 0) {
        Term eng;
        StrSet s{true, {}};
        s.set.insert(p.tier_engagement[t].begin(), p.tier_engagement[t].end());
        eng.str[doc.engagement_input] = s;
        std::vector<Term> out;
        for (const auto& term : *dnf) {
          Term m = an.Meet(term, eng);
          if (!m.empty) out.push_back(m);
        }
        dnf = out;
      }
      if (dnf && dnf->empty()) warn(doc.tiers[t].loc, "unreachable", "tier '" + doc.tiers[t].id + "' can never be reached: its condition cannot hold" + when);
      tiers.push_back(dnf);
    }
    for (size_t i = 0; i < tiers.size(); ++i) {
      for (size_t j = i + 1; j < tiers.size(); ++j) {
        if (!tiers[i] || !tiers[j]) continue;
        for (const auto& a : *tiers[i]) {
          bool found = false;
          for (const auto& b : *tiers[j]) {
            Term m = an.Meet(a, b);
            if (m.empty) continue;
            warn(doc.tiers[j].loc, "overlap", "tiers '" + doc.tiers[i].id + "' and '" + doc.tiers[j].id + "' overlap where " + an.Describe(m) +
                 ": such dossiers get '" + doc.tiers[i].id + "', the higher" + when);
            found = true;
            break;
          }
          if (found) break;
        }
      }
    }
    // Gaps: pure bands of one variable (terms that bound one variable and nothing else).
    std::map<std::string, std::vector<std::pair<Range, size_t>>> bands;
    for (size_t t = 0; t < tiers.size(); ++t) {
      if (!tiers[t]) continue;
      for (const auto& term : *tiers[t]) {
        bool pure = term.num.size() == 1 && term.opaque.empty();
        for (const auto& [k, s] : term.str) if (!(k == doc.engagement_input)) pure = false;
        if (pure) bands[term.num.begin()->first].push_back({term.num.begin()->second, t});
      }
    }
    // A tier split by another condition (engagement aside) may cover a band in pieces
    // this analysis cannot add up: gaps are claimed only when every tier is pure bands.
    bool all_pure = true;
    for (const auto& t : tiers) {
      if (!t) { all_pure = false; continue; }
      for (const auto& term : *t) {
        bool pure = term.num.size() == 1 && term.opaque.empty();
        for (const auto& [k, s] : term.str) if (k != doc.engagement_input) pure = false;
        all_pure &= pure;
      }
    }
    for (auto& [var, list] : bands) {
      if (list.size() < 2 || !all_pure || bands.size() != 1) continue;
      std::sort(list.begin(), list.end(), [](const auto& x, const auto& y) { return x.first.lo < y.first.lo; });
      int64_t covered_to = list.front().first.hi;
      size_t below = list.front().second;
      for (size_t k = 1; k < list.size(); ++k) {
        const Range& r = list[k].first;
        if (covered_to != INT64_MAX && r.lo > covered_to + 1) {
          Term gap;
          gap.num[var] = Range{covered_to + 1, r.lo - 1};
          warn(doc.tiers[list[k].second].loc, "gap", "no tier covers " + an.Describe(gap) + ", between tier '" + doc.tiers[below].id +
               "' and tier '" + doc.tiers[list[k].second].id + "'" + when);
        }
        if (r.hi > covered_to) { covered_to = r.hi; below = list[k].second; }
      }
    }
    for (size_t c = 0; c < doc.criteria.size(); ++c) {
      auto dnf = an.Dnf(p.criterion_when[c].get());
      if (dnf && dnf->empty()) warn(doc.criteria[c].loc, "unreachable", "criterion '" + doc.criteria[c].id + "' can never apply: its 'when' cannot hold" + when);
    }
    for (size_t e = 0; e < doc.entitlements.size(); ++e) {
      auto dnf = an.Dnf(p.entitlements[e].when.get());
      bool tier_reachable = false;
      for (int t : p.entitlement_tiers[e]) tier_reachable |= !tiers[static_cast<size_t>(t)] || !tiers[static_cast<size_t>(t)]->empty();
      if ((dnf && dnf->empty()) || !tier_reachable)
        warn(doc.entitlements[e].loc, "unreachable", "entitlement '" + doc.entitlements[e].id + "' can never be granted" +
             (!tier_reachable ? ": none of its tiers can be reached" : ": its 'when' cannot hold") + when);
    }
  }
}

}  // namespace jincai::policy
