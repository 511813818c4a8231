// Decision assembly: point totals for all rows; tiers highest first over the rows
// still without one; entitlements over the rows of their tiers (or their list
// elements). A row whose evaluation failed keeps no tier and no entitlement.
#include "policy/eval/evaluator.h"

#include <algorithm>

namespace jincai::policy {

void Decisions::IndexByRow(std::vector<uint32_t>* order, std::vector<uint32_t>* row_start) const {
  row_start->assign(static_cast<size_t>(rows) + 1, 0);
  for (const Grant& g : grants) ++(*row_start)[static_cast<size_t>(g.row) + 1];
  for (size_t r = 0; r < static_cast<size_t>(rows); ++r) (*row_start)[r + 1] += (*row_start)[r];
  order->assign(grants.size(), 0);
  std::vector<uint32_t> fill(row_start->begin(), row_start->end() - 1);
  for (uint32_t k = 0; k < grants.size(); ++k) (*order)[fill[static_cast<size_t>(grants[k].row)]++] = k;
}

Evaluator::Evaluator(const CompiledPolicy& policy) : policy_(policy), vm_(policy) {}

Status Evaluator::SetDate(int32_t as_of) { return vm_.SetDate(as_of); }

void Evaluator::Evaluate(const Batch& batch, Decisions* out) {
  const int32_t n = batch.rows;
  const auto& ck = *policy_.checked;
  tier_ids_.assign(static_cast<size_t>(n), 0);  // "" until a tier is chosen
  vm_.SetTiers(tier_ids_.data());
  vm_.Bind(batch);
  out->rows = n;
  out->tier.assign(static_cast<size_t>(n), -1);
  out->grants.clear();
  out->amounts.clear();
  Sel all = vm_.AllRows();
  for (int d = 0; d < 4; ++d) {
    vm_.Run(policy_.points[d], all);
    out->points[d].resize(static_cast<size_t>(n));
    for (int32_t r = 0; r < n; ++r) out->points[d][static_cast<size_t>(r)] = vm_.At(policy_.points[d], r);
  }

  // Tiers, highest first, over the rows that have none yet.
  sel_.resize(static_cast<size_t>(n));
  for (int32_t r = 0; r < n; ++r) sel_[static_cast<size_t>(r)] = r;
  const int64_t* engagement = ck.engagement_slot >= 0 ? batch.scalars[static_cast<size_t>(ck.engagement_slot)].data() : nullptr;
  for (size_t t = 0; t < policy_.tier_when.size() && !sel_.empty(); ++t) {
    int32_t w = policy_.tier_when[t];
    Sel s{sel_.data(), static_cast<int32_t>(sel_.size())};
    if (w >= 0) vm_.Run(w, s);
    const auto& modes = ck.tier_engagement[t];
    next_.clear();
    int64_t tier_id = ck.tier_ids[t];
    for (int32_t r : sel_) {
      bool holds = w < 0 || vm_.At(w, r) != 0;
      if (holds && engagement) holds = std::find(modes.begin(), modes.end(), engagement[r]) != modes.end();
      if (holds && vm_.error(r) == EvalError::kNone) {
        out->tier[static_cast<size_t>(r)] = static_cast<int32_t>(t);
        tier_ids_[static_cast<size_t>(r)] = tier_id;
      } else {
        next_.push_back(r);
      }
    }
    sel_.swap(next_);
  }

  // Entitlements over the rows of their tiers.
  for (size_t e = 0; e < policy_.entitlements.size(); ++e) {
    const CompiledEntitlement& ent = policy_.entitlements[e];
    // Tier index + 1 -> grants it (index 0: no tier).
    grants_tier_.assign(ck.doc->tiers.size() + 1, 0);
    for (int t : ck.entitlement_tiers[e]) grants_tier_[static_cast<size_t>(t) + 1] = 1;
    sel_.resize(static_cast<size_t>(n));
    int32_t ns = 0;
    for (int32_t r = 0; r < n; ++r) {
      sel_[static_cast<size_t>(ns)] = r;
      ns += grants_tier_[static_cast<size_t>(out->tier[static_cast<size_t>(r)] + 1)];
    }
    sel_.resize(static_cast<size_t>(ns));
    if (sel_.empty()) continue;
    Sel rows{sel_.data(), static_cast<int32_t>(sel_.size())};
    Sel s = rows;
    if (ent.list_slot >= 0) {
      vm_.ElementsOf(ent.list_slot, rows, &elems_);
      s = Sel{elems_.data(), static_cast<int32_t>(elems_.size())};
    }
    if (ent.when >= 0) {
      vm_.Run(ent.when, s);
      next_.clear();
      for (int32_t k = 0; k < s.n; ++k)
        if (vm_.At(ent.when, s.idx[k])) next_.push_back(s.idx[k]);
      s = Sel{next_.data(), static_cast<int32_t>(next_.size())};
    }
    if (ent.monthly >= 0) vm_.Run(ent.monthly, s);
    for (int32_t a : ent.amounts) if (a >= 0) vm_.Run(a, s);
    for (int32_t a : ent.details) if (a >= 0) vm_.Run(a, s);
    const ListColumn* list = ent.list_slot >= 0 ? &batch.lists[static_cast<size_t>(ent.list_slot)] : nullptr;
    for (int32_t k = 0; k < s.n; ++k) {
      int32_t idx = s.idx[k];
      Grant g;
      g.row = list ? list->parent[static_cast<size_t>(idx)] : idx;
      g.entitlement = static_cast<int32_t>(e);
      g.element = list ? idx - list->offsets[static_cast<size_t>(g.row)] : -1;
      if (ent.monthly >= 0) {
        g.monthly = vm_.At(ent.monthly, idx);
        g.has_monthly = true;
      }
      g.amounts_at = static_cast<uint32_t>(out->amounts.size());
      for (int32_t a : ent.amounts) out->amounts.push_back(a >= 0 ? vm_.At(a, idx) : 0);
      for (int32_t a : ent.details) out->amounts.push_back(a >= 0 ? vm_.At(a, idx) : 0);
      out->grants.push_back(g);
    }
  }

  // A row whose evaluation failed anywhere gets no tier and no entitlement.
  out->error.assign(static_cast<size_t>(n), EvalError::kNone);
  out->error_instr.assign(static_cast<size_t>(n), -1);
  bool any_error = false;
  for (int32_t r = 0; r < n; ++r) {
    if (vm_.error(r) != EvalError::kNone) {
      out->error[static_cast<size_t>(r)] = vm_.error(r);
      out->error_instr[static_cast<size_t>(r)] = vm_.error_instr(r);
      out->tier[static_cast<size_t>(r)] = -1;
      any_error = true;
    }
  }
  if (any_error) {
    std::erase_if(out->grants, [&](const Grant& g) { return out->error[static_cast<size_t>(g.row)] != EvalError::kNone; });
  }
}

}  // namespace jincai::policy
