// The green-card application's state machine (SPEC §5.1): which action may move an
// application from which state, by whom, and whether a reason is required. Pure:
// the store records the result with its audit entry; this only decides.
//
//   draft --submit--> submitted --endorse--> endorsed --evaluate--> evaluated
//   submitted --return--> returned --submit--> submitted
//   evaluated --approve--> approved --issue--> issued --renew--> issued
//   evaluated --reject--> rejected      issued --revoke--> revoked
//   issued --expire--> expired          draft|submitted|returned --withdraw--> withdrawn
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/roles.h"

namespace jincai::domain {

enum class ApplicationState { kDraft, kSubmitted, kReturned, kEndorsed, kEvaluated, kApproved, kRejected,
                              kIssued, kRevoked, kExpired, kWithdrawn };
enum class ApplicationAction { kSubmit, kReturn, kEndorse, kEvaluate, kApprove, kReject, kIssue, kRenew,
                               kRevoke, kExpire, kWithdraw };

std::string_view StateName(ApplicationState s);     // "draft", "submitted", ...
std::string_view ActionName(ApplicationAction a);   // "submit", "return", ...
std::string_view StateNameZh(ApplicationState s);  // "草稿", ...
std::string_view ActionNameZh(ApplicationAction a);
std::optional<ApplicationState> ParseState(std::string_view s);
std::optional<ApplicationAction> ParseAction(std::string_view s);
const std::vector<ApplicationState>& AllStates();
const std::vector<ApplicationAction>& AllActions();

// One allowed move.
struct ApplicationTransition {
  ApplicationState from;
  ApplicationAction action;
  ApplicationState to;
  std::vector<Role> roles;   // who may take it
  bool needs_reason = false; // return, reject, revoke: the applicant must be told why
};

const std::vector<ApplicationTransition>& ApplicationTransitions();

// The state after `action`, or why not:
//  - Conflict: the action does not apply in this state ("cannot endorse an application
//    that is draft"): an illegal transition changes nothing (HTTP 409).
//  - Forbidden: the role may not take this action.
//  - InvalidArgument: a reason is required and `reason` is blank.
// Checks run in that order, so a forbidden request on a wrong state says Conflict
// only when the role could take the action in some state.
Result<ApplicationState> NextApplicationState(ApplicationState from, ApplicationAction action, Role role,
                                              std::string_view reason = {});

// Actions the role may take now (for the web UI's buttons).
std::vector<ApplicationAction> AvailableActions(ApplicationState from, Role role);

}  // namespace jincai::domain
