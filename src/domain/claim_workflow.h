// Entitlement claims (SPEC §5.3): each entitlement a card grants becomes a claim with
// its own small state machine and responsible party. Pure: which action may move a
// claim of which entitlement from which state, by whom. The service records it.
//
//   residence_choice:  open --choose--> chosen --choose--> chosen --issue_letter--> letter_issued
//   residence_permit_5y, permanent_residence_priority: open --issue_letter--> letter_issued
//   turnover_housing:  open --assign--> assigned --occupy--> occupied --release--> released
//                      assigned --release--> open  (the flat goes back to the inventory)
//   school_choice:     open|ranked|placed|unplaced --rank--> ranked --place--> placed|unplaced
//   spouse_allowance, spouse_social_insurance:
//                      active --spouse_employed--> suspended --spouse_unemployed--> active
//   any state that is not final --withdraw (talent)--> withdrawn; --close (system)--> closed
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/roles.h"

namespace jincai::domain {

// What kind of work a claim needs; several entitlements share one.
enum class ClaimKind { kResidence, kLetter, kHousing, kSchool, kAllowance };

struct ClaimEntitlement {
  std::string_view id;           // the policy's entitlement id
  ClaimKind kind;
  std::string_view responsible;  // "office" or "employer"
  std::string_view first_state;  // where a new claim starts
  std::string_view zh, en;       // labels
};

// The entitlements that become claims, in a fixed order.
const std::vector<ClaimEntitlement>& ClaimEntitlements();
const ClaimEntitlement* FindClaimEntitlement(std::string_view id);

// Who may take a claim action: the talent who holds the card, the employer that
// carries the obligation, the office, or the platform itself.
enum class ClaimParty { kTalent, kEmployer, kOffice, kSystem };
std::optional<ClaimParty> PartyOf(Role role);

struct ClaimTransition {
  ClaimKind kind;
  std::string_view from, action, to;
  std::vector<ClaimParty> parties;
};
const std::vector<ClaimTransition>& ClaimTransitions();

// Every action name, for error messages ("choose, issue_letter, ...").
const std::vector<std::string_view>& ClaimActionNames();
bool FinalClaimState(std::string_view state);

// The state after `action`, or why not: NotFound for an unknown action; Conflict when
// it does not apply to this entitlement or in this state; Forbidden when the party
// may not take it. "withdraw" and "close" apply to every kind in a non-final state;
// `place` may end in "placed" or "unplaced": the caller names which in `to_hint`.
Result<std::string> NextClaimState(const ClaimEntitlement& e, std::string_view state, std::string_view action,
                                   ClaimParty party, std::string_view to_hint = {});

// The actions `party` may take now on this claim alone (for the web UI's buttons):
// `place` is not among them, since placement runs over every ranked child at once.
std::vector<std::string> AvailableClaimActions(const ClaimEntitlement& e, std::string_view state, ClaimParty party);

}  // namespace jincai::domain
