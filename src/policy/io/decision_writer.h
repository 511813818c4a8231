// Writes decisions as JSON Lines (one object per dossier) or as a table for people.
// The JSON shape is documented in docs/policy-language.md ("How a decision is made").
#pragma once

#include <functional>
#include <string>

#include "policy/compile/compiled_policy.h"
#include "policy/eval/batch.h"
#include "policy/eval/decisions.h"

namespace jincai::policy {

enum class DecisionFormat { kJsonl, kTable };

class DecisionWriter {
 public:
  // extra(row, out): appends further members (",\"trace\":...") to a row's object.
  using Extra = std::function<void(int32_t row, std::string& out)>;
  DecisionWriter(const CompiledPolicy& policy, DecisionFormat format) : policy_(policy), format_(format) {}
  void WriteBatch(const Batch& batch, const Decisions& d, std::string& out, const Extra& extra = nullptr);
  // The table's header line (empty for JSON Lines).
  std::string Header() const;

 private:
  void Json(const Batch& batch, const Decisions& d, int32_t row, const uint32_t* g, const uint32_t* end,
            std::string& out, const Extra& extra);
  void Table(const Batch& batch, const Decisions& d, int32_t row, const uint32_t* g, const uint32_t* end, std::string& out);

  const CompiledPolicy& policy_;
  DecisionFormat format_;
  std::vector<uint32_t> order_, row_start_;
};

// "division by zero in criterion 'x' (a / b)": what failed and where.
std::string DescribeEvalError(const CompiledPolicy& policy, EvalError e, int32_t instr);

}  // namespace jincai::policy
