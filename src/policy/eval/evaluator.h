// Makes decisions: runs a compiled policy over a batch (points, then tier, then
// entitlements) and fills Decisions. The same code serves one dossier (the API,
// explanations) and a population (simulation), chunk by chunk.
// Not thread-safe; create one Evaluator per thread over a shared CompiledPolicy.
#pragma once

#include "policy/eval/decisions.h"
#include "policy/eval/vm.h"

namespace jincai::policy {

// Rows per batch. A batch streamed from a file is handed from the reading thread to the
// deciding one while still in cache, which holds 1024 rows of it. A population kept in
// memory (the simulator's) is cut in batches of 4096: each instruction run has fixed
// costs, paid a quarter as often. Any batch size decides the same.
constexpr int32_t kStreamRows = 1024;
constexpr int32_t kMemoryRows = 4096;

class Evaluator {
 public:
  explicit Evaluator(const CompiledPolicy& policy);
  // Fails when a parameter has no value on the date.
  Status SetDate(int32_t as_of);
  // REQUIRES: SetDate succeeded. Replaces `out`.
  void Evaluate(const Batch& batch, Decisions* out);
  // The interpreter, bound to the last batch: for traces.
  Vm& vm() { return vm_; }
  const CompiledPolicy& policy() const { return policy_; }

 private:
  const CompiledPolicy& policy_;
  Vm vm_;
  std::vector<int64_t> tier_ids_;
  std::vector<int64_t> covered_;  // a tier's engagement test when it lists over four modes
  std::vector<int32_t> sel_, next_, elems_;
  std::vector<uint8_t> grants_tier_;
  std::vector<Vm::Col> extra_;  // an entitlement's amounts and details
};

}  // namespace jincai::policy
