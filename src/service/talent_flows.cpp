// Talent flows and cadres' business leaves (see talent_flows.h).
#include "service/talent_flows.h"

#include <cstdint>
#include <limits>

#include "common/text.h"
#include "domain/identity_numbers.h"
#include "domain/talent_sectors.h"
#include "policy/value.h"
#include "service/audit_trail.h"
#include "service/field_checks.h"
#include "service/record_names.h"
#include "store/records/employers_table.h"
#include "store/records/talents_table.h"

namespace jincai::service {
namespace {

constexpr int kMaxLeaveYears = 3;  // assumption: the longest leave the province grants, to be set by the office

Status TalentNotFound(int64_t id) {
  return Status::NotFound("no talent " + std::to_string(id) + " among yours").Zh("不存在人才 " + std::to_string(id) + " 或无权查看");
}

Status LeaveNotFound(int64_t id) {
  return Status::NotFound("no business leave " + std::to_string(id) + " among yours")
      .Zh("不存在离岗创业记录 " + std::to_string(id) + " 或无权查看");
}

// A date field: YYYY-MM-DD, a real day from 1950 up to `latest`.
Result<int32_t> DateField(const char* field, const std::string& text, int32_t latest) {
  auto day = policy::ParseDate(text);
  if (!day || text.size() != 10) return FieldInvalid(field, "must be a date YYYY-MM-DD", "须为日期 YYYY-MM-DD");
  if (*day < policy::DaysFromCivil(1950, 1, 1) || *day > latest)
    return FieldInvalid(field, "must be between 1950-01-01 and " + policy::FormatDate(latest),
                   "须在 1950-01-01 至 " + policy::FormatDate(latest) + " 之间");
  return *day;
}

std::string CanonicalText(const store::TalentFlowRow& f) {
  auto opt = [](const std::optional<int64_t>& v) { return v ? std::to_string(*v) : std::string(); };
  return std::to_string(f.id) + '\x1f' + std::to_string(f.talent_id) + '\x1f' + opt(f.from_employer_id) + '\x1f' +
         opt(f.to_employer_id) + '\x1f' + f.from_sector + '\x1f' + f.to_sector + '\x1f' + f.engagement + '\x1f' +
         f.moved_on + '\x1f' + f.source + '\x1f' + opt(f.position_application_id) + '\x1f' + f.note;
}

std::string CanonicalText(const store::BusinessLeaveRow& b) {
  return std::to_string(b.id) + '\x1f' + std::to_string(b.talent_id) + '\x1f' + std::to_string(b.employer_id) + '\x1f' +
         b.business_name + '\x1f' + b.business_credit_code + '\x1f' + b.left_on + '\x1f' + b.return_by + '\x1f' +
         b.state + '\x1f' + b.ended_on + '\x1f' + b.note;
}

// The sector of an employer (none: "none"), reading it; NotFound naming the field when
// an id names no employer.
Result<std::string> SectorOfEmployer(store::Tx& tx, const std::optional<int64_t>& id, const char* field) {
  if (!id) return std::string("none");
  auto e = store::FindEmployer(tx, *id);
  if (!e.ok()) return e.status();
  if (!*e) return FieldInvalid(field, "names no employer", "不是已登记的用人单位");
  return domain::SectorOf((*e)->kind, (*e)->ownership);
}

// Inserts the flow, setting its id, and audits it.
Status InsertFlow(store::Tx& tx, const Actor& by, store::TalentFlowRow* row) {
  auto id = store::InsertTalentFlow(tx, *row);
  if (!id.ok()) return id.status();
  row->id = *id;
  return RecordChange(tx, by, "talent_flow.record", "talent_flow", std::to_string(row->id), "", CanonicalText(*row));
}

Result<FlowView> FlowViewOf(RecordNames& names, store::TalentFlowRow row) {
  FlowView v;
  auto t = names.Talent(row.talent_id);
  if (!t.ok()) return t.status();
  auto from = names.Employer(row.from_employer_id);
  if (!from.ok()) return from.status();
  auto to = names.Employer(row.to_employer_id);
  if (!to.ok()) return to.status();
  v.talent_name = *t;
  v.from_employer_name = *from;
  v.to_employer_name = *to;
  v.row = std::move(row);
  return v;
}

Result<LeaveView> LeaveViewOf(RecordNames& names, store::BusinessLeaveRow row, const std::string& today) {
  LeaveView v;
  auto t = names.Talent(row.talent_id);
  if (!t.ok()) return t.status();
  auto e = names.Employer(row.employer_id);
  if (!e.ok()) return e.status();
  v.talent_name = *t;
  v.employer_name = *e;
  v.overdue = row.state == "on_leave" && row.return_by < today;
  v.row = std::move(row);
  return v;
}

bool SeesLeave(const Actor& by, const store::BusinessLeaveRow& b) {
  return by.SeesProvince() || (by.IsEmployer() && by.employer_id == b.employer_id) ||
         (by.talent_id && *by.talent_id == b.talent_id);
}

}  // namespace

TalentFlows::TalentFlows(store::Store& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

Result<FlowView> TalentFlows::Record(const Actor& by, const FlowInput& in) {
  if (!by.SeesProvince() && !by.IsEmployer())
    return Status::Forbidden("only the office and employers record talent flows").Zh("只有主管部门和用人单位可以登记人才流动");
  if (by.IsEmployer() && by.employer_id != in.from_employer_id && by.employer_id != in.to_employer_id)
    return Status::Forbidden("an employer records flows from or to itself only").Zh("用人单位只能登记流入或流出本单位的人才流动");
  if (in.from_employer_id == in.to_employer_id)
    return FieldInvalid("to_employer_id", "must differ from from_employer_id", "须与 from_employer_id 不同");
  JINCAI_RETURN_IF_ERROR(CheckEngagementMode("engagement", in.engagement));
  const int32_t today = ShanghaiDay(clock_());
  auto moved = DateField("moved_on", in.moved_on, today);
  if (!moved.ok()) return moved.status();
  JINCAI_RETURN_IF_ERROR(CheckFreeText("note", in.note, 2000));
  std::optional<FlowView> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto from = SectorOfEmployer(tx, in.from_employer_id, "from_employer_id");
    if (!from.ok()) return from.status();
    auto to = SectorOfEmployer(tx, in.to_employer_id, "to_employer_id");
    if (!to.ok()) return to.status();
    auto t = store::FindTalent(tx, in.talent_id);
    if (!t.ok()) return t.status();
    if (!*t) return TalentNotFound(in.talent_id);
    if (by.IsEmployer()) {  // its own staff, or a talent who applied through it: others answer as missing
      auto related = store::TalentRelatesToEmployer(tx, in.talent_id, *by.employer_id);
      if (!related.ok()) return related.status();
      if (!*related) return TalentNotFound(in.talent_id);
    }
    store::TalentFlowRow row{0,       in.talent_id, in.from_employer_id, in.to_employer_id, *from,         *to,
                             in.engagement, in.moved_on, "record",       std::nullopt,      in.note, by.AuditName(),
                             UtcText(clock_())};
    JINCAI_RETURN_IF_ERROR(InsertFlow(tx, by, &row));
    RecordNames names(tx);
    auto v = FlowViewOf(names, std::move(row));
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Result<std::vector<FlowView>> TalentFlows::List(const Actor& by, const store::TalentFlowFilter& filter) {
  store::TalentFlowFilter f = filter;
  if (by.talent_id) {
    f.talent_id = *by.talent_id;
  } else if (by.IsEmployer()) {
    if (!by.employer_id) return Status::Forbidden("this account has no employer").Zh("该账户未关联用人单位");
    if (f.employer_id && *f.employer_id != *by.employer_id) return std::vector<FlowView>{};
    f.employer_id = *by.employer_id;
  } else if (!by.SeesProvince()) {
    return Status::Forbidden("talent flows are for the office, employers and talents").Zh("无权查看人才流动");
  }
  std::vector<FlowView> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto rows = store::ListTalentFlows(tx, f);
    if (!rows.ok()) return rows.status();
    RecordNames names(tx);
    for (auto& r : *rows) {
      auto v = FlowViewOf(names, std::move(r));
      if (!v.ok()) return v.status();
      out.push_back(std::move(*v));
    }
    return Status::Ok();
  }));
  return out;
}

Result<FlowSummary> TalentFlows::Summary(const Actor& by) {
  if (!by.SeesProvince()) return Status::Forbidden("only the office sees the flows between sectors").Zh("只有主管部门可以查看流动统计");
  FlowSummary s;
  const std::string today = ShanghaiDate(clock_());
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto counts = store::CountFlowsBySectors(tx);
    if (!counts.ok()) return counts.status();
    s.by_sectors = std::move(*counts);
    for (const auto& [key, n] : s.by_sectors) {
      const bool from_in = domain::InsideTheSystem(key.first), to_in = domain::InsideTheSystem(key.second);
      (from_in ? (to_in ? s.within_system : s.out_of_system) : (to_in ? s.into_system : s.outside_system)) += n;
    }
    store::BusinessLeaveFilter f;
    f.limit = std::numeric_limits<int64_t>::max();
    auto leaves = store::ListBusinessLeaves(tx, f);
    if (!leaves.ok()) return leaves.status();
    for (const auto& b : *leaves) {
      if (b.state == "on_leave") ++s.on_leave, s.leave_overdue += b.return_by < today ? 1 : 0;
      if (b.state == "returned") ++s.returned;
      if (b.state == "stayed") ++s.stayed;
    }
    return Status::Ok();
  }));
  return s;
}

Result<LeaveView> TalentFlows::GrantLeave(const Actor& by, const LeaveInput& in) {
  if (!by.SeesProvince() && !by.IsEmployer())
    return Status::Forbidden("only the cadre's employer or the office records a business leave").Zh("只有干部所在单位或主管部门可以登记离岗创业");
  if (by.IsEmployer() && in.employer_id && in.employer_id != by.employer_id)
    return Status::Forbidden("an employer records leaves of its own cadres only").Zh("用人单位只能登记本单位干部的离岗创业");
  const std::optional<int64_t> employer_id = by.IsEmployer() ? by.employer_id : in.employer_id;
  if (!employer_id) return FieldInvalid("employer_id", "is required: the organ or institution the cadre leaves", "为必填项：干部所在单位");
  const std::string name = in.business_name;
  if (name.find_first_not_of(" \t") == std::string::npos || name.size() > 200 || name.find_first_of("\r\n") != std::string::npos ||
      HasControlCharacter(name))
    return FieldInvalid("business_name", "must be one line of 1 to 200 bytes", "须为 1 至 200 字节的单行文本");
  if (std::string problem = domain::SocialCreditCodeProblem(in.business_credit_code); !problem.empty())
    return Status::InvalidArgument("business_credit_code: " + problem).Field("business_credit_code")
        .Zh("business_credit_code：" + domain::SocialCreditCodeProblem(in.business_credit_code, true));
  const int32_t today = ShanghaiDay(clock_());
  auto left = DateField("left_on", in.left_on, today + 366);
  if (!left.ok()) return left.status();
  auto ret = DateField("return_by", in.return_by, INT32_MAX);
  if (!ret.ok()) return ret.status();
  if (*ret <= *left || in.return_by > AddYears(*left, kMaxLeaveYears))
    return FieldInvalid("return_by", "must be after left_on and at most 3 years from it", "须晚于 left_on 且不超过其后 3 年");
  JINCAI_RETURN_IF_ERROR(CheckFreeText("note", in.note, 2000));
  std::optional<LeaveView> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto e = store::FindEmployer(tx, *employer_id);
    if (!e.ok()) return e.status();
    if (!*e) return FieldInvalid("employer_id", "names no employer", "不是已登记的用人单位");
    auto t = store::FindTalent(tx, in.talent_id);
    if (!t.ok()) return t.status();
    if (!*t || (*t)->employer_id != employer_id) return TalentNotFound(in.talent_id);  // not a cadre of this employer
    if (!domain::GrantsBusinessLeave((*e)->kind))
      return Status::Conflict("only cadres of party and government organs and public institutions take leave to start a business")
          .Zh("只有党政机关和事业单位的干部可以离岗创业");
    auto on_leave = store::TalentOnBusinessLeave(tx, in.talent_id);
    if (!on_leave.ok()) return on_leave.status();
    if (*on_leave) return Status::Conflict("the talent is on leave to start a business already").Zh("该人才已处于离岗创业期");
    const std::string now = UtcText(clock_());
    store::BusinessLeaveRow row{0,         in.talent_id, *employer_id, name,    in.business_credit_code, in.left_on,
                                in.return_by, "on_leave",  "",           in.note, now,                     now};
    auto id = store::InsertBusinessLeave(tx, row);
    if (!id.ok() && id.status().code() == Code::kConflict)  // a concurrent grant won (the one-open-leave index)
      return Status::Conflict("the talent is on leave to start a business already").Zh("该人才已处于离岗创业期");
    if (!id.ok()) return id.status();
    row.id = *id;
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "business_leave.grant", "business_leave", std::to_string(row.id), "", CanonicalText(row)));
    RecordNames names(tx);
    auto v = LeaveViewOf(names, std::move(row), policy::FormatDate(today));
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Result<LeaveView> TalentFlows::EndLeave(const Actor& by, int64_t id, const std::string& action, const std::string& on,
                                        const std::string& note) {
  if (action != "return" && action != "stay")
    return FieldInvalid("action", "must be return or stay", "须为 return 或 stay");
  const int32_t today = ShanghaiDay(clock_());
  auto day = DateField("on", on, today);
  if (!day.ok()) return day.status();
  JINCAI_RETURN_IF_ERROR(CheckFreeText("note", note, 2000));
  std::optional<LeaveView> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto found = store::FindBusinessLeave(tx, id);
    if (!found.ok()) return found.status();
    if (!*found || !SeesLeave(by, **found)) return LeaveNotFound(id);
    store::BusinessLeaveRow row = **found;
    if (!by.SeesProvince() && !(by.IsEmployer() && by.employer_id == row.employer_id))
      return Status::Forbidden("only the cadre's employer or the office ends a business leave").Zh("只有干部所在单位或主管部门可以结束离岗创业");
    if (row.state != "on_leave") return Status::Conflict("the leave has ended already").Zh("该离岗创业已结束");
    if (on < row.left_on) return FieldInvalid("on", "must not be before left_on (" + row.left_on + ")", "不能早于 left_on（" + row.left_on + "）");
    const std::string before = CanonicalText(row);
    row.state = action == "return" ? "returned" : "stayed";
    row.ended_on = on;
    if (!note.empty()) row.note = note;
    row.updated_at = UtcText(clock_());
    auto written = store::UpdateBusinessLeave(tx, row, "on_leave");
    if (!written.ok()) return written.status();
    if (!*written) return Status::Conflict("the leave has ended already").Zh("该离岗创业已结束");
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "business_leave." + action, "business_leave", std::to_string(id), before, CanonicalText(row)));
    if (action == "stay") {
      // The cadre leaves the post for the business: a flow out of the system.
      auto from = SectorOfEmployer(tx, row.employer_id, "employer_id");
      if (!from.ok()) return from.status();
      store::TalentFlowRow flow{0, row.talent_id, row.employer_id, std::nullopt, *from, "non_public_enterprise",
                                "full_time", on, "record", std::nullopt,
                                "离岗创业期满留在企业 / stayed with the business: " + row.business_name, by.AuditName(),
                                row.updated_at};
      JINCAI_RETURN_IF_ERROR(InsertFlow(tx, by, &flow));
    }
    RecordNames names(tx);
    auto v = LeaveViewOf(names, std::move(row), policy::FormatDate(today));
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Result<std::vector<LeaveView>> TalentFlows::Leaves(const Actor& by, store::BusinessLeaveFilter f, bool overdue_only) {
  if (by.talent_id) {
    f.talent_id = *by.talent_id;
  } else if (by.IsEmployer()) {
    if (!by.employer_id) return Status::Forbidden("this account has no employer").Zh("该账户未关联用人单位");
    if (f.employer_id && *f.employer_id != *by.employer_id) return std::vector<LeaveView>{};
    f.employer_id = *by.employer_id;
  } else if (!by.SeesProvince()) {
    return Status::Forbidden("business leaves are for the office, employers and talents").Zh("无权查看离岗创业记录");
  }
  if (f.state && *f.state != "on_leave" && *f.state != "returned" && *f.state != "stayed")
    return FieldInvalid("state", "must be on_leave, returned or stayed", "须为 on_leave、returned 或 stayed");
  const std::string today = ShanghaiDate(clock_());
  if (overdue_only) f.due_before = today;
  std::vector<LeaveView> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto rows = store::ListBusinessLeaves(tx, f);
    if (!rows.ok()) return rows.status();
    RecordNames names(tx);
    for (auto& r : *rows) {
      auto v = LeaveViewOf(names, std::move(r), today);
      if (!v.ok()) return v.status();
      out.push_back(std::move(*v));
    }
    return Status::Ok();
  }));
  return out;
}

Status RecordMarketHire(store::Tx& tx, const Actor& by, const store::PositionApplicationRow& a,
                        const store::PositionRow& p, const std::string& today, const std::string& now) {
  auto t = store::FindTalent(tx, a.talent_id);
  if (!t.ok()) return t.status();
  const std::optional<int64_t> from_id = *t ? (*t)->employer_id : std::nullopt;
  if (from_id == p.employer_id) return Status::Ok();  // hired where they work: no move
  auto from = SectorOfEmployer(tx, from_id, "employer_id");
  if (!from.ok()) return from.status();
  auto to = SectorOfEmployer(tx, p.employer_id, "employer_id");
  if (!to.ok()) return to.status();
  store::TalentFlowRow row{0,     a.talent_id, from_id, p.employer_id, *from, *to, p.engagement, today, "market",
                           a.id,  "岗位录用 / hired: " + p.title, by.AuditName(), now};
  return InsertFlow(tx, by, &row);
}

}  // namespace jincai::service
