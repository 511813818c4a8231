// The fairness check (SPEC §3.3): decide a population, then the same population with
// only restricted fields changed, and report every decision that moved. Changes
// tried per restricted input: every allowed value (strings), zero and a large value
// (numbers), the value of the next dossier (all kinds), an empty list (lists).
#pragma once

#include <string>
#include <vector>

#include "policy/compile/compiled_policy.h"

namespace jincai::policy {

struct MovedDecision {
  std::string id;
  std::string change;   // "education: master -> none"
  std::string before, after;  // decision digests
};

struct FairnessReport {
  int64_t dossiers = 0;
  int64_t variants = 0;        // evaluations of changed dossiers
  int64_t moved = 0;           // (dossier, change) pairs whose decision moved
  std::vector<std::string> restricted;  // the restricted inputs tried
  std::vector<MovedDecision> examples;  // the first ones
};

class FairnessCheck {
 public:
  explicit FairnessCheck(const CompiledPolicy& policy, int32_t as_of, size_t max_examples = 20);
  Status status() const { return status_; }
  void Add(const Batch& batch);
  const FairnessReport& report() const { return report_; }

 private:
  const CompiledPolicy& p_;
  int32_t as_of_;
  size_t max_examples_;
  Status status_;
  std::vector<std::vector<int64_t>> values_;  // per scalar slot: its allowed values, interned
  FairnessReport report_;
};

}  // namespace jincai::policy
