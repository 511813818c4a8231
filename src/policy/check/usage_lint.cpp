// Usage checks: parameters nothing reads, and citations — every rule, parameter and
// entitlement cites the source passage it implements, and a parameter whose figure
// the source does not give says so (its `assumption`).
#include <functional>
#include <set>

#include "policy/check/lint.h"

namespace jincai::policy {

void LintUsage(const CheckedPolicy& p, Diagnostics& d) {
  const PolicyDocument& doc = *p.doc;
  std::set<int> used_params;
  std::function<void(const CExpr*)> walk = [&](const CExpr* e) {
    if (!e) return;
    if (e->k == CKind::kParam) used_params.insert(e->slot);
    for (const auto& k : e->kids) walk(k.get());
  };
  for (const auto& f : p.formulas) walk(f.get());
  for (const auto& e : p.criterion_when) walk(e.get());
  for (const auto& e : p.criterion_points) walk(e.get());
  for (const auto& e : p.tier_when) walk(e.get());
  for (const auto& ent : p.entitlements) {
    walk(ent.when.get());
    walk(ent.monthly.get());
    for (const auto& a : ent.amounts) walk(a.get());
    for (const auto& a : ent.details) walk(a.get());
  }
  for (size_t i = 0; i < doc.parameters.size(); ++i) {
    const ParameterSpec& pa = doc.parameters[i];
    if (!used_params.count(static_cast<int>(i)))
      d.Warning(pa.loc, "unused", "parameter '" + pa.name + "' is not used by any formula, criterion, tier or entitlement");
    if (pa.cite.text.empty())
      d.Warning(pa.loc, "missing-cite", "parameter '" + pa.name + "' cites no passage of the source");
    if (pa.assumption.empty() && pa.cite.quote.empty())
      d.Warning(pa.loc, "missing-assumption", "parameter '" + pa.name + "' neither quotes its figure from the source nor says it is an assumption ('assumption = \"...\"')");
  }
  for (const auto& f : doc.formulas)
    if (f.cite.text.empty()) d.Warning(f.loc, "missing-cite", "formula '" + f.name + "' cites no passage of the source");
  for (const auto& c : doc.criteria)
    if (c.cite.text.empty()) d.Warning(c.loc, "missing-cite", "criterion '" + c.id + "' cites no passage of the source");
  for (const auto& t : doc.tiers)
    if (t.cite.text.empty()) d.Warning(t.loc, "missing-cite", "tier '" + t.id + "' cites no passage of the source");
  for (const auto& e : doc.entitlements)
    if (e.cite.text.empty()) d.Warning(e.loc, "missing-cite", "entitlement '" + e.id + "' cites no passage of the source");
}

}  // namespace jincai::policy
