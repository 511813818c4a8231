// The claims' state machines (see claim_workflow.h).
#include "domain/claim_workflow.h"

#include <algorithm>

namespace jincai::domain {
namespace {

using K = ClaimKind;
using P = ClaimParty;

bool Has(const std::vector<P>& v, P p) { return std::find(v.begin(), v.end(), p) != v.end(); }

}  // namespace

const std::vector<ClaimEntitlement>& ClaimEntitlements() {
  static const std::vector<ClaimEntitlement> kAll = {
      {"residence_choice", K::kResidence, "office", "open", "自主选择落户地", "Residence of choice"},
      {"turnover_housing", K::kHousing, "employer", "open", "人才周转房", "Turnover housing"},
      {"school_choice", K::kSchool, "office", "open", "子女自主择校", "Children's school of choice"},
      {"spouse_allowance", K::kAllowance, "employer", "active", "配偶生活补贴", "Spouse living allowance"},
      {"spouse_social_insurance", K::kAllowance, "employer", "active", "配偶社会保险", "Spouse social insurance"},
      {"residence_permit_5y", K::kLetter, "office", "open", "五年期居留许可", "Five-year residence permit"},
      {"permanent_residence_priority", K::kLetter, "office", "open", "优先办理永久居留",
       "Priority for permanent residence"},
  };
  return kAll;
}

const ClaimEntitlement* FindClaimEntitlement(std::string_view id) {
  for (const auto& e : ClaimEntitlements())
    if (e.id == id) return &e;
  return nullptr;
}

std::optional<ClaimParty> PartyOf(Role role) {
  switch (role) {
    case Role::kTalent: return P::kTalent;
    case Role::kEmployerAdmin:
    case Role::kEmployerStaff: return P::kEmployer;
    case Role::kOfficer:
    case Role::kAdmin: return P::kOffice;
    case Role::kSystem: return P::kSystem;
    default: return std::nullopt;
  }
}

const std::vector<ClaimTransition>& ClaimTransitions() {
  static const std::vector<ClaimTransition> kAll = {
      {K::kResidence, "open", "choose", "chosen", {P::kTalent}},
      {K::kResidence, "chosen", "choose", "chosen", {P::kTalent}},
      {K::kResidence, "chosen", "issue_letter", "letter_issued", {P::kOffice}},
      {K::kLetter, "open", "issue_letter", "letter_issued", {P::kOffice}},
      {K::kHousing, "open", "assign", "assigned", {P::kEmployer}},
      {K::kHousing, "assigned", "occupy", "occupied", {P::kEmployer, P::kTalent}},
      {K::kHousing, "assigned", "release", "open", {P::kEmployer}},
      {K::kHousing, "occupied", "release", "released", {P::kEmployer, P::kTalent}},
      {K::kSchool, "open", "rank", "ranked", {P::kTalent}},
      {K::kSchool, "ranked", "rank", "ranked", {P::kTalent}},
      {K::kSchool, "placed", "rank", "ranked", {P::kTalent}},
      {K::kSchool, "unplaced", "rank", "ranked", {P::kTalent}},
      {K::kSchool, "ranked", "place", "placed", {P::kOffice, P::kSystem}},
      {K::kSchool, "ranked", "place", "unplaced", {P::kOffice, P::kSystem}},
      {K::kSchool, "placed", "place", "placed", {P::kOffice, P::kSystem}},
      {K::kSchool, "placed", "place", "unplaced", {P::kOffice, P::kSystem}},
      {K::kSchool, "unplaced", "place", "placed", {P::kOffice, P::kSystem}},
      {K::kSchool, "unplaced", "place", "unplaced", {P::kOffice, P::kSystem}},
      {K::kAllowance, "active", "spouse_employed", "suspended", {P::kTalent, P::kEmployer}},
      {K::kAllowance, "suspended", "spouse_unemployed", "active", {P::kTalent, P::kEmployer}},
  };
  return kAll;
}

const std::vector<std::string_view>& ClaimActionNames() {
  static const std::vector<std::string_view> kAll = {"choose", "issue_letter", "assign", "occupy", "release", "rank",
                                                     "place", "spouse_employed", "spouse_unemployed", "withdraw",
                                                     "close"};
  return kAll;
}

bool FinalClaimState(std::string_view s) {
  return s == "letter_issued" || s == "released" || s == "withdrawn" || s == "closed";
}

Result<std::string> NextClaimState(const ClaimEntitlement& e, std::string_view state, std::string_view action,
                                   ClaimParty party, std::string_view to_hint) {
  const auto& names = ClaimActionNames();
  if (std::find(names.begin(), names.end(), action) == names.end()) {
    std::string list;
    for (auto n : names) list += (list.empty() ? "" : ", ") + std::string(n);
    return Status::NotFound("no claim action '" + std::string(action) + "': " + list)
        .Zh("不存在待遇申领操作“" + std::string(action) + "”");
  }
  const std::string what = std::string(action) + " a " + std::string(e.id) + " claim that is " + std::string(state);
  if (action == "withdraw" || action == "close") {
    const P who = action == "withdraw" ? P::kTalent : P::kSystem;
    if (party != who)
      return Status::Forbidden(action == "withdraw" ? "only the card holder withdraws a claim"
                                                    : "claims close only when their card ends")
          .Zh(action == "withdraw" ? "只有持卡人可以撤回待遇申领" : "待遇申领仅在绿卡终止时关闭");
    if (FinalClaimState(state)) return Status::Conflict("cannot " + what).Zh("该待遇申领已结束，不能再操作");
    return std::string(action == "withdraw" ? "withdrawn" : "closed");
  }
  bool action_applies = false, party_allowed = false;
  for (const auto& t : ClaimTransitions()) {
    if (t.kind != e.kind || t.action != action) continue;
    action_applies = true;
    if (!Has(t.parties, party)) continue;
    party_allowed = true;
    if (t.from == state && (to_hint.empty() || t.to == to_hint)) return std::string(t.to);
  }
  if (!action_applies)
    return Status::Conflict("a " + std::string(e.id) + " claim has no action '" + std::string(action) + "'")
        .Zh("该类待遇申领没有“" + std::string(action) + "”操作");
  if (!party_allowed)
    return Status::Forbidden("this role may not " + std::string(action) + " a " + std::string(e.id) + " claim")
        .Zh("该角色无权对此待遇申领执行“" + std::string(action) + "”");
  return Status::Conflict("cannot " + what).Zh("待遇申领当前状态（" + std::string(state) + "）不允许该操作");
}

std::vector<std::string> AvailableClaimActions(const ClaimEntitlement& e, std::string_view state, ClaimParty party) {
  std::vector<std::string> out;
  for (const auto& t : ClaimTransitions())
    if (t.kind == e.kind && t.from == state && Has(t.parties, party) && t.action != "place" &&
        std::find(out.begin(), out.end(), t.action) == out.end())
      out.emplace_back(t.action);
  if (party == P::kTalent && !FinalClaimState(state)) out.emplace_back("withdraw");
  return out;
}

}  // namespace jincai::domain
