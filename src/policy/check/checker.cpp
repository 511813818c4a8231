// Policy-level checking: declarations and duplicate names, formulas (in dependency
// order, cycles, chain depth), criteria and the point totals, tiers and engagement,
// entitlements, and which input columns anything reads. Expressions are typed by
// ExpressionChecker (expression_checker.cpp).
#include "policy/check/checker.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "policy/check/expression_checker.h"

namespace jincai::policy {
namespace {

class Checker {
 public:
  Checker(std::shared_ptr<const PolicyDocument> doc, Diagnostics& d, std::shared_ptr<StringPool> pool)
      : d_(d), p_(std::make_unique<CheckedPolicy>()), ex_(p_.get(), d, FormulaAccess()) {
    p_->doc = std::move(doc);
    p_->pool = pool ? std::move(pool) : std::make_shared<StringPool>();
    p_->layout = BatchLayout::For(*p_->doc);
  }

  // The expression checker reaches formulas through this checker's state.
  ExpressionChecker::Formulas FormulaAccess() {
    return {&formula_state_, &formula_stack_, [this](int i) { CheckFormula(i); }};
  }

  std::unique_ptr<CheckedPolicy> Run() {
    const PolicyDocument& doc = *p_->doc;
    DeclaredNames();
    formula_state_.assign(doc.formulas.size(), 0);
    p_->formulas.resize(doc.formulas.size());
    for (size_t i = 0; i < doc.formulas.size(); ++i) CheckFormula(static_cast<int>(i));
    CheckFormulaDepth();
    for (const auto& c : doc.criteria) {
      Scope s;
      s.what = "criterion '" + c.id + "'";
      p_->criterion_when.push_back(c.when ? ex_.Expect(*c.when, s, Kind::kBool, "its 'when'") : nullptr);
      p_->criterion_points.push_back(ex_.Expect(c.points, s, Kind::kNumber, "its 'points'"));
    }
    CheckPointCycles();
    Engagement();
    for (const auto& t : doc.tiers) {
      Scope s;
      s.what = "tier '" + t.id + "'";
      p_->tier_when.push_back(t.when ? ex_.Expect(*t.when, s, Kind::kBool, "its 'when'") : nullptr);
      std::vector<int64_t> modes;
      for (const auto& m : t.engagement) {
        if (engagement_values_ && std::find(engagement_values_->begin(), engagement_values_->end(), m) == engagement_values_->end())
          d_.Error(t.loc, "unknown-value", "tier '" + t.id + "': engagement mode '" + m + "' is not one of " +
                   doc.engagement_input + "'s values (" + JoinNames(*engagement_values_) + ")");
        modes.push_back(p_->pool->Intern(m));
      }
      if (!doc.engagement_input.empty() && t.engagement.empty())
        d_.Warning(t.loc, "no-engagement", "tier '" + t.id + "' covers no engagement mode, so no dossier can reach it");
      p_->tier_engagement.push_back(std::move(modes));
      p_->tier_ids.push_back(p_->pool->Intern(t.id));
    }
    for (const auto& e : doc.entitlements) Entitlement(e);
    MarkUsedSlots();
    return std::move(p_);
  }

 private:
  // ---- declarations -------------------------------------------------------
  void DeclaredNames() {
    const PolicyDocument& doc = *p_->doc;
    std::map<std::string, std::string> seen;  // name -> what declared it
    auto add = [&](const std::string& name, const std::string& what, Location loc) {
      auto [it, fresh] = seen.emplace(name, what);
      if (!fresh) d_.Error(loc, "duplicate-name", "'" + name + "' is declared as " + what + " and as " + it->second);
      all_names_.push_back(name);
    };
    for (const char* n : kPointNames) seen.emplace(n, "a point total");
    seen.emplace("as_of", "the evaluation date");
    seen.emplace("tier", "the dossier's tier");
    for (const auto& in : doc.inputs) add(in.name(), "an input", in.scalar.loc);
    for (const auto& pa : doc.parameters) add(pa.name, "a parameter", pa.loc);
    for (const auto& f : doc.formulas) add(f.name, "a formula", f.loc);
    for (const char* n : kPointNames) all_names_.push_back(n);
    all_names_.push_back("as_of");
    ex_.set_known_names(all_names_);
  }

  void Engagement() {
    const PolicyDocument& doc = *p_->doc;
    if (doc.engagement_input.empty()) return;
    const InputSpec* in = doc.FindInput(doc.engagement_input);
    if (!in || in->kind() != Kind::kString) {
      d_.Error(doc.engagement_loc, "unknown-name", "engagement_input '" + doc.engagement_input + "' is not a string input");
      return;
    }
    p_->engagement_slot = p_->layout.scalar_index.at(in->name());
    if (!in->scalar.values.empty()) engagement_values_ = &in->scalar.values;
  }

  // Scalar slots no expression reads (a display name, say) need not be interned.
  void MarkUsedSlots() {
    std::vector<bool> used(p_->layout.scalars.size(), false);
    std::function<void(const CExpr*)> walk = [&](const CExpr* e) {
      if (!e) return;
      if (e->k == CKind::kInput) used[static_cast<size_t>(e->slot)] = true;
      for (const auto& k : e->kids) walk(k.get());
    };
    for (const auto& f : p_->formulas) walk(f.get());
    for (const auto& e : p_->criterion_when) walk(e.get());
    for (const auto& e : p_->criterion_points) walk(e.get());
    for (const auto& e : p_->tier_when) walk(e.get());
    for (const auto& ent : p_->entitlements) {
      walk(ent.when.get());
      walk(ent.monthly.get());
      for (const auto& a : ent.amounts) walk(a.get());
      for (const auto& a : ent.details) walk(a.get());
    }
    if (p_->engagement_slot >= 0) used[static_cast<size_t>(p_->engagement_slot)] = true;
    for (size_t s = 0; s < used.size(); ++s) p_->layout.scalars[s].used = used[s];
  }

  // ---- formulas and cycles ------------------------------------------------
  void CheckFormula(int i) {
    if (formula_state_[static_cast<size_t>(i)] == 2) return;
    const FormulaSpec& f = p_->doc->formulas[static_cast<size_t>(i)];
    formula_state_[static_cast<size_t>(i)] = 1;
    formula_stack_.push_back(i);
    Scope s;
    s.what = "formula '" + f.name + "'";
    auto e = ex_.Check(f.expr, s);
    if (e && !IsScalar(e->type)) {
      ex_.Err(f.expr, e->offset, "formula '" + f.name + "' must give a single value, not a " + KindName(e->type));
      e = nullptr;
    }
    p_->formulas[static_cast<size_t>(i)] = std::move(e);
    formula_stack_.pop_back();
    formula_state_[static_cast<size_t>(i)] = 2;
    p_->formula_order.push_back(i);
  }

  // Later stages follow formula references recursively, so the longest chain of
  // formulas using formulas is bounded. formula_order lists dependencies first.
  void CheckFormulaDepth() {
    std::vector<size_t> depth(p_->formulas.size(), 1);
    for (int f : p_->formula_order) {
      std::function<void(const CExpr*)> walk = [&](const CExpr* e) {
        if (!e) return;
        if (e->k == CKind::kFormula) depth[static_cast<size_t>(f)] = std::max(depth[static_cast<size_t>(f)], depth[static_cast<size_t>(e->slot)] + 1);
        for (const auto& k : e->kids) walk(k.get());
      };
      walk(p_->formulas[static_cast<size_t>(f)].get());
      if (depth[static_cast<size_t>(f)] > kMaxFormulaChain) {
        const FormulaSpec& fs = p_->doc->formulas[static_cast<size_t>(f)];
        d_.Error(fs.loc, "too-deep", "formula '" + fs.name + "' refers to formulas more than " + std::to_string(kMaxFormulaChain) + " levels deep");
        p_->formulas[static_cast<size_t>(f)] = nullptr;
        depth[static_cast<size_t>(f)] = 1;  // report the chain once
      }
    }
  }

  // Criteria feed the point totals; a criterion that (through formulas) uses a point
  // total of its own dimension, or the total, would depend on itself.
  void CheckPointCycles() {
    const PolicyDocument& doc = *p_->doc;
    std::set<int> uses[3];  // dimension -> point totals its criteria use
    std::vector<std::set<int>> by_criterion(doc.criteria.size());
    for (size_t c = 0; c < doc.criteria.size(); ++c) {
      std::set<int> seen_formulas;
      std::function<void(const CExpr*)> walk = [&](const CExpr* e) {
        if (!e) return;
        if (e->k == CKind::kPoints) by_criterion[c].insert(e->slot);
        if (e->k == CKind::kFormula && seen_formulas.insert(e->slot).second) walk(p_->formulas[static_cast<size_t>(e->slot)].get());
        for (const auto& k : e->kids) walk(k.get());
      };
      walk(p_->criterion_when[c].get());
      walk(p_->criterion_points[c].get());
      int dim = static_cast<int>(doc.criteria[c].dimension);
      for (int pt : by_criterion[c]) {
        if (pt == 3) { uses[dim].insert({0, 1, 2}); } else { uses[dim].insert(pt); }
      }
    }
    // A dimension reaches itself through the point totals its criteria use: a cycle.
    for (int d = 0; d < 3; ++d) {
      std::set<int> reach = uses[d];
      for (int round = 0; round < 3; ++round)
        for (int r : std::set<int>(reach)) reach.insert(uses[r].begin(), uses[r].end());
      if (!reach.count(d)) continue;
      for (size_t c = 0; c < doc.criteria.size(); ++c) {
        if (static_cast<int>(doc.criteria[c].dimension) != d || by_criterion[c].empty()) continue;
        d_.Error(doc.criteria[c].loc, "cycle", "criterion '" + doc.criteria[c].id + "' uses " + kPointNames[*by_criterion[c].begin()] +
                 ", which (directly or through other criteria) adds up this criterion's own points: a cycle");
      }
    }
  }

  // ---- entitlements ---------------------------------------------------------
  void Entitlement(const EntitlementSpec& e) {
    const PolicyDocument& doc = *p_->doc;
    CheckedEntitlement ce;
    Scope s;
    s.what = "entitlement '" + e.id + "'";
    s.allow_tier = true;
    std::vector<int> tiers;
    for (const auto& t : e.tiers) {
      auto it = std::find_if(doc.tiers.begin(), doc.tiers.end(), [&](const TierSpec& ts) { return ts.id == t; });
      if (it == doc.tiers.end()) d_.Error(e.loc, "unknown-name", "entitlement '" + e.id + "' names tier '" + t + "', which the policy does not declare");
      else tiers.push_back(static_cast<int>(it - doc.tiers.begin()));
    }
    if (!e.for_each.empty()) {
      const InputSpec* in = doc.FindInput(e.for_each);
      if (!in || in->kind() != Kind::kListRecord) {
        d_.Error(e.for_each_loc, "wrong-type", "for_each of entitlement '" + e.id + "' must name a list<record> input");
      } else {
        ce.list_slot = p_->layout.list_index.at(in->name());
        s.elem_var = e.as;
        s.elem_list = ce.list_slot;
        if (doc.FindInput(e.as) || doc.FindParameter(e.as))
          d_.Error(e.for_each_loc, "duplicate-name", "'as = \"" + e.as + "\"' hides a declared name; choose another");
      }
    }
    if (e.when) ce.when = ex_.Expect(*e.when, s, Kind::kBool, "its 'when'");
    if (e.monthly) ce.monthly = ex_.Expect(*e.monthly, s, Kind::kMoney, "its 'monthly_cny'");
    for (const auto& [name, text] : e.amounts) ce.amounts.push_back(ex_.Expect(text, s, Kind::kMoney, "its amount '" + name + "'"));
    for (const auto& [name, text] : e.details) {
      auto d = ex_.Check(text, s);
      if (d && !IsScalar(d->type)) {
        ex_.Err(text, d->offset, "detail '" + name + "' of " + s.what + " must be a single value, not a " + KindName(d->type));
        d = nullptr;
      }
      ce.details.push_back(std::move(d));
    }
    p_->entitlements.push_back(std::move(ce));
    p_->entitlement_tiers.push_back(std::move(tiers));
  }

  Diagnostics& d_;
  std::unique_ptr<CheckedPolicy> p_;
  std::vector<int> formula_state_;  // 0 unchecked, 1 in progress, 2 done
  std::vector<int> formula_stack_;
  std::vector<std::string> all_names_;
  const std::vector<std::string>* engagement_values_ = nullptr;
  ExpressionChecker ex_;
};

}  // namespace

std::unique_ptr<CheckedPolicy> CheckPolicy(std::shared_ptr<const PolicyDocument> doc, Diagnostics& diags,
                                           std::shared_ptr<StringPool> pool) {
  return Checker(std::move(doc), diags, std::move(pool)).Run();
}

}  // namespace jincai::policy
