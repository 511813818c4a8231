// Decision assembly: point totals for all rows; tiers highest first over the rows
// still without one; entitlements over the rows of their tiers (or their list
// elements). A row whose evaluation failed keeps no tier and no entitlement.
#include "policy/eval/evaluator.h"

#include "policy/eval/kernels.h"

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
    const Vm::Col v = vm_.ValuesOf(policy_.points[d]);
    if (v.scalar) out->points[d].assign(static_cast<size_t>(n), v.v);
    else out->points[d].assign(v.p, v.p + n);
  }

  // Tiers, highest first: a row takes the first whose condition holds and whose
  // engagement modes cover its engagement. Each tier's condition runs on the rows
  // still without a tier and without an error (a failed row gets none); the choice is
  // a dense pass over all rows, without branches on the data (whether a row is in a
  // band is as good as random).
  sel_.resize(static_cast<size_t>(n));
  for (int32_t r = 0; r < n; ++r) sel_[static_cast<size_t>(r)] = r;
  const int64_t* engagement = ck.engagement_slot >= 0 ? batch.scalars[static_cast<size_t>(ck.engagement_slot)].data() : nullptr;
  int32_t* tiers = out->tier.data();
  int64_t* ids = tier_ids_.data();
  const uint8_t* errors = vm_.errors();
  for (size_t t = 0; t < policy_.tier_when.size() && !sel_.empty(); ++t) {
    const int32_t w = policy_.tier_when[t];
    if (w >= 0) vm_.RunFor(w, Sel{sel_.data(), static_cast<int32_t>(sel_.size())});
    // Rows already decided, or failed, read a stale value of the condition, and are
    // passed over.
    static const int64_t kTrue = 1;
    const Vm::Col when = w >= 0 ? vm_.ValuesOf(w) : Vm::Col::Scalar(&kTrue);
    const auto& modes = ck.tier_engagement[t];
    const int32_t tier = static_cast<int32_t>(t);
    const int64_t tier_id = ck.tier_ids[t];
    if (when.scalar && when.v == 0) continue;
    // The kernel compares up to four modes at once (padding never matches: ids are not
    // negative). With more, each row's engagement is first reduced to whether one of
    // them covers it (modes[0], or -1); without an engagement input none is read.
    int64_t m[4] = {-1, -1, -1, -1};
    const int64_t* covered = engagement;
    if (engagement && modes.size() <= 4) {
      std::copy(modes.begin(), modes.end(), m);
    } else if (engagement) {
      covered_.resize(static_cast<size_t>(n));
      for (int32_t r = 0; r < n; ++r) {
        bool c = false;
        for (int64_t mode : modes) c |= engagement[r] == mode;
        covered_[static_cast<size_t>(r)] = c ? modes[0] : -1;
      }
      covered = covered_.data();
      std::fill(m, m + 4, modes[0]);  // not the padding: -1 is "not covered" here
    }
    sel_.resize(static_cast<size_t>(n));
    const int32_t left = kernels::ChooseTier(tiers, ids, sel_.data(), when.scalar ? nullptr : when.p, covered, m, errors,
                                             tier, tier_id, n);
    sel_.resize(static_cast<size_t>(left));
  }

  // Entitlements over the rows of their tiers.
  const std::vector<int>* sel_tiers = nullptr;  // the tiers sel_ holds the rows of
  // The rows (or elements) granted the last entitlement, and its condition and list:
  // the next one often has the same (an allowance and its insurance), and reuses them.
  Sel s{};
  int32_t s_when = -2, s_list = -2;
  for (size_t e = 0; e < policy_.entitlements.size(); ++e) {
    const CompiledEntitlement& ent = policy_.entitlements[e];
    // Entitlements usually share their tiers: select their rows once.
    if (!sel_tiers || *sel_tiers != ck.entitlement_tiers[e]) {
      s_when = s_list = -2;
      sel_tiers = &ck.entitlement_tiers[e];
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
    }
    if (sel_.empty()) continue;
    if (ent.when != s_when || ent.list_slot != s_list) {
      s_when = ent.when;
      s_list = ent.list_slot;
      s = Sel{sel_.data(), static_cast<int32_t>(sel_.size())};
      if (ent.list_slot >= 0) {
        vm_.ElementsOf(ent.list_slot, s, &elems_);
        s = Sel{elems_.data(), static_cast<int32_t>(elems_.size())};
      }
      if (ent.when >= 0) {
        vm_.Run(ent.when, s);
        const Vm::Col when = vm_.ValuesOf(ent.when);
        next_.resize(static_cast<size_t>(s.n));
        int32_t nk = 0;
        for (int32_t k = 0; k < s.n; ++k) {  // without a branch on the condition
          next_[static_cast<size_t>(nk)] = s.idx[k];
          nk += when[s.idx[k]] != 0;
        }
        s = Sel{next_.data(), nk};
      }
    }
    if (ent.monthly >= 0) vm_.Run(ent.monthly, s);
    for (int32_t a : ent.amounts) if (a >= 0) vm_.Run(a, s);
    for (int32_t a : ent.details) if (a >= 0) vm_.Run(a, s);
    const ListColumn* list = ent.list_slot >= 0 ? &batch.lists[static_cast<size_t>(ent.list_slot)] : nullptr;
    static const int64_t kZero = 0;
    const Vm::Col monthly = ent.monthly >= 0 ? vm_.ValuesOf(ent.monthly) : Vm::Col::Scalar(&kZero);
    extra_.clear();
    for (int32_t a : ent.amounts) extra_.push_back(a >= 0 ? vm_.ValuesOf(a) : Vm::Col::Scalar(&kZero));
    for (int32_t a : ent.details) extra_.push_back(a >= 0 ? vm_.ValuesOf(a) : Vm::Col::Scalar(&kZero));
    // The grants in place, a field at a time, then the amounts a column at a time.
    const size_t first = out->grants.size(), width = extra_.size(), at = out->amounts.size();
    out->grants.resize(first + static_cast<size_t>(s.n));
    out->amounts.resize(at + static_cast<size_t>(s.n) * width);
    Grant* grants = out->grants.data() + first;
    const int32_t* idx = s.idx;
    const bool has_monthly = ent.monthly >= 0;
    for (int32_t k = 0; k < s.n; ++k) {
      Grant& g = grants[k];
      const int32_t i = idx[k];
      g.row = list ? list->parent[static_cast<size_t>(i)] : i;
      g.entitlement = static_cast<int32_t>(e);
      g.element = list ? i - list->offsets[static_cast<size_t>(g.row)] : -1;
      g.monthly = monthly[i];
      g.has_monthly = has_monthly;
      g.amounts_at = static_cast<uint32_t>(at + static_cast<size_t>(k) * width);
    }
    int64_t* amounts = out->amounts.data() + at;
    for (size_t c = 0; c < width; ++c) {
      const Vm::Col col = extra_[c];
      for (int32_t k = 0; k < s.n; ++k) amounts[static_cast<size_t>(k) * width + c] = col[idx[k]];
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
