// A policy ready to evaluate: the program plus, for each criterion, tier and
// entitlement, the instruction that computes it. Immutable once built, except for
// parameter overrides applied before evaluation (a reform given as --set).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "policy/check/checked_policy.h"
#include "policy/compile/program.h"

namespace jincai::policy {

struct CompiledEntitlement {
  int32_t when = -1;      // -1 = always
  int32_t monthly = -1;   // -1 = no amount
  std::vector<int32_t> amounts;
  std::vector<int32_t> details;
  int32_t list_slot = -1; // for_each list, or -1
};

struct CompiledPolicy {
  std::shared_ptr<const CheckedPolicy> checked;
  Program program;
  std::vector<int32_t> criterion_when;    // -1 = always
  std::vector<int32_t> criterion_points;
  std::vector<int32_t> criterion_term;    // when ? points : 0
  int32_t points[4] = {-1, -1, -1, -1};  // per dimension, then total
  std::vector<int32_t> tier_when;         // -1 = always
  std::vector<CompiledEntitlement> entitlements;
  std::vector<int32_t> formula_instr;
  std::unordered_map<const CExpr*, int32_t> instr_of;  // rows-domain instruction of a node
  std::vector<ParameterSpec> parameters;  // the policy's, with overrides applied

  const PolicyDocument& doc() const { return *checked->doc; }
  const BatchLayout& layout() const { return checked->layout; }
  StringPool& pool() const { return *checked->pool; }
};

std::shared_ptr<CompiledPolicy> Compile(std::shared_ptr<const CheckedPolicy> checked);

// Replaces a parameter's dated values by one value for all dates. The text is parsed
// as the parameter's type ("0.8", "5000", "5000 CNY", "true", "2020-01-01", a string).
Status OverrideParameter(CompiledPolicy& policy, const std::string& name, const std::string& text);

}  // namespace jincai::policy
