// Simulation of a reform (SPEC §3.4): the same population decided under a base and a
// reform policy; counts per tier, the transition matrix, entitlement counts and
// monthly and yearly cost by payer, and how many decisions changed.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "policy/compile/compiled_policy.h"
#include "policy/eval/evaluator.h"

namespace jincai::policy {

struct SimulationReport {
  std::vector<std::string> base_tiers, reform_tiers;  // ids, then "none"
  std::vector<int64_t> base_counts, reform_counts;    // per tier, then none
  std::vector<std::vector<int64_t>> transition;       // [base tier][reform tier]
  struct Entitlement {
    std::string id, payer;
    int64_t base_count = 0, reform_count = 0;
    int64_t base_monthly = 0, reform_monthly = 0;     // fen, summed
  };
  std::vector<Entitlement> entitlements;
  std::map<std::string, std::pair<int64_t, int64_t>> monthly_by_payer;  // payer -> (base, reform) fen
  int64_t dossiers = 0, changed = 0, tier_changed = 0, base_errors = 0, reform_errors = 0;

  std::string Table() const;
  std::string Json() const;
  std::string Csv() const;
  // Bars per tier (base beside reform) and monthly cost by payer.
  std::string ChartSvg(const std::string& title) const;
};

class Simulation {
 public:
  // REQUIRES: both policies read the batches given to Add (same pool and inputs;
  // see ReformReadsBase). Fails when a parameter has no value on the date.
  static Result<std::unique_ptr<Simulation>> Create(const CompiledPolicy& base, const CompiledPolicy& reform, int32_t as_of);
  void Add(const Batch& batch);
  const SimulationReport& report() const { return report_; }

 private:
  Simulation(const CompiledPolicy& base, const CompiledPolicy& reform);
  const CompiledPolicy& base_;
  const CompiledPolicy& reform_;
  Evaluator base_ev_, reform_ev_;
  Decisions bd_, rd_;
  std::vector<uint32_t> bo_, bs_, ro_, rs_;
  std::vector<int> base_ent_, reform_ent_;  // entitlement index -> report row
  SimulationReport report_;
};

// Empty when the reform declares the same inputs (names, types, order) as the base;
// otherwise what differs, for the error message.
std::string ReformReadsBase(const CompiledPolicy& base, const CompiledPolicy& reform);

}  // namespace jincai::policy
