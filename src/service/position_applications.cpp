// Applications to positions (see position_applications.h).
#include "service/position_applications.h"

#include <algorithm>

#include "domain/hiring_pipeline.h"
#include "service/audit_trail.h"
#include "service/field_checks.h"
#include "service/record_names.h"
#include "service/recruitment_market.h"
#include "service/talent_flows.h"
#include "store/records/employers_table.h"
#include "store/records/talents_table.h"

namespace jincai::service {
namespace {

Status ApplicationNotFound(int64_t id) {
  return Status::NotFound("no application " + std::to_string(id) + " to a position among yours")
      .Zh("不存在岗位申请 " + std::to_string(id) + " 或无权查看");
}

std::string CanonicalText(const store::PositionApplicationRow& a) {
  return std::to_string(a.id) + '\x1f' + std::to_string(a.position_id) + '\x1f' + std::to_string(a.talent_id) + '\x1f' +
         a.stage + '\x1f' + a.cover_note + '\x1f' + a.reason;
}

// Who may see an application: the talent who made it, the position's employer, the office.
bool Sees(const Actor& by, const store::PositionApplicationRow& a, const store::PositionRow& p) {
  return (by.talent_id && *by.talent_id == a.talent_id) || ManagesPosition(by, p);
}

// The view of an application: names and the match, read in the same transaction.
Result<PositionApplicationView> ViewOf(store::Tx& tx, RecordNames& names, store::PositionApplicationRow row,
                                       const store::PositionRow& p) {
  PositionApplicationView v;
  v.position_title = p.title;
  v.position_status = p.status;
  auto employer = names.Employer(p.employer_id);
  if (!employer.ok()) return employer.status();
  v.employer_name = *employer;
  auto talent = names.Talent(row.talent_id);
  if (!talent.ok()) return talent.status();
  v.talent_name = *talent;
  bool kept = false;
  auto facts = TalentMarketFacts(tx, row.talent_id, &kept);
  if (!facts.ok()) return facts.status();
  v.match = domain::MatchPosition(FactsOf(*facts), FactsOf(p));
  v.row = std::move(row);
  return v;
}

// The application and its position, or NotFound when the actor may not see it.
Status Load(store::Tx& tx, const Actor& by, int64_t id, store::PositionApplicationRow* a, store::PositionRow* p) {
  auto found = store::FindPositionApplication(tx, id);
  if (!found.ok()) return found.status();
  if (!*found) return ApplicationNotFound(id);
  auto pos = store::FindPosition(tx, (*found)->position_id);
  if (!pos.ok()) return pos.status();
  if (!*pos || !Sees(by, **found, **pos)) return ApplicationNotFound(id);
  *a = **found;
  *p = **pos;
  return Status::Ok();
}

}  // namespace

PositionApplications::PositionApplications(store::Store& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

Result<PositionApplicationView> PositionApplications::Apply(const Actor& by, int64_t position_id,
                                                            const std::string& cover_note) {
  if (!by.talent_id) return Status::Forbidden("only a talent applies to positions").Zh("只有人才可以申请岗位");
  JINCAI_RETURN_IF_ERROR(CheckFreeText("cover_note", cover_note, 4000));
  std::optional<PositionApplicationView> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto pos = store::FindPosition(tx, position_id);
    if (!pos.ok()) return pos.status();
    if (!*pos) return PositionNotFound(position_id);
    if ((*pos)->status != "open")
      return Status::Conflict("position " + std::to_string(position_id) + " is closed").Zh("该岗位已关闭，不再接受申请");
    const std::string now = UtcText(clock_());
    store::PositionApplicationRow row{0, position_id, *by.talent_id, "applied", cover_note, "", now, now};
    auto id = store::InsertPositionApplication(tx, row);
    if (id.ok() && !*id)
      return Status::Conflict("position " + std::to_string(position_id) + " is closed").Zh("该岗位已关闭，不再接受申请");
    if (!id.ok()) {
      if (id.status().code() == Code::kConflict)
        return Status::Conflict("you have applied to position " + std::to_string(position_id) + " already")
            .Zh("您已申请过该岗位");
      return id.status();
    }
    row.id = **id;
    JINCAI_RETURN_IF_ERROR(
        RecordChange(tx, by, "position_application.apply", "position_application", std::to_string(row.id), "", CanonicalText(row)));
    RecordNames names(tx);
    auto v = ViewOf(tx, names, std::move(row), **pos);
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Result<PositionApplicationView> PositionApplications::Act(const Actor& by, int64_t id, const std::string& action,
                                                          const std::string& reason) {
  const domain::HiringStep* step = domain::FindHiringStep(action);
  if (!step)
    return Status::InvalidArgument("action must be shortlist, interview, offer, decline, accept or withdraw")
        .Field("action")
        .Zh("action 须为 shortlist、interview、offer、decline、accept 或 withdraw");
  JINCAI_RETURN_IF_ERROR(CheckFreeText("reason", reason, 2000));
  if (step->needs_reason && reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return Status::InvalidArgument(action + " needs a reason").Field("reason").Zh("该操作须说明理由");
  std::optional<PositionApplicationView> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    store::PositionApplicationRow a;
    store::PositionRow p;
    JINCAI_RETURN_IF_ERROR(Load(tx, by, id, &a, &p));
    const bool is_talent = by.talent_id && *by.talent_id == a.talent_id;
    if (step->side == domain::HiringSide::kTalent ? !is_talent : !ManagesPosition(by, p))
      return Status::Forbidden(step->side == domain::HiringSide::kTalent ? "only the applicant may " + action
                                                                          : "only the position's employer may " + action)
          .Zh(step->side == domain::HiringSide::kTalent ? "只有申请人可以执行该操作" : "只有发布岗位的用人单位可以执行该操作");
    if (std::find_if(step->from.begin(), step->from.end(), [&](const char* s) { return a.stage == s; }) == step->from.end())
      return Status::Conflict("an application " + a.stage + " cannot be taken to " + step->to)
          .Zh(std::string("处于“") + domain::HiringStageZh(a.stage) + "”的申请不能执行该操作");
    const std::string before = CanonicalText(a), before_stage = a.stage;
    a.stage = step->to;
    a.reason = reason;
    a.updated_at = UtcText(clock_());
    auto written = store::UpdatePositionApplication(tx, a, before_stage);
    if (!written.ok()) return written.status();
    if (!*written)
      return Status::Conflict("application " + std::to_string(id) + " was moved meanwhile; read it again")
          .Zh("该申请已被他人处理，请刷新后重试");
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, std::string("position_application.") + action, "position_application",
                                        std::to_string(id), before, CanonicalText(a)));
    if (a.stage == "hired") JINCAI_RETURN_IF_ERROR(RecordMarketHire(tx, by, a, p, ShanghaiDate(clock_()), a.updated_at));
    RecordNames names(tx);
    auto v = ViewOf(tx, names, std::move(a), p);
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Result<PositionApplicationView> PositionApplications::Get(const Actor& by, int64_t id) {
  std::optional<PositionApplicationView> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    store::PositionApplicationRow a;
    store::PositionRow p;
    JINCAI_RETURN_IF_ERROR(Load(tx, by, id, &a, &p));
    RecordNames names(tx);
    auto v = ViewOf(tx, names, std::move(a), p);
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Result<std::vector<PositionApplicationView>> PositionApplications::ToPosition(const Actor& by, int64_t position_id) {
  std::vector<PositionApplicationView> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto pos = store::FindPosition(tx, position_id);
    if (!pos.ok()) return pos.status();
    if (!*pos || !ManagesPosition(by, **pos)) return PositionNotFound(position_id);
    auto rows = store::ListApplicationsToPosition(tx, position_id);
    if (!rows.ok()) return rows.status();
    RecordNames names(tx);
    for (auto& r : *rows) {
      auto v = ViewOf(tx, names, std::move(r), **pos);
      if (!v.ok()) return v.status();
      out.push_back(std::move(*v));
    }
    return Status::Ok();
  }));
  std::stable_sort(out.begin(), out.end(), [](const PositionApplicationView& a, const PositionApplicationView& b) {
    return a.match.score > b.match.score;
  });
  return out;
}

Result<std::vector<PositionApplicationView>> PositionApplications::Mine(const Actor& by) {
  if (!by.talent_id) return Status::Forbidden("only a talent has applications to positions").Zh("只有人才有岗位申请");
  std::vector<PositionApplicationView> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto rows = store::ListApplicationsOfTalent(tx, *by.talent_id);
    if (!rows.ok()) return rows.status();
    RecordNames names(tx);
    for (auto it = rows->rbegin(); it != rows->rend(); ++it) {
      auto pos = store::FindPosition(tx, it->position_id);
      if (!pos.ok()) return pos.status();
      if (!*pos) continue;
      auto v = ViewOf(tx, names, std::move(*it), **pos);
      if (!v.ok()) return v.status();
      out.push_back(std::move(*v));
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace jincai::service
