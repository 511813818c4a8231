// The application workflow on the store (see applications.h).
#include "service/applications.h"

#include "policy/value.h"
#include "service/audit_trail.h"
#include "service/dossier_evaluation.h"
#include "service/records.h"
#include "store/records/employers_table.h"
#include "store/records/talents_table.h"

namespace jincai::service {
namespace {

using domain::ApplicationAction;
using domain::ApplicationState;
using domain::Role;

// States in which a talent may not open another application.
bool Open(const std::string& state) {
  return state != "rejected" && state != "withdrawn" && state != "revoked" && state != "expired";
}


}  // namespace

Status ApplicationNotFound(int64_t id) {
  return Status::NotFound("no application " + std::to_string(id)).Zh("不存在申请 " + std::to_string(id));
}

Applications::Applications(store::Store& store, PolicyRegistry& policies, Clock clock, Cards* cards, Claims* claims)
    : store_(store), policies_(policies), clock_(std::move(clock)), cards_(cards), claims_(claims) {}

Result<bool> Applications::Visible(store::Tx&, const Actor& by, const store::ApplicationRow& row) {
  if (by.SeesProvince() || by.role == Role::kSystem) return true;
  if (by.role == Role::kTalent) return by.talent_id == row.talent_id;
  // An employer sees what was sent to it, never a talent's draft.
  if (by.IsEmployer()) return by.employer_id && row.employer_id == by.employer_id && row.state != "draft";
  return false;
}

Result<ApplicationView> Applications::View(store::Tx& tx, const Actor& by, store::ApplicationRow row) {
  ApplicationView v;
  auto events = store::ListApplicationEvents(tx, row.id);
  if (!events.ok()) return events.status();
  v.events = std::move(*events);
  if (auto s = domain::ParseState(row.state)) v.actions = domain::AvailableActions(*s, by.role);
  v.row = std::move(row);
  return v;
}

Result<ApplicationView> Applications::Create(const Actor& by, std::optional<int64_t> employer_id) {
  if (by.role != Role::kTalent || !by.talent_id)
    return Status::Forbidden("only talents open applications").Zh("只有人才可以发起申请");
  int64_t now = clock_();
  std::optional<ApplicationView> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto talent = store::FindTalent(tx, *by.talent_id);
    if (!talent.ok()) return talent.status();
    if (!*talent) return TalentNotFound(*by.talent_id);
    store::ApplicationFilter f;
    f.talent_id = *by.talent_id;
    f.limit = 1000;
    auto mine = store::ListApplications(tx, f);
    if (!mine.ok()) return mine.status();
    for (const auto& a : *mine)
      if (Open(a.state))
        return Status::Conflict("application " + std::to_string(a.id) + " is still " + a.state +
                                "; withdraw it or wait for its end before opening another")
            .Zh("申请 " + std::to_string(a.id) + " 仍在进行或有效中，不能再发起新申请");
    store::ApplicationRow row;
    row.talent_id = *by.talent_id;
    row.employer_id = employer_id ? employer_id : (*talent)->employer_id;
    if (auto named = NamedEmployer(tx, row.employer_id); !named.ok()) return named.status();
    row.state = "draft";
    row.dossier = (*talent)->dossier;
    row.created_at = row.updated_at = UtcText(now);
    auto id = store::InsertApplication(tx, row);
    if (!id.ok()) return id.status();
    row.id = *id;
    JINCAI_RETURN_IF_ERROR(store::InsertApplicationEvent(
        tx, {0, row.id, row.created_at, by.user_id, std::string(domain::RoleName(by.role)), "create", "", "draft", ""}));
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "application.create", "application", std::to_string(row.id), "",
                                        CanonicalText(row)));
    auto v = View(tx, by, row);
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Result<ApplicationView> Applications::Get(const Actor& by, int64_t id) {
  std::optional<ApplicationView> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto row = store::FindApplication(tx, id);
    if (!row.ok()) return row.status();
    if (!*row) return ApplicationNotFound(id);
    auto visible = Visible(tx, by, **row);
    if (!visible.ok()) return visible.status();
    if (!*visible) return ApplicationNotFound(id);
    auto v = View(tx, by, **row);
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Result<store::ApplicationRow> Applications::StatusOf(const Actor& by, int64_t id) {
  std::optional<store::ApplicationRow> out;
  JINCAI_RETURN_IF_ERROR(store_.ReadOne([&](store::Tx& tx) -> jincai::Status {
    auto row = store::FindApplicationStatus(tx, id);
    if (!row.ok()) return row.status();
    if (!*row) return ApplicationNotFound(id);
    auto visible = Visible(tx, by, **row);
    if (!visible.ok()) return visible.status();
    if (!*visible) return ApplicationNotFound(id);
    out = std::move(**row);
    return jincai::Status::Ok();
  }));
  return *out;
}

Result<std::vector<store::ApplicationRow>> Applications::List(const Actor& by, const ApplicationQuery& q) {
  store::ApplicationFilter f;
  f.state = q.state;
  f.limit = q.limit;
  f.after_id = q.after_id;
  if (by.SeesProvince()) {
    f.talent_id = q.talent_id;
    if (q.employer_id) f.employer_id = q.employer_id;
  } else if (by.role == Role::kTalent && by.talent_id) {
    f.talent_id = by.talent_id;
  } else if (by.IsEmployer() && by.employer_id) {
    f.employer_id = by.employer_id;
  } else {
    return Status::Forbidden("this role does not see applications").Zh("该角色无权查看申请");
  }
  if (q.state && !domain::ParseState(*q.state))
    return Status::InvalidArgument("state must be one of draft, submitted, returned, endorsed, evaluated, approved, "
                                   "rejected, issued, revoked, expired, withdrawn")
        .Field("state")
        .Zh("state 取值不合法");
  std::vector<store::ApplicationRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto rows = store::ListApplications(tx, f);
    if (!rows.ok()) return rows.status();
    out = std::move(*rows);
    return Status::Ok();
  }));
  for (auto& r : out) r.decision.clear();  // lists stay small; Get has the decision
  return out;
}

Status Applications::Apply(store::Tx& tx, const Actor& by, store::ApplicationRow& row, ApplicationAction action,
                           const std::string& reason, int64_t now) {
  auto from = domain::ParseState(row.state);
  if (!from) return Status::Internal("application " + std::to_string(row.id) + " has an unknown state " + row.state);
  auto next = domain::NextApplicationState(*from, action, by.role, reason);
  if (!next.ok()) return next.status();
  const std::string before = CanonicalText(row);
  const int32_t today = ShanghaiDay(now);
  switch (action) {
    case ApplicationAction::kSubmit: {
      if (!row.employer_id)
        return Status::InvalidArgument("choose the employer that will endorse the application (employer_id)")
            .Field("employer_id")
            .Zh("请先选择推荐申请的用人单位（employer_id）");
      auto policy = policies_.InForce(tx, today);
      if (!policy.ok()) return policy.status();
      auto talent = store::FindTalent(tx, row.talent_id);
      if (!talent.ok()) return talent.status();
      if (!*talent) return TalentNotFound(row.talent_id);
      auto employer = store::FindEmployer(tx, *row.employer_id);
      if (!employer.ok()) return employer.status();
      auto composed = ComposeDossier(**talent, *employer, (*policy)->compiled->doc());
      if (!composed.ok()) return composed.status();
      JINCAI_RETURN_IF_ERROR(CheckDossier(**policy, *composed));
      row.dossier = *composed;
      row.submitted_on = policy::FormatDate(today);
      row.policy_version_id = (*policy)->row.id;
      row.tier.clear();
      row.decision.clear();
      break;
    }
    case ApplicationAction::kEvaluate: {
      auto policy = policies_.Version(tx, row.policy_version_id.value_or(0));
      if (!policy.ok()) return policy.status();
      auto eval = EvaluateDossier(**policy, row.dossier, *policy::ParseDate(row.submitted_on));
      if (!eval.ok()) return eval.status();
      row.tier = eval->tier;
      row.decision = eval->json;
      break;
    }
    case ApplicationAction::kApprove:
      if (row.tier.empty() || row.tier == "none")
        return Status::Conflict("the decision gives no tier: reject the application instead of approving it")
            .Zh("评估结果未达到任何层级，应驳回而非批准");
      break;
    case ApplicationAction::kIssue:
      row.card_expires_on = AddYears(today, kCardValidityYears);
      break;
    case ApplicationAction::kRenew: {
      int32_t base = std::max(today, policy::ParseDate(row.card_expires_on).value_or(today));
      row.card_expires_on = AddYears(base, kCardValidityYears);
      break;
    }
    default:
      break;
  }
  row.state = std::string(domain::StateName(*next));
  row.updated_at = UtcText(now);
  JINCAI_RETURN_IF_ERROR(store::UpdateApplication(tx, row));
  row.revision += 1;
  // The card follows the application: signed on issue and renewal, ended with it.
  if (cards_) {
    if (action == ApplicationAction::kIssue || action == ApplicationAction::kRenew) {
      auto card = cards_->IssueFor(tx, row);
      if (!card.ok()) return card.status();
    } else if (action == ApplicationAction::kRevoke) {
      JINCAI_RETURN_IF_ERROR(cards_->EndFor(tx, row.id, "revoked", reason));
    } else if (action == ApplicationAction::kExpire) {
      JINCAI_RETURN_IF_ERROR(cards_->EndFor(tx, row.id, "expired", ""));
    }
  }
  if (claims_ && (action == ApplicationAction::kRevoke || action == ApplicationAction::kExpire))
    JINCAI_RETURN_IF_ERROR(claims_->CloseFor(tx, row.id, action == ApplicationAction::kRevoke
                                                             ? "card_revoked: " + reason
                                                             : "card_expired"));
  JINCAI_RETURN_IF_ERROR(store::InsertApplicationEvent(
      tx, {0, row.id, row.updated_at, by.user_id ? std::optional<int64_t>(by.user_id) : std::nullopt,
           std::string(domain::RoleName(by.role)), std::string(domain::ActionName(action)),
           std::string(domain::StateName(*from)), row.state, reason}));
  return RecordChange(tx, by, "application." + std::string(domain::ActionName(action)), "application",
                      std::to_string(row.id), before, CanonicalText(row));
}

Result<ApplicationView> Applications::Act(const Actor& by, int64_t id, const std::string& action_name,
                                          const std::string& reason, std::optional<int64_t> expected_revision) {
  auto action = domain::ParseAction(action_name);
  if (!action)
    return Status::NotFound("no action '" + action_name + "': submit, return, endorse, approve, reject, issue, renew, "
                            "revoke or withdraw")
        .Zh("不存在操作“" + action_name + "”");
  if (reason.size() > 2000)
    return Status::InvalidArgument("the reason may have at most 2000 bytes").Field("reason").Zh("理由最多 2000 字节");
  int64_t now = clock_();
  std::optional<ApplicationView> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto found = store::FindApplication(tx, id);
    if (!found.ok()) return found.status();
    if (!*found) return ApplicationNotFound(id);
    store::ApplicationRow row = **found;
    auto visible = Visible(tx, by, row);
    if (!visible.ok()) return visible.status();
    if (!*visible) return ApplicationNotFound(id);
    if (expected_revision && *expected_revision != row.revision)
      return Status::Conflict("application " + std::to_string(id) + " is at revision " + std::to_string(row.revision) +
                              ", not " + std::to_string(*expected_revision) + ": someone changed it; reload it")
          .Zh("申请 " + std::to_string(id) + " 已被他人修改，请刷新后重试");
    JINCAI_RETURN_IF_ERROR(Apply(tx, by, row, *action, reason, now));
    // What follows an endorsement happens at once, by the platform: the engine's
    // decision, and the approval when the policy auto-approves the tier.
    if (*action == ApplicationAction::kEndorse) {
      JINCAI_RETURN_IF_ERROR(Apply(tx, Actor::System(), row, ApplicationAction::kEvaluate, "", now));
      auto policy = policies_.Version(tx, row.policy_version_id.value_or(0));
      if (!policy.ok()) return policy.status();
      for (const auto& t : (*policy)->compiled->doc().tiers)
        if (t.id == row.tier && t.auto_approve)
          JINCAI_RETURN_IF_ERROR(Apply(tx, Actor::System(), row, ApplicationAction::kApprove,
                                       "tier " + t.id + " is approved without review by the policy", now));
    }
    auto v = View(tx, by, row);
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Result<int64_t> Applications::ExpireDue(int32_t day) {
  int64_t now = clock_();
  int64_t count = 0;
  const std::string today = policy::FormatDate(day);
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    for (int64_t after = 0;;) {
      store::ApplicationFilter f;
      f.state = "issued";
      f.after_id = after;
      f.limit = 500;
      auto rows = store::ListApplications(tx, f);
      if (!rows.ok()) return rows.status();
      if (rows->empty()) return Status::Ok();
      for (auto& row : *rows) {
        after = row.id;
        if (row.card_expires_on.empty() || row.card_expires_on >= today) continue;
        JINCAI_RETURN_IF_ERROR(Apply(tx, Actor::System(), row, ApplicationAction::kExpire, "", now));
        ++count;
      }
    }
  }));
  return count;
}

}  // namespace jincai::service
