// The application state machine, exhaustively: every (state, action, role) triple is
// either the one transition the table allows or a precise refusal that changes nothing.
#include "domain/application_workflow.h"

#include <gtest/gtest.h>

namespace jincai::domain {
namespace {

const std::vector<Role> kRoles = {Role::kTalent, Role::kEmployerAdmin, Role::kEmployerStaff, Role::kOfficer,
                                  Role::kPolicyAnalyst, Role::kAdmin, Role::kSystem};

TEST(ApplicationWorkflow, TheHappyPath) {
  auto s = ApplicationState::kDraft;
  s = NextApplicationState(s, ApplicationAction::kSubmit, Role::kTalent).value();
  s = NextApplicationState(s, ApplicationAction::kEndorse, Role::kEmployerStaff).value();
  s = NextApplicationState(s, ApplicationAction::kEvaluate, Role::kSystem).value();
  s = NextApplicationState(s, ApplicationAction::kApprove, Role::kOfficer).value();
  s = NextApplicationState(s, ApplicationAction::kIssue, Role::kOfficer).value();
  EXPECT_EQ(s, ApplicationState::kIssued);
  EXPECT_EQ(NextApplicationState(s, ApplicationAction::kRenew, Role::kOfficer).value(), ApplicationState::kIssued);
}

TEST(ApplicationWorkflow, ReturnAndResubmit) {
  auto r = NextApplicationState(ApplicationState::kSubmitted, ApplicationAction::kReturn, Role::kEmployerAdmin, "missing patent list");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value(), ApplicationState::kReturned);
  EXPECT_EQ(NextApplicationState(ApplicationState::kReturned, ApplicationAction::kSubmit, Role::kTalent).value(),
            ApplicationState::kSubmitted);
}

TEST(ApplicationWorkflow, RefusalsSayWhy) {
  auto conflict = NextApplicationState(ApplicationState::kDraft, ApplicationAction::kEndorse, Role::kEmployerAdmin);
  EXPECT_EQ(conflict.status().code(), Code::kConflict);
  EXPECT_EQ(conflict.status().message(), "cannot endorse an application that is draft");
  auto forbidden = NextApplicationState(ApplicationState::kEvaluated, ApplicationAction::kApprove, Role::kTalent);
  EXPECT_EQ(forbidden.status().code(), Code::kForbidden);
  EXPECT_EQ(forbidden.status().message(), "a talent may not approve an application");
  auto reason = NextApplicationState(ApplicationState::kIssued, ApplicationAction::kRevoke, Role::kOfficer, "  ");
  EXPECT_EQ(reason.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(reason.status().message(), "a reason is required to revoke an application");
  auto system_only = NextApplicationState(ApplicationState::kIssued, ApplicationAction::kExpire, Role::kOfficer);
  EXPECT_EQ(system_only.status().code(), Code::kForbidden);
}

TEST(ApplicationWorkflow, EveryTripleIsTheTableOrARefusal) {
  int allowed = 0;
  for (auto s : AllStates()) {
    for (auto a : AllActions()) {
      for (auto role : kRoles) {
        auto r = NextApplicationState(s, a, role, "because");
        const ApplicationTransition* t = nullptr;
        for (const auto& x : ApplicationTransitions())
          if (x.from == s && x.action == a) t = &x;
        bool may = t && std::find(t->roles.begin(), t->roles.end(), role) != t->roles.end();
        EXPECT_EQ(r.ok(), may) << StateName(s) << " " << ActionName(a) << " " << RoleName(role);
        if (r.ok()) {
          EXPECT_EQ(r.value(), t->to);
          ++allowed;
          auto actions = AvailableActions(s, role);
          EXPECT_NE(std::find(actions.begin(), actions.end(), a), actions.end());
        }
      }
    }
  }
  EXPECT_GT(allowed, 15);
}

TEST(ApplicationWorkflow, TerminalStatesAllowNothing) {
  for (auto s : {ApplicationState::kRejected, ApplicationState::kRevoked, ApplicationState::kExpired, ApplicationState::kWithdrawn})
    for (auto role : kRoles) EXPECT_TRUE(AvailableActions(s, role).empty()) << StateName(s);
}

TEST(ApplicationWorkflow, NamesRoundTrip) {
  for (auto s : AllStates()) EXPECT_EQ(ParseState(StateName(s)), s);
  for (auto a : AllActions()) EXPECT_EQ(ParseAction(ActionName(a)), a);
  for (auto r : kRoles) EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_FALSE(ParseState("approved ").has_value());
}

}  // namespace
}  // namespace jincai::domain
