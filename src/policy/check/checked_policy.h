// The result of checking a policy: typed expression trees for every formula,
// criterion, tier and entitlement, the input layout, the interned strings, and the
// diagnostics. A CheckedPolicy with errors must not be compiled.
#pragma once

#include <memory>
#include <vector>

#include "policy/check/checked_expr.h"
#include "policy/eval/batch.h"
#include "policy/model/policy.h"
#include "policy/string_pool.h"
#include "policy/syntax/source.h"

namespace jincai::policy {

struct CheckedEntitlement {
  std::unique_ptr<CExpr> when;     // null = always
  std::unique_ptr<CExpr> monthly;  // null = no amount
  std::vector<std::unique_ptr<CExpr>> amounts;  // parallel to spec.amounts
  std::vector<std::unique_ptr<CExpr>> details;  // parallel to spec.details
  int list_slot = -1;              // for_each list, or -1
};

struct CheckedPolicy {
  std::shared_ptr<const PolicyDocument> doc;
  BatchLayout layout;
  std::shared_ptr<StringPool> pool;           // shared with readers of this policy's data
  std::vector<std::unique_ptr<CExpr>> formulas;                 // per doc->formulas
  std::vector<std::unique_ptr<CExpr>> criterion_when;           // per doc->criteria (null = always)
  std::vector<std::unique_ptr<CExpr>> criterion_points;
  std::vector<std::unique_ptr<CExpr>> tier_when;                // per doc->tiers
  std::vector<std::vector<int64_t>> tier_engagement;            // interned modes per tier
  std::vector<int64_t> tier_ids;                                // interned tier ids (read by `tier`)
  std::vector<CheckedEntitlement> entitlements;                 // per doc->entitlements
  std::vector<std::vector<int>> entitlement_tiers;              // tier indexes per entitlement
  int engagement_slot = -1;                                     // scalar slot, or -1
  std::vector<int> formula_order;                               // dependencies first
};

}  // namespace jincai::policy
