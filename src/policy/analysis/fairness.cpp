// Each variant is a full copy of the chunk with one restricted column changed, so
// the compiled policy runs unmodified; decisions are compared by digest, points
// included (a decision that only moves points has moved too).
#include "policy/analysis/fairness.h"

#include <functional>

#include "policy/analysis/decision_digest.h"
#include "policy/eval/evaluator.h"

namespace jincai::policy {

FairnessCheck::FairnessCheck(const CompiledPolicy& policy, int32_t as_of, size_t max_examples)
    : p_(policy), as_of_(as_of), max_examples_(max_examples) {
  Evaluator probe(policy);
  status_ = probe.SetDate(as_of);
  for (const auto& in : policy.doc().inputs)
    if (in.restricted) report_.restricted.push_back(in.name());
  // Interned here, once: Add may run while a reader thread interns into the pool.
  for (const auto& slot : policy.layout().scalars) {
    values_.emplace_back();
    for (const auto& v : slot.spec->values) values_.back().push_back(policy.pool().Intern(v));
  }
}

void FairnessCheck::Add(const Batch& batch) {
  Evaluator ev(p_);
  if (!ev.SetDate(as_of_).ok()) return;
  Decisions base;
  ev.Evaluate(batch, &base);
  std::vector<uint32_t> order, start;
  base.IndexByRow(&order, &start);
  std::vector<std::string> digests(static_cast<size_t>(batch.rows));
  for (int32_t r = 0; r < batch.rows; ++r) digests[static_cast<size_t>(r)] = DecisionDigest(p_, base, r, order, start, true);
  report_.dossiers += batch.rows;

  const BatchLayout& L = p_.layout();
  auto show = [&](Kind k, int64_t v) -> std::string {
    switch (k) {
      case Kind::kString: return p_.pool().Get(v);
      case Kind::kMoney: return FormatMoney(v);
      case Kind::kBool: return v ? "true" : "false";
      case Kind::kDate: return FormatDate(static_cast<int32_t>(v));
      default: return FormatNumber(v);
    }
  };
  auto compare = [&](const Batch& variant, const std::function<std::string(int32_t)>& describe) {
    Decisions d;
    ev.Evaluate(variant, &d);
    std::vector<uint32_t> o2, s2;
    d.IndexByRow(&o2, &s2);
    report_.variants += variant.rows;
    for (int32_t r = 0; r < variant.rows; ++r) {
      std::string after = DecisionDigest(p_, d, r, o2, s2, true);
      if (after == digests[static_cast<size_t>(r)]) continue;
      ++report_.moved;
      if (report_.examples.size() < max_examples_)
        report_.examples.push_back({batch.ids[static_cast<size_t>(r)], describe(r), digests[static_cast<size_t>(r)], after});
    }
  };
  for (size_t s = 0; s < L.scalars.size(); ++s) {
    const auto& slot = L.scalars[s];
    if (!p_.doc().inputs[static_cast<size_t>(slot.input)].restricted) continue;
    Kind k = slot.spec->kind;
    const std::vector<int64_t>& col = batch.scalars[s];
    std::vector<std::vector<int64_t>> columns;
    if (batch.rows > 1) {  // every dossier takes its neighbour's value
      std::vector<int64_t> rot(col.begin() + 1, col.end());
      rot.push_back(col.front());
      columns.push_back(std::move(rot));
    }
    if (k == Kind::kString) {
      for (int64_t v : values_[s]) columns.emplace_back(static_cast<size_t>(batch.rows), v);
    } else if (k == Kind::kNumber || k == Kind::kMoney) {
      int64_t lo = slot.spec->min.value_or(0);
      int64_t hi = slot.spec->max.value_or(lo + (k == Kind::kMoney ? 100'000'000 : 1000 * kNumberScale));
      columns.emplace_back(static_cast<size_t>(batch.rows), lo);
      columns.emplace_back(static_cast<size_t>(batch.rows), hi);
    } else if (k == Kind::kBool) {
      std::vector<int64_t> flip(col.size());
      for (size_t i = 0; i < col.size(); ++i) flip[i] = !col[i];
      columns.push_back(std::move(flip));
    }
    for (auto& c : columns) {
      Batch variant = batch;
      variant.scalars[s] = c;
      compare(variant, [&](int32_t r) {
        return slot.name + ": " + show(k, col[static_cast<size_t>(r)]) + " -> " + show(k, c[static_cast<size_t>(r)]);
      });
    }
  }
  for (size_t l = 0; l < L.lists.size(); ++l) {
    const auto& slot = L.lists[l];
    if (!p_.doc().inputs[static_cast<size_t>(slot.input)].restricted) continue;
    Batch variant = batch;
    ListColumn& lc = variant.lists[l];
    lc.offsets.assign(static_cast<size_t>(batch.rows) + 1, 0);
    lc.parent.clear();
    for (auto& e : lc.elements) e.clear();
    compare(variant, [&](int32_t) { return slot.name + ": emptied"; });
  }
}

}  // namespace jincai::policy
