// The transition table is the single source of truth; names, checks and the list of
// available actions all read it.
#include "domain/application_workflow.h"

#include <algorithm>

namespace jincai::domain {
namespace {

using S = ApplicationState;
using A = ApplicationAction;
using R = Role;

constexpr std::string_view kStateNames[] = {"draft", "submitted", "returned", "endorsed", "evaluated", "approved",
                                            "rejected", "issued", "revoked", "expired", "withdrawn"};
constexpr std::string_view kActionNames[] = {"submit", "return", "endorse", "evaluate", "approve", "reject",
                                             "issue", "renew", "revoke", "expire", "withdraw"};
constexpr std::string_view kStateNamesZh[] = {"草稿", "已提交", "已退回", "单位已推荐", "已评估", "已批准",
                                              "未通过", "已发卡", "已撤销", "已过期", "已撤回"};
constexpr std::string_view kActionNamesZh[] = {"提交", "退回", "推荐", "评估", "批准", "驳回",
                                               "发卡", "续期", "撤销", "到期", "撤回"};
constexpr std::string_view kRoleNamesZh[] = {"人才", "单位管理员", "单位经办人", "经办人员", "政策分析员", "系统管理员", "系统"};
constexpr std::string_view kRoleNames[] = {"talent", "employer_admin", "employer_staff", "officer",
                                           "policy_analyst", "admin", "system"};

bool Blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

std::string_view RoleName(Role r) { return kRoleNames[static_cast<int>(r)]; }
std::optional<Role> ParseRole(std::string_view s) {
  for (int i = 0; i < 7; ++i) if (kRoleNames[i] == s) return static_cast<Role>(i);
  return std::nullopt;
}

std::string_view StateName(ApplicationState s) { return kStateNames[static_cast<int>(s)]; }
std::string_view ActionName(ApplicationAction a) { return kActionNames[static_cast<int>(a)]; }
std::string_view StateNameZh(ApplicationState s) { return kStateNamesZh[static_cast<int>(s)]; }
std::string_view ActionNameZh(ApplicationAction a) { return kActionNamesZh[static_cast<int>(a)]; }
std::string_view RoleNameZh(Role r) { return kRoleNamesZh[static_cast<int>(r)]; }

std::optional<ApplicationState> ParseState(std::string_view s) {
  for (int i = 0; i < 11; ++i) if (kStateNames[i] == s) return static_cast<S>(i);
  return std::nullopt;
}

std::optional<ApplicationAction> ParseAction(std::string_view s) {
  for (int i = 0; i < 11; ++i) if (kActionNames[i] == s) return static_cast<A>(i);
  return std::nullopt;
}

const std::vector<ApplicationState>& AllStates() {
  static const std::vector<S> all = {S::kDraft, S::kSubmitted, S::kReturned, S::kEndorsed, S::kEvaluated, S::kApproved,
                                     S::kRejected, S::kIssued, S::kRevoked, S::kExpired, S::kWithdrawn};
  return all;
}

const std::vector<ApplicationAction>& AllActions() {
  static const std::vector<A> all = {A::kSubmit, A::kReturn, A::kEndorse, A::kEvaluate, A::kApprove, A::kReject,
                                     A::kIssue, A::kRenew, A::kRevoke, A::kExpire, A::kWithdraw};
  return all;
}

const std::vector<ApplicationTransition>& ApplicationTransitions() {
  static const std::vector<ApplicationTransition> table = {
      {S::kDraft, A::kSubmit, S::kSubmitted, {R::kTalent}},
      {S::kReturned, A::kSubmit, S::kSubmitted, {R::kTalent}},
      // Employer autonomy: the employer endorses its own talents, or returns with a reason.
      {S::kSubmitted, A::kEndorse, S::kEndorsed, {R::kEmployerAdmin, R::kEmployerStaff}},
      {S::kSubmitted, A::kReturn, S::kReturned, {R::kEmployerAdmin, R::kEmployerStaff}, true},
      // The engine evaluates with the policy in force on the submission date.
      {S::kEndorsed, A::kEvaluate, S::kEvaluated, {R::kSystem, R::kOfficer}},
      // An officer decides; the system approves when the policy allows auto-approval.
      {S::kEvaluated, A::kApprove, S::kApproved, {R::kOfficer, R::kSystem}},
      {S::kEvaluated, A::kReject, S::kRejected, {R::kOfficer}, true},
      {S::kApproved, A::kIssue, S::kIssued, {R::kOfficer, R::kSystem}},
      {S::kIssued, A::kRenew, S::kIssued, {R::kOfficer}},
      {S::kIssued, A::kRevoke, S::kRevoked, {R::kOfficer}, true},
      {S::kIssued, A::kExpire, S::kExpired, {R::kSystem}},
      {S::kDraft, A::kWithdraw, S::kWithdrawn, {R::kTalent}},
      {S::kSubmitted, A::kWithdraw, S::kWithdrawn, {R::kTalent}},
      {S::kReturned, A::kWithdraw, S::kWithdrawn, {R::kTalent}},
  };
  return table;
}

Result<ApplicationState> NextApplicationState(ApplicationState from, ApplicationAction action, Role role,
                                              std::string_view reason) {
  const ApplicationTransition* match = nullptr;
  bool role_ever_allowed = false;
  for (const auto& t : ApplicationTransitions()) {
    if (t.action != action) continue;
    bool allowed = std::find(t.roles.begin(), t.roles.end(), role) != t.roles.end();
    role_ever_allowed |= allowed;
    if (t.from == from) match = &t;
  }
  const std::string act(ActionName(action)), act_zh(ActionNameZh(action));
  const std::string state(StateName(from)), state_zh(StateNameZh(from));
  const std::string role_en(RoleName(role)), role_zh(RoleNameZh(role));
  if (!role_ever_allowed)
    return Status::Forbidden("a " + role_en + " may not " + act + " an application").Zh(role_zh + "无权" + act_zh + "申请");
  if (!match)
    return Status::Conflict("cannot " + act + " an application that is " + state)
        .Zh("申请当前为“" + state_zh + "”状态，不能" + act_zh);
  if (std::find(match->roles.begin(), match->roles.end(), role) == match->roles.end())
    return Status::Forbidden("a " + role_en + " may not " + act + " an application that is " + state)
        .Zh(role_zh + "无权" + act_zh + "“" + state_zh + "”状态的申请");
  if (match->needs_reason && Blank(reason))
    return Status::InvalidArgument("a reason is required to " + act + " an application")
        .Field("reason")
        .Zh(act_zh + "申请须填写理由");
  return match->to;
}

std::vector<ApplicationAction> AvailableActions(ApplicationState from, Role role) {
  std::vector<ApplicationAction> out;
  for (const auto& t : ApplicationTransitions())
    if (t.from == from && std::find(t.roles.begin(), t.roles.end(), role) != t.roles.end()) out.push_back(t.action);
  return out;
}

}  // namespace jincai::domain
