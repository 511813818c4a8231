// The barrier lint. The reform's point is that household registration, region,
// identity, education, ownership, titles and paper counts stop being gates, so an
// input marked `restricted` may not reach a tier condition or any part of an
// entitlement, directly or through formulas and point totals. Points from a
// restricted input that nothing decisive reads are only a warning.
#include <functional>
#include <map>
#include <set>

#include "policy/check/checker.h"
#include "policy/check/lint.h"

namespace jincai::policy {
namespace {

// What an expression reads: restricted inputs, with the path by which they arrive.
class Reach {
 public:
  explicit Reach(const CheckedPolicy& p) : p_(p) {
    for (size_t i = 0; i < p.layout.scalars.size(); ++i) {
      const auto& slot = p.layout.scalars[i];
      if (p.doc->inputs[static_cast<size_t>(slot.input)].restricted) restricted_scalars_[static_cast<int>(i)] = slot.name;
    }
    for (size_t i = 0; i < p.layout.lists.size(); ++i) {
      const auto& slot = p.layout.lists[i];
      if (p.doc->inputs[static_cast<size_t>(slot.input)].restricted) restricted_lists_[static_cast<int>(i)] = slot.name;
    }
  }

  // restricted input -> path ("education -> formula x -> ability_points")
  std::map<std::string, std::string> Of(const CExpr* e) {
    std::map<std::string, std::string> out;
    Walk(e, "", out);
    return out;
  }

 private:
  void Merge(std::map<std::string, std::string>& out, const std::map<std::string, std::string>& in, const std::string& via) {
    for (const auto& [name, path] : in) out.emplace(name, path + " -> " + via);
  }

  void Walk(const CExpr* e, const std::string&, std::map<std::string, std::string>& out) {
    if (!e) return;
    switch (e->k) {
      case CKind::kInput:
        if (auto it = restricted_scalars_.find(e->slot); it != restricted_scalars_.end()) out.emplace(it->second, it->second);
        break;
      case CKind::kElemField: case CKind::kInList: case CKind::kCount: case CKind::kAggregate:
        if (auto it = restricted_lists_.find(e->slot); it != restricted_lists_.end()) out.emplace(it->second, it->second);
        break;
      case CKind::kFormula:
        Merge(out, Formula(e->slot), "formula " + p_.doc->formulas[static_cast<size_t>(e->slot)].name);
        break;
      case CKind::kPoints:
        Merge(out, Points(e->slot), kPointNames[e->slot]);
        break;
      default:
        break;
    }
    for (const auto& k : e->kids) Walk(k.get(), "", out);
  }

  const std::map<std::string, std::string>& Formula(int f) {
    auto it = formula_.find(f);
    if (it != formula_.end()) return it->second;
    formula_[f] = {};  // cycles were rejected by the checker; this only guards
    auto r = Of(p_.formulas[static_cast<size_t>(f)].get());
    return formula_[f] = r;
  }

  const std::map<std::string, std::string>& Points(int d) {
    auto it = points_.find(d);
    if (it != points_.end()) return it->second;
    points_[d] = {};
    std::map<std::string, std::string> r;
    for (size_t c = 0; c < p_.doc->criteria.size(); ++c) {
      int dim = static_cast<int>(p_.doc->criteria[c].dimension);
      if (d != 3 && dim != d) continue;
      std::map<std::string, std::string> in = Of(p_.criterion_when[c].get());
      for (auto& kv : Of(p_.criterion_points[c].get())) in.insert(kv);
      Merge(r, in, "criterion " + p_.doc->criteria[c].id);
    }
    return points_[d] = r;
  }

  const CheckedPolicy& p_;
  std::map<int, std::string> restricted_scalars_, restricted_lists_;
  std::map<int, std::map<std::string, std::string>> formula_, points_;
};

}  // namespace

void LintBarriers(const CheckedPolicy& p, Diagnostics& d) {
  const PolicyDocument& doc = *p.doc;
  Reach reach(p);
  bool decisive_points[4] = {false, false, false, false};
  std::function<void(const CExpr*)> mark = [&](const CExpr* e) {
    if (!e) return;
    if (e->k == CKind::kPoints) decisive_points[e->slot] = true;
    if (e->k == CKind::kFormula) mark(p.formulas[static_cast<size_t>(e->slot)].get());
    for (const auto& k : e->kids) mark(k.get());
  };
  auto fail = [&](Location loc, const std::string& what, const CExpr* e) {
    for (const auto& [name, path] : reach.Of(e))
      d.Error(loc, "barrier", "restricted input '" + name + "' decides " + what + ": " + path + " -> " + what +
              ". Restricted inputs (household registration, region, identity, education, ownership, titles, papers) may not be gates");
  };
  if (p.engagement_slot >= 0 &&
      doc.inputs[static_cast<size_t>(p.layout.scalars[static_cast<size_t>(p.engagement_slot)].input)].restricted)
    d.Error(doc.engagement_loc, "barrier", "engagement_input '" + doc.engagement_input +
            "' is restricted, yet it decides which tiers a dossier can reach");
  for (size_t t = 0; t < doc.tiers.size(); ++t) {
    fail(doc.tiers[t].loc, "tier " + doc.tiers[t].id, p.tier_when[t].get());
    mark(p.tier_when[t].get());
  }
  for (size_t e = 0; e < doc.entitlements.size(); ++e) {
    const auto& ce = p.entitlements[e];
    std::string what = "entitlement " + doc.entitlements[e].id;
    fail(doc.entitlements[e].loc, what, ce.when.get());
    fail(doc.entitlements[e].loc, what, ce.monthly.get());
    for (const auto& a : ce.amounts) fail(doc.entitlements[e].loc, what, a.get());
    for (const auto& a : ce.details) fail(doc.entitlements[e].loc, what, a.get());
    mark(ce.when.get());
    mark(ce.monthly.get());
    for (const auto& a : ce.amounts) mark(a.get());
    for (const auto& a : ce.details) mark(a.get());
    if (ce.list_slot >= 0 && doc.inputs[static_cast<size_t>(p.layout.lists[static_cast<size_t>(ce.list_slot)].input)].restricted)
      d.Error(doc.entitlements[e].for_each_loc, "barrier", "entitlement " + doc.entitlements[e].id + " is granted per element of restricted input '" + doc.entitlements[e].for_each + "'");
  }
  // Points from restricted inputs that no decisive expression reads: a warning.
  if (decisive_points[3]) decisive_points[0] = decisive_points[1] = decisive_points[2] = true;
  for (size_t c = 0; c < doc.criteria.size(); ++c) {
    int dim = static_cast<int>(doc.criteria[c].dimension);
    if (decisive_points[dim]) continue;  // already reported as an error where it decides
    std::map<std::string, std::string> in = reach.Of(p.criterion_when[c].get());
    for (auto& kv : reach.Of(p.criterion_points[c].get())) in.insert(kv);
    for (const auto& [name, path] : in)
      d.Warning(doc.criteria[c].loc, "barrier-points", "criterion '" + doc.criteria[c].id + "' gives points from restricted input '" + name +
                "' (" + path + "); no tier or entitlement reads them now, but they will decide as soon as one does");
  }
}

}  // namespace jincai::policy
