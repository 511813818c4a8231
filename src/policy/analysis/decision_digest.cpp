// Digest layout: "tier|id:element:monthly:amounts;...|points". Grants are sorted by
// entitlement id so that two policies listing entitlements in another order agree.
#include "policy/analysis/decision_digest.h"

#include <algorithm>

namespace jincai::policy {

std::string DecisionDigest(const CompiledPolicy& p, const Decisions& d, int32_t row, const std::vector<uint32_t>& order,
                           const std::vector<uint32_t>& row_start, bool with_points) {
  const PolicyDocument& doc = p.doc();
  int32_t t = d.tier[static_cast<size_t>(row)];
  std::string out = t < 0 ? std::string("-") : doc.tiers[static_cast<size_t>(t)].id;
  if (d.error[static_cast<size_t>(row)] != EvalError::kNone) out += "!error";
  std::vector<std::string> grants;
  for (uint32_t k = row_start[static_cast<size_t>(row)]; k < row_start[static_cast<size_t>(row) + 1]; ++k) {
    const Grant& g = d.grants[order[k]];
    const EntitlementSpec& es = doc.entitlements[static_cast<size_t>(g.entitlement)];
    std::string s = es.id + ":" + std::to_string(g.element) + ":" + (g.has_monthly ? std::to_string(g.monthly) : "");
    for (size_t a = 0; a < es.amounts.size(); ++a) s += ":" + es.amounts[a].first + "=" + std::to_string(d.amounts[g.amounts_at + a]);
    for (size_t a = 0; a < es.details.size(); ++a)
      s += ":" + es.details[a].first + "=" + std::to_string(d.amounts[g.amounts_at + es.amounts.size() + a]);
    grants.push_back(std::move(s));
  }
  std::sort(grants.begin(), grants.end());
  out += '|';
  for (const auto& g : grants) out += g + ';';
  if (with_points) {
    out += '|';
    for (int k = 0; k < 4; ++k) out += std::to_string(d.points[k][static_cast<size_t>(row)]) + ',';
  }
  return out;
}

}  // namespace jincai::policy
