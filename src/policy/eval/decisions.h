// Decisions for a batch of dossiers, in columns: tier, points, errors, and the
// entitlements granted (with amounts). Produced by Evaluator; read by the writers,
// the simulator and the fairness check.
#pragma once

#include <cstdint>
#include <vector>

#include "policy/compile/program.h"

namespace jincai::policy {

struct Grant {
  int32_t row = 0;
  int32_t entitlement = 0;   // index into the policy's entitlements
  int32_t element = -1;      // for_each element index within the row's list, or -1
  int64_t monthly = 0;       // fen
  bool has_monthly = false;
  uint32_t amounts_at = 0;   // first of the entitlement's amounts, then details, in Decisions::amounts
};

struct Decisions {
  int32_t rows = 0;
  std::vector<int32_t> tier;             // index into the policy's tiers, or -1
  std::vector<int64_t> points[4];        // ability, performance, contribution, total (scaled)
  std::vector<EvalError> error;          // kNone when the row evaluated cleanly
  std::vector<int32_t> error_instr;
  std::vector<Grant> grants;             // by entitlement, then row, then element
  std::vector<int64_t> amounts;          // per grant: its amounts (fen), then its details (encoded)

  // Grants of each row in row order: grants[order[k]] for k in [row_start[r], row_start[r+1]).
  void IndexByRow(std::vector<uint32_t>* order, std::vector<uint32_t>* row_start) const;
};

}  // namespace jincai::policy
