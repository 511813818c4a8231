// Entitlement claims on the store (see claims.h).
#include "service/claims.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "domain/employer_profile.h"
#include "policy/value.h"
#include "service/audit_trail.h"
#include "service/letters.h"
#include "service/school_places.h"
#include "service/spouse_allowances.h"
#include "service/turnover_flats.h"
#include "store/records/applications_table.h"
#include "store/records/cards_table.h"

namespace jincai::service {
namespace {

using domain::ClaimKind;
using domain::ClaimParty;
using domain::Role;
using nlohmann::json;

std::string EntitlementList() {
  std::string out;
  for (const auto& e : domain::ClaimEntitlements()) out += (out.empty() ? "" : ", ") + std::string(e.id);
  return out;
}

json Detail(const store::ClaimRow& row) {
  json d = json::parse(row.detail, nullptr, false);
  return d.is_object() ? d : json::object();
}

// The talent's application whose card is in force, if any.
Result<std::optional<store::ApplicationRow>> CardInForce(store::Tx& tx, int64_t talent_id) {
  store::ApplicationFilter f;
  f.talent_id = talent_id;
  f.state = "issued";
  f.limit = 1;
  auto rows = store::ListApplications(tx, f);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<store::ApplicationRow>();
  return std::optional<store::ApplicationRow>(rows->front());
}

// A county or district name for a letter: at most 20 characters, each a CJK ideograph,
// an ASCII letter or digit, a space, '-' or '·': nothing that could end a sentence of
// the office's letter and start another.
bool IsPlaceName(const std::string& s) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++chars) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (!std::isalnum(c) && c != ' ' && c != '-') return false;
      ++i;
      continue;
    }
    uint32_t cp = 0;
    size_t n = 0;
    if ((c & 0xE0) == 0xC0) cp = c & 0x1F, n = 2;
    else if ((c & 0xF0) == 0xE0) cp = c & 0x0F, n = 3;
    else return false;
    if (i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    const bool cjk = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
    if (!cjk && cp != 0x00B7) return false;
    i += n;
  }
  return chars <= 20;
}

// Removes a claim's unpaid months from `month` on (the spouse found work), with an audit
// record naming each month and its amount.
Status DropUnpaidMonths(store::Tx& tx, const Actor& by, int64_t claim_id, const std::string& month) {
  auto months = store::ListAllowanceMonths(tx, claim_id);
  if (!months.ok()) return months.status();
  std::string dropped;
  for (const auto& m : *months)
    if (m.month >= month && m.paid_on.empty()) dropped += m.month + '=' + std::to_string(m.amount_fen) + '\x1f';
  if (dropped.empty()) return Status::Ok();
  JINCAI_RETURN_IF_ERROR(store::DeleteUnpaidMonthsFrom(tx, claim_id, month));
  return RecordChange(tx, by, "allowance.drop_months", "claim", std::to_string(claim_id), dropped, "");
}

}  // namespace

Status ClaimNotFound(int64_t id) {
  return Status::NotFound("no claim " + std::to_string(id)).Zh("不存在待遇申领 " + std::to_string(id));
}

bool ClaimVisible(const Actor& by, const store::ClaimRow& row) {
  if (by.SeesProvince() || by.role == Role::kSystem) return true;
  if (by.role == Role::kTalent) return by.talent_id == row.talent_id;
  if (by.IsEmployer()) {
    const auto* e = domain::FindClaimEntitlement(row.entitlement);
    return e && e->responsible == "employer" && by.employer_id && by.employer_id == row.employer_id;
  }
  return false;
}

Result<store::ClaimRow> ClaimInScope(store::Tx& tx, const Actor& by, int64_t id) {
  auto row = store::FindClaim(tx, id);
  if (!row.ok()) return row.status();
  if (!*row || !ClaimVisible(by, **row)) return ClaimNotFound(id);
  return **row;
}

std::string CanonicalText(const store::ClaimRow& r) {
  const char sep = '\x1f';
  std::string out;
  for (const std::string& f :
       {std::to_string(r.id), std::to_string(r.application_id), std::to_string(r.talent_id),
        r.employer_id ? std::to_string(*r.employer_id) : std::string(), r.entitlement, std::to_string(r.child),
        r.state, r.detail, r.flat_id ? std::to_string(*r.flat_id) : std::string(),
        r.school_id ? std::to_string(*r.school_id) : std::string(), r.letter_number, r.opened_on}) {
    out += f;
    out += sep;
  }
  return out;
}

Status RecordClaimStep(store::Tx& tx, const Actor& by, store::ClaimRow& row, const std::string& action,
                       const std::string& to, const std::string& note, int64_t now) {
  const std::string before = CanonicalText(row), from = row.state;
  row.state = to;
  row.updated_at = UtcText(now);
  JINCAI_RETURN_IF_ERROR(store::UpdateClaim(tx, row));
  row.revision += 1;
  JINCAI_RETURN_IF_ERROR(store::InsertClaimEvent(
      tx, {0, row.id, row.updated_at, by.user_id ? std::optional<int64_t>(by.user_id) : std::nullopt,
           std::string(domain::RoleName(by.role)), action, from, to, note}));
  return RecordChange(tx, by, "claim." + action, "claim", std::to_string(row.id), before, CanonicalText(row));
}

Claims::Claims(store::Store& store, PolicyRegistry& policies, Clock clock)
    : store_(store), policies_(policies), clock_(std::move(clock)) {}

Result<ClaimView> Claims::View(store::Tx& tx, const Actor& by, store::ClaimRow row, bool full) {
  ClaimView v;
  const auto* e = domain::FindClaimEntitlement(row.entitlement);
  if (!e) return Status::Internal("claim " + std::to_string(row.id) + " has an unknown entitlement " + row.entitlement);
  v.responsible = std::string(e->responsible);
  if (auto party = domain::PartyOf(by.role)) v.actions = domain::AvailableClaimActions(*e, row.state, *party);
  // Overdue: a housing claim still without a flat after kHousingDueDays; an open
  // allowance claim with a missed month. The allowance's months are read once, for
  // that and for the schedule.
  const int32_t today = ShanghaiDay(clock_());
  if (e->kind == ClaimKind::kHousing) {
    auto opened = policy::ParseDate(row.opened_on);
    v.overdue = row.state == "open" && opened && today - *opened > kHousingDueDays;
  } else if (e->kind == ClaimKind::kAllowance) {
    auto months = store::ListAllowanceMonths(tx, row.id);
    if (!months.ok()) return months.status();
    const std::string current = MonthOf(today);
    const bool open = !domain::FinalClaimState(row.state);
    for (auto& m : *months) {
      std::string status = !m.paid_on.empty() ? "paid" : m.month < current ? "missed" : "due";
      v.overdue = v.overdue || (open && status == "missed");
      if (full) v.months.push_back({std::move(m), std::move(status)});
    }
  }
  if (row.flat_id) {
    auto f = store::FindFlat(tx, *row.flat_id);
    if (!f.ok()) return f.status();
    v.flat = *f;
  }
  if (row.school_id) {
    auto s = store::FindSchool(tx, *row.school_id);
    if (!s.ok()) return s.status();
    v.school = *s;
  }
  if (!row.letter_number.empty()) {
    auto l = store::FindLetter(tx, row.letter_number);
    if (!l.ok()) return l.status();
    v.letter = *l;
  }
  if (full) {
    auto events = store::ListClaimEvents(tx, row.id);
    if (!events.ok()) return events.status();
    v.events = std::move(*events);
  }
  v.row = std::move(row);
  return v;
}

Result<ClaimView> Claims::Open(const Actor& by, const std::string& entitlement, int64_t child) {
  if (by.role != Role::kTalent || !by.talent_id)
    return Status::Forbidden("only the card holder opens a claim").Zh("只有持卡人可以申领待遇");
  const auto* e = domain::FindClaimEntitlement(entitlement);
  if (!e)
    return Status::InvalidArgument("entitlement must be one of " + EntitlementList())
        .Field("entitlement")
        .Zh("entitlement 必须是以下之一：" + EntitlementList());
  if (e->kind == ClaimKind::kSchool && child < 1)
    return Status::InvalidArgument("name the child: 1 for the first child in the dossier, 2 for the second...")
        .Field("child")
        .Zh("请指明子女：1 表示档案中的第一个子女，依此类推");
  if (e->kind != ClaimKind::kSchool && child != 0)
    return Status::InvalidArgument("only school_choice is claimed per child").Field("child").Zh("只有自主择校按子女申领");
  const int64_t now = clock_();
  std::optional<ClaimView> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto app = CardInForce(tx, *by.talent_id);
    if (!app.ok()) return app.status();
    if (!*app)
      return Status::Conflict("you have no green card in force: entitlements are claimed on an issued card")
          .Zh("您没有有效的绿卡：待遇须凭已发放的绿卡申领");
    const store::ApplicationRow& a = **app;
    json decision = json::parse(a.decision, nullptr, false);
    bool granted = false;
    if (decision.is_object() && decision.contains("decision"))
      for (const auto& g : decision["decision"].value("entitlements", json::array()))
        // The engine numbers children from 0; claims from 1, as people do.
        if (g.value("id", "") == entitlement && (child == 0 || g.value("child", int64_t{-1}) == child - 1))
          granted = true;
    if (!granted) {
      std::string what = entitlement + (child ? " for child " + std::to_string(child) : "");
      return Status::InvalidArgument("your card (application " + std::to_string(a.id) + ") does not grant " + what)
          .Field("entitlement")
          .Zh("您的绿卡（申请 " + std::to_string(a.id) + "）不包含该待遇：" + what);
    }
    auto existing = store::FindClaimOf(tx, a.id, entitlement, child);
    if (!existing.ok()) return existing.status();
    if (*existing)
      return Status::Conflict("you have claimed " + entitlement + " already: claim " + std::to_string((*existing)->id))
          .Zh("该待遇已申领：待遇申领 " + std::to_string((*existing)->id));
    store::ClaimRow row;
    row.application_id = a.id;
    row.talent_id = a.talent_id;
    row.employer_id = a.employer_id;
    row.entitlement = entitlement;
    row.child = child;
    row.state = std::string(e->first_state);
    if (e->kind == ClaimKind::kSchool) {
      json dossier = json::parse(a.dossier, nullptr, false);
      std::string stage;
      if (dossier.is_object() && dossier["children"].is_array() && dossier["children"].size() >= size_t(child))
        stage = dossier["children"][child - 1].value("school_stage", "");
      row.detail = json{{"stage", stage}}.dump();
    }
    row.opened_on = ShanghaiDate(now);
    row.created_at = row.updated_at = UtcText(now);
    auto id = store::InsertClaim(tx, row);
    if (!id.ok()) return id.status();
    row.id = *id;
    JINCAI_RETURN_IF_ERROR(store::InsertClaimEvent(
        tx, {0, row.id, row.created_at, by.user_id, "talent", "open", "", row.state, ""}));
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "claim.open", "claim", std::to_string(row.id), "", CanonicalText(row)));
    std::vector<std::string> not_computed;  // computed later (hourly, or on the next payment) once it can be
    if (e->kind == ClaimKind::kAllowance)
      JINCAI_RETURN_IF_ERROR(ComputeMonthsOrNote(tx, policies_, row, MonthOf(ShanghaiDay(now)), now, &not_computed));
    auto v = View(tx, by, row, true);
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Result<ClaimView> Claims::Get(const Actor& by, int64_t id) {
  std::optional<ClaimView> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto row = ClaimInScope(tx, by, id);
    if (!row.ok()) return row.status();
    auto v = View(tx, by, std::move(*row), true);
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Result<std::vector<ClaimView>> Claims::List(const Actor& by, const ClaimQuery& q) {
  store::ClaimFilter f;
  f.entitlement = q.entitlement;
  f.state = q.state;
  f.application_id = q.application_id;
  f.open_only = q.open_only;
  if (q.overdue_only) {  // the same rule as View's `overdue`, in the query so that pages stay full
    const int32_t today = ShanghaiDay(clock_());
    f.overdue_opened_before = policy::FormatDate(today - kHousingDueDays);
    f.overdue_month_before = MonthOf(today);
  }
  f.limit = q.limit;
  f.after_id = q.after_id;
  if (q.entitlement && !domain::FindClaimEntitlement(*q.entitlement))
    return Status::InvalidArgument("entitlement must be one of " + EntitlementList()).Field("entitlement")
        .Zh("entitlement 必须是以下之一：" + EntitlementList());
  if (by.SeesProvince() || by.role == Role::kSystem) {
    f.talent_id = q.talent_id;
    f.employer_id = q.employer_id;
  } else if (by.role == Role::kTalent && by.talent_id) {
    f.talent_id = by.talent_id;
  } else if (by.IsEmployer() && by.employer_id) {
    f.employer_id = by.employer_id;
    for (const auto& e : domain::ClaimEntitlements())  // the kinds it carries, in the query: pages stay full
      if (e.responsible == "employer") f.entitlement_in.emplace_back(e.id);
  } else {
    return Status::Forbidden("this role does not see claims").Zh("该角色无权查看待遇申领");
  }
  std::vector<ClaimView> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto rows = store::ListClaims(tx, f);
    if (!rows.ok()) return rows.status();
    for (auto& r : *rows) {
      if (!ClaimVisible(by, r)) continue;
      auto v = View(tx, by, std::move(r), false);
      if (!v.ok()) return v.status();
      out.push_back(std::move(*v));
    }
    return Status::Ok();
  }));
  return out;
}

Status Claims::Apply(store::Tx& tx, const Actor& by, store::ClaimRow& row, const std::string& action,
                     const ClaimInput& in, int64_t now) {
  const auto* e = domain::FindClaimEntitlement(row.entitlement);
  if (!e) return Status::Internal("claim " + std::to_string(row.id) + " has an unknown entitlement");
  auto party = domain::PartyOf(by.role);
  if (!party) return Status::Forbidden("this role does not act on claims").Zh("该角色无权办理待遇申领");
  if (action == "place")
    return Status::Conflict("the office places all children at once: POST /api/v1/placements")
        .Zh("子女入学由主管部门统一安排：POST /api/v1/placements");
  auto to = domain::NextClaimState(*e, row.state, action, *party);
  if (!to.ok()) return to.status();
  if (in.note.size() > 2000)
    return Status::InvalidArgument("the note may have at most 2000 bytes").Field("note").Zh("备注最多 2000 字节");
  json detail = Detail(row);
  std::string note = in.note;
  const std::string today = ShanghaiDate(now);
  if (action == "choose") {
    const auto* city = domain::FindLabelled(domain::ShanxiCities(), in.city);
    if (!city)
      return Status::InvalidArgument("city must be one of Shanxi's cities: " + domain::JoinCodes(domain::ShanxiCities()))
          .Field("city")
          .Zh("city 必须是山西省的地级市之一：" + domain::JoinCodes(domain::ShanxiCities()));
    if (!IsPlaceName(in.county))
      return Status::InvalidArgument("county must be a place name: up to 20 Chinese characters, letters, digits, spaces, "
                                     "'-' or '·', no punctuation")
          .Field("county")
          .Zh("county 须为地名：最多 20 个汉字、字母、数字、空格、“-”或“·”，不含标点");
    detail["city"] = in.city;
    detail["county"] = in.county;
    if (note.empty()) note = in.city + (in.county.empty() ? "" : " " + in.county);  // codes: any language
  } else if (action == "issue_letter") {
    row.detail = detail.dump();
    auto letter = IssueLetter(tx, by, row, now);
    if (!letter.ok()) return letter.status();
    row.letter_number = letter->number;
    if (note.empty()) note = letter->number;
  } else if (action == "assign") {
    if (!in.flat_id)
      return Status::InvalidArgument("name the flat to assign (flat_id)").Field("flat_id").Zh("请指定分配的周转房（flat_id）");
    JINCAI_RETURN_IF_ERROR(CheckAssignableFlat(tx, row, *in.flat_id, today));
    row.flat_id = *in.flat_id;
  } else if (action == "release" && *to == "open") {
    row.flat_id.reset();
  } else if (action == "rank") {
    JINCAI_RETURN_IF_ERROR(CheckRanking(tx, detail.value("stage", ""), in.schools));
    detail["ranking"] = in.schools;
    detail.erase("placement");
    row.school_id.reset();
  } else if (action == "spouse_employed" || action == "spouse_unemployed") {
    if (!IsMonth(in.month))
      return Status::InvalidArgument("month must be a month YYYY-MM").Field("month").Zh("month 须为 YYYY-MM 格式的月份");
    if (in.month < row.opened_on.substr(0, 7))
      return Status::InvalidArgument("month " + in.month + " is before the claim was opened (" + row.opened_on + ")")
          .Field("month")
          .Zh("月份 " + in.month + " 早于申领日期（" + row.opened_on + "）");
    const bool employed = action == "spouse_employed";
    const std::string current = MonthOf(ShanghaiDay(now));
    // The employer pays the allowance, so it may not end months that have come: only the
    // talent (or the office) reports a change from an earlier month.
    if (employed && by.IsEmployer() && in.month < current)
      return Status::InvalidArgument("an employer records the spouse's work from this month (" + current +
                                     ") on; the talent or the office records an earlier month")
          .Field("month")
          .Zh("用人单位只能登记本月（" + current + "）起的配偶就业情况；更早的月份由人才本人或主管部门登记");
    // Changes follow one another in time: none before the last one recorded.
    auto history = store::ListSpouseEmployment(tx, row.talent_id);
    if (!history.ok()) return history.status();
    if (!history->empty() && in.month < history->back().month)
      return Status::InvalidArgument("month " + in.month + " is before the last change recorded (" +
                                     history->back().month + ")")
          .Field("month")
          .Zh("月份 " + in.month + " 早于已登记的最近一次变化（" + history->back().month + "）");
    JINCAI_RETURN_IF_ERROR(store::InsertSpouseEmployment(tx, {0, row.talent_id, in.month, employed, by.AuditName(),
                                                              UtcText(now)}));
    // Both allowance claims of the card follow the spouse's situation: months from then
    // on that were computed but not paid no longer fall due, or fall due again.
    store::ClaimFilter f;
    f.application_id = row.application_id;
    f.open_only = true;
    JINCAI_RETURN_IF_ERROR(store::ForEachClaim(tx, f, [&](store::ClaimRow& s) -> Status {
      const auto* se = domain::FindClaimEntitlement(s.entitlement);
      if (!se || se->kind != ClaimKind::kAllowance) return Status::Ok();
      if (employed) JINCAI_RETURN_IF_ERROR(DropUnpaidMonths(tx, by, s.id, in.month));
      if (s.id != row.id && s.state == row.state)
        JINCAI_RETURN_IF_ERROR(RecordClaimStep(tx, by, s, action, *to, in.month, now));
      if (employed) return Status::Ok();
      std::vector<std::string> not_computed;  // left for a later run, as in SpouseAllowances::Due
      return ComputeMonthsOrNote(tx, policies_, s, MonthOf(ShanghaiDay(now)), now, &not_computed);
    }));
    if (note.empty()) note = in.month;
  }
  row.detail = detail.dump();
  return RecordClaimStep(tx, by, row, action, *to, note, now);
}

Result<ClaimView> Claims::Act(const Actor& by, int64_t id, const std::string& action, const ClaimInput& in) {
  const int64_t now = clock_();
  std::optional<ClaimView> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto row = ClaimInScope(tx, by, id);
    if (!row.ok()) return row.status();
    if (in.expected_revision && *in.expected_revision != row->revision)
      return Status::Conflict("claim " + std::to_string(id) + " is at revision " + std::to_string(row->revision) +
                              ", not " + std::to_string(*in.expected_revision) + ": someone changed it; reload it")
          .Zh("待遇申领 " + std::to_string(id) + " 已被他人修改，请刷新后重试");
    JINCAI_RETURN_IF_ERROR(Apply(tx, by, *row, action, in, now));
    auto v = View(tx, by, std::move(*row), true);
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Status Claims::CloseFor(store::Tx& tx, int64_t application_id, const std::string& why) {
  const int64_t now = clock_();
  store::ClaimFilter f;
  f.application_id = application_id;
  return store::ForEachClaim(tx, f, [&](store::ClaimRow& r) -> Status {
    if (!r.letter_number.empty()) {
      auto letter = store::FindLetter(tx, r.letter_number);
      if (!letter.ok()) return letter.status();
      if (*letter && (*letter)->status == "valid") {
        JINCAI_RETURN_IF_ERROR(store::WithdrawLettersOf(tx, r.id));
        JINCAI_RETURN_IF_ERROR(store::InsertClaimEvent(
            tx, {0, r.id, UtcText(now), std::nullopt, "system", "withdraw_letter", r.state, r.state,
                 r.letter_number + " " + why}));
        JINCAI_RETURN_IF_ERROR(RecordChange(tx, Actor::System(), "letter.withdraw", "letter", r.letter_number,
                                            r.letter_number + "\x1fvalid", r.letter_number + "\x1fwithdrawn"));
      }
    }
    if (domain::FinalClaimState(r.state)) return Status::Ok();
    return RecordClaimStep(tx, Actor::System(), r, "close", "closed", why, now);
  });
}

}  // namespace jincai::service
