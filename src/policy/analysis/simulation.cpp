// Simulation: both policies decide each chunk; tiers and entitlements are matched
// by id across the two policies, so a reform may add, drop or reorder them.
#include "policy/analysis/simulation.h"

#include <algorithm>
#include <tuple>

namespace jincai::policy {

std::string ReformReadsBase(const CompiledPolicy& base, const CompiledPolicy& reform) {
  const auto& a = base.layout();
  const auto& b = reform.layout();
  if (&base.pool() != &reform.pool()) return "the two policies were not built on one string pool";
  auto describe = [](const BatchLayout& l) {
    std::string s;
    for (const auto& x : l.scalars) s += x.name + ":" + KindName(x.spec->kind) + " ";
    for (const auto& x : l.lists) {
      s += x.name + ":" + KindName(x.spec->kind()) + "(";
      for (const auto& f : x.spec->fields) s += f.name + ":" + KindName(f.kind) + ",";
      s += ") ";
    }
    return s;
  };
  std::string da = describe(a), db = describe(b);
  if (da == db) return {};
  return "the reform must declare the same inputs as the base, in the same order (base: " + da + "; reform: " + db + ")";
}

Simulation::Simulation(const CompiledPolicy& base, const CompiledPolicy& reform)
    : base_(base), reform_(reform), base_ev_(base), reform_ev_(reform) {}

Result<std::unique_ptr<Simulation>> Simulation::Create(const CompiledPolicy& base, const CompiledPolicy& reform, int32_t as_of) {
  std::unique_ptr<Simulation> s(new Simulation(base, reform));
  if (auto st = s->base_ev_.SetDate(as_of); !st.ok()) return Status::InvalidArgument("base: " + st.message());
  if (auto st = s->reform_ev_.SetDate(as_of); !st.ok()) return Status::InvalidArgument("reform: " + st.message());
  SimulationReport& r = s->report_;
  for (const auto& t : base.doc().tiers) r.base_tiers.push_back(t.id);
  for (const auto& t : reform.doc().tiers) r.reform_tiers.push_back(t.id);
  r.base_tiers.push_back("none");
  r.reform_tiers.push_back("none");
  r.base_counts.assign(r.base_tiers.size(), 0);
  r.reform_counts.assign(r.reform_tiers.size(), 0);
  r.transition.assign(r.base_tiers.size(), std::vector<int64_t>(r.reform_tiers.size(), 0));
  auto row_of = [&](const EntitlementSpec& e) {
    for (size_t i = 0; i < r.entitlements.size(); ++i)
      if (r.entitlements[i].id == e.id) return static_cast<int>(i);
    r.entitlements.push_back({e.id, e.payer});
    return static_cast<int>(r.entitlements.size() - 1);
  };
  for (const auto& e : base.doc().entitlements) s->base_ent_.push_back(row_of(e));
  for (const auto& e : reform.doc().entitlements) s->reform_ent_.push_back(row_of(e));
  for (const auto& e : r.entitlements) r.monthly_by_payer.emplace(e.payer, std::make_pair(0, 0));
  return s;
}

void Simulation::Add(const Batch& batch) {
  base_ev_.Evaluate(batch, &bd_);
  reform_ev_.Evaluate(batch, &rd_);
  bd_.IndexByRow(&bo_, &bs_);
  rd_.IndexByRow(&ro_, &rs_);
  SimulationReport& r = report_;
  const size_t bnone = r.base_tiers.size() - 1, rnone = r.reform_tiers.size() - 1;
  const auto& btiers = base_.doc().tiers;
  const auto& rtiers = reform_.doc().tiers;
  const auto& bents = base_.doc().entitlements;
  const auto& rents = reform_.doc().entitlements;
  // A grant as compared across the two policies: entitlement, element, monthly amount,
  // and a hash of its further amounts and details.
  using Key = std::tuple<int, int32_t, int64_t, bool, uint64_t>;
  auto extras = [](const Decisions& d, const Grant& g, const EntitlementSpec& es) {
    uint64_t h = 1469598103934665603ull;
    for (size_t k = 0; k < es.amounts.size() + es.details.size(); ++k) {
      h ^= static_cast<uint64_t>(d.amounts[g.amounts_at + k]);
      h *= 1099511628211ull;
    }
    return h;
  };
  std::vector<Key> bk, rk;
  for (int32_t row = 0; row < batch.rows; ++row) {
    int32_t bt = bd_.tier[static_cast<size_t>(row)], rt = rd_.tier[static_cast<size_t>(row)];
    size_t bi = bt < 0 ? bnone : static_cast<size_t>(bt);
    size_t ri = rt < 0 ? rnone : static_cast<size_t>(rt);
    ++r.base_counts[bi];
    ++r.reform_counts[ri];
    ++r.transition[bi][ri];
    r.base_errors += bd_.error[static_cast<size_t>(row)] != EvalError::kNone;
    r.reform_errors += rd_.error[static_cast<size_t>(row)] != EvalError::kNone;
    bool tier_changed = (bt < 0) != (rt < 0) || (bt >= 0 && btiers[static_cast<size_t>(bt)].id != rtiers[static_cast<size_t>(rt)].id);
    bk.clear();
    rk.clear();
    bool amounts_differ = false;
    for (uint32_t k = bs_[static_cast<size_t>(row)]; k < bs_[static_cast<size_t>(row) + 1]; ++k) {
      const Grant& g = bd_.grants[bo_[k]];
      auto& e = r.entitlements[static_cast<size_t>(base_ent_[static_cast<size_t>(g.entitlement)])];
      ++e.base_count;
      e.base_monthly += g.monthly;
      r.monthly_by_payer[bents[static_cast<size_t>(g.entitlement)].payer].first += g.monthly;
      bk.emplace_back(base_ent_[static_cast<size_t>(g.entitlement)], g.element, g.monthly, g.has_monthly,
                      extras(bd_, g, bents[static_cast<size_t>(g.entitlement)]));
    }
    for (uint32_t k = rs_[static_cast<size_t>(row)]; k < rs_[static_cast<size_t>(row) + 1]; ++k) {
      const Grant& g = rd_.grants[ro_[k]];
      auto& e = r.entitlements[static_cast<size_t>(reform_ent_[static_cast<size_t>(g.entitlement)])];
      ++e.reform_count;
      e.reform_monthly += g.monthly;
      r.monthly_by_payer[rents[static_cast<size_t>(g.entitlement)].payer].second += g.monthly;
      rk.emplace_back(reform_ent_[static_cast<size_t>(g.entitlement)], g.element, g.monthly, g.has_monthly,
                      extras(rd_, g, rents[static_cast<size_t>(g.entitlement)]));
    }
    if (bk.size() == rk.size()) {
      std::sort(bk.begin(), bk.end());
      std::sort(rk.begin(), rk.end());
      amounts_differ = bk != rk;
    } else {
      amounts_differ = true;
    }
    ++r.dossiers;
    r.tier_changed += tier_changed;
    r.changed += tier_changed || amounts_differ;
  }
}

}  // namespace jincai::policy
