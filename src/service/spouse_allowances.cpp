// The spouse allowance's monthly schedule and payments (see spouse_allowances.h).
#include "service/spouse_allowances.h"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "domain/claim_workflow.h"
#include "policy/value.h"
#include "service/audit_trail.h"
#include "service/dossier_evaluation.h"
#include "store/records/applications_table.h"
#include "store/records/employers_table.h"

namespace jincai::service {
namespace {

using nlohmann::json;

bool IsAllowance(const std::string& entitlement) {
  const auto* e = domain::FindClaimEntitlement(entitlement);
  return e && e->kind == domain::ClaimKind::kAllowance;
}

std::string NextMonth(const std::string& m) {
  int y = std::stoi(m.substr(0, 4)), mo = std::stoi(m.substr(5, 2)) + 1;
  if (mo > 12) mo = 1, ++y;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y % 10000, mo);
  return buf;
}

// The claim's monthly amount for `month` under the policy in force on its first day,
// with the employer's salary now and the spouse present without work; nullopt when
// the policy does not grant the entitlement then.
struct MonthAmount {
  int64_t fen = 0;
  int64_t policy_version_id = 0;
  std::string policy_version;
  int64_t salary_fen = 0;
};

Result<std::optional<MonthAmount>> AmountFor(store::Tx& tx, PolicyRegistry& policies, const store::ClaimRow& claim,
                                             const store::ApplicationRow& app,
                                             const std::optional<store::EmployerRow>& employer, const std::string& month) {
  const int32_t day = *policy::ParseDate(month + "-01");
  auto policy = policies.InForce(tx, day);
  if (!policy.ok()) return policy.status();
  json dossier = json::parse(app.dossier, nullptr, false);
  if (!dossier.is_object()) return Status::Internal("application " + std::to_string(app.id) + " has no dossier");
  const int64_t salary = employer ? employer->avg_monthly_salary_fen : 0;
  dossier["employer_avg_monthly_salary_cny"] = static_cast<double>(salary) / 100.0;
  dossier["spouse"] = {{"present", true}, {"employed", false}};
  auto eval = EvaluateDossier(**policy, dossier.dump(), day);
  if (!eval.ok()) return eval.status();
  json d = json::parse(eval->json, nullptr, false);
  for (const auto& g : d["decision"].value("entitlements", json::array())) {
    if (g.value("id", "") != claim.entitlement || !g.contains("monthly_cny")) continue;
    auto fen = policy::ParseMoney(g["monthly_cny"].dump());
    if (!fen) return Status::Internal("the policy gave a monthly amount that is not money: " + g["monthly_cny"].dump());
    const auto& row = (*policy)->row;
    return std::optional<MonthAmount>(MonthAmount{*fen, row.id, row.policy_id + "@" + row.version, salary});
  }
  return std::optional<MonthAmount>();
}

}  // namespace

std::string MonthOf(int32_t day) { return policy::FormatDate(day).substr(0, 7); }

bool IsMonth(const std::string& t) {
  return t.size() == 7 && t[4] == '-' && policy::ParseDate(t + "-01").has_value();
}

Status ComputeMonths(store::Tx& tx, PolicyRegistry& policies, const store::ClaimRow& claim, const std::string& through,
                     int64_t now) {
  if (!IsAllowance(claim.entitlement) || domain::FinalClaimState(claim.state)) return Status::Ok();
  auto app = store::FindApplication(tx, claim.application_id);
  if (!app.ok()) return app.status();
  if (!*app) return Status::Internal("claim " + std::to_string(claim.id) + " has no application");
  std::string last = through;
  if ((*app)->card_expires_on.size() >= 7 && (*app)->card_expires_on.substr(0, 7) < last)
    last = (*app)->card_expires_on.substr(0, 7);
  auto stored = store::ListAllowanceMonths(tx, claim.id);
  if (!stored.ok()) return stored.status();
  std::set<std::string> have;
  for (const auto& m : *stored) have.insert(m.month);
  auto history = store::ListSpouseEmployment(tx, claim.talent_id);
  if (!history.ok()) return history.status();
  std::optional<store::EmployerRow> employer;
  if (claim.employer_id) {
    auto e = store::FindEmployer(tx, *claim.employer_id);
    if (!e.ok()) return e.status();
    employer = *e;
  }
  for (std::string m = claim.opened_on.substr(0, 7); m <= last; m = NextMonth(m)) {
    if (have.count(m)) continue;
    bool employed = false;
    for (const auto& h : *history)
      if (h.month <= m) employed = h.employed;
    if (employed) continue;
    auto amount = AmountFor(tx, policies, claim, **app, employer, m);
    if (!amount.ok()) return amount.status();
    if (!*amount || (*amount)->fen <= 0) continue;
    JINCAI_RETURN_IF_ERROR(store::InsertAllowanceMonth(
        tx, {claim.id, m, (*amount)->fen, (*amount)->policy_version_id, (*amount)->policy_version,
             (*amount)->salary_fen, "", 0, "", UtcText(now)}));
  }
  return Status::Ok();
}

Status ComputeMonthsOrNote(store::Tx& tx, PolicyRegistry& policies, const store::ClaimRow& claim,
                           const std::string& through, int64_t now, std::vector<std::string>* not_computed) {
  Status st = ComputeMonths(tx, policies, claim, through, now);
  const Code code = st.code();
  if (code == Code::kNotFound || code == Code::kInvalidArgument || code == Code::kConflict) {
    not_computed->push_back("claim " + std::to_string(claim.id) + ": " + st.message());
    return Status::Ok();
  }
  return st;
}

SpouseAllowances::SpouseAllowances(store::Store& store, PolicyRegistry& policies, Clock clock)
    : store_(store), policies_(policies), clock_(std::move(clock)) {}

Result<std::vector<DueMonth>> SpouseAllowances::Due(const Actor& by, const std::string& month,
                                                    std::vector<std::string>* not_computed) {
  std::optional<int64_t> employer;
  if (by.IsEmployer()) {
    if (!by.employer_id) return Status::Forbidden("this account has no employer").Zh("该账户未关联用人单位");
    employer = by.employer_id;
  } else if (!by.SeesProvince() && by.role != domain::Role::kSystem) {
    return Status::Forbidden("only employers and the office see allowances due").Zh("只有用人单位和主管部门可以查看应付补贴");
  }
  if (!IsMonth(month))
    return Status::InvalidArgument("month must be a month YYYY-MM").Field("month").Zh("month 须为 YYYY-MM 格式的月份");
  const int64_t now = clock_();
  if (month > MonthOf(ShanghaiDay(now)))
    return Status::InvalidArgument("month " + month + " has not come yet: a month's amount is computed when it comes")
        .Field("month")
        .Zh(month + " 尚未到来：每月金额在当月计算");
  std::vector<DueMonth> out;
  std::vector<std::string> skipped;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    std::map<int64_t, store::ClaimRow> claims;
    store::ClaimFilter f;
    f.entitlement_in = {"spouse_allowance", "spouse_social_insurance"};
    f.employer_id = employer;
    JINCAI_RETURN_IF_ERROR(store::ForEachClaim(tx, f, [&](store::ClaimRow& r) -> Status {
      JINCAI_RETURN_IF_ERROR(ComputeMonthsOrNote(tx, policies_, r, month, now, &skipped));
      claims.emplace(r.id, std::move(r));
      return Status::Ok();
    }));
    auto unpaid = store::UnpaidAllowanceMonths(tx, month, employer);
    if (!unpaid.ok()) return unpaid.status();
    for (auto& m : *unpaid) {
      auto c = claims.find(m.claim_id);
      if (c == claims.end()) continue;  // another employer's
      std::string status = m.month == month ? "due" : "missed";
      out.push_back({std::move(m), c->second, std::move(status)});
    }
    return Status::Ok();
  }));
  if (not_computed) *not_computed = std::move(skipped);
  return out;
}

Result<store::AllowanceMonthRow> SpouseAllowances::RecordPayment(const Actor& by, int64_t claim_id,
                                                                 const std::string& month,
                                                                 std::optional<int64_t> amount_fen,
                                                                 const std::string& paid_on_in) {
  if (!IsMonth(month))
    return Status::InvalidArgument("month must be a month YYYY-MM").Field("month").Zh("month 须为 YYYY-MM 格式的月份");
  const int64_t now = clock_();
  const std::string today = ShanghaiDate(now);
  if (month > MonthOf(ShanghaiDay(now)))
    return Status::InvalidArgument("month " + month + " has not come yet: a month is paid in or after it")
        .Field("month")
        .Zh(month + " 尚未到来，不能提前登记支付");
  const std::string paid_on = paid_on_in.empty() ? today : paid_on_in;
  if (!policy::ParseDate(paid_on) || paid_on > today || paid_on < month + "-01")
    return Status::InvalidArgument("paid_on must be a date YYYY-MM-DD from the month paid (" + month +
                                   "-01) to today")
        .Field("paid_on")
        .Zh("paid_on 须为所付月份（" + month + "-01）至今天之间的日期 YYYY-MM-DD");
  std::optional<store::AllowanceMonthRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto claim = ClaimInScope(tx, by, claim_id);
    if (!claim.ok()) return claim.status();
    if (!by.IsEmployer())
      return Status::Forbidden("the employer that pays records the payment").Zh("由支付补贴的用人单位登记支付");
    if (!IsAllowance(claim->entitlement))
      return Status::Conflict("claim " + std::to_string(claim_id) + " is " + claim->entitlement +
                              ", which has no monthly payments")
          .Zh("待遇申领 " + std::to_string(claim_id) + " 不是按月支付的待遇");
    std::vector<std::string> not_computed;
    JINCAI_RETURN_IF_ERROR(ComputeMonthsOrNote(tx, policies_, *claim, MonthOf(ShanghaiDay(now)), now, &not_computed));
    auto row = store::FindAllowanceMonth(tx, claim_id, month);
    if (!row.ok()) return row.status();
    if (!*row)
      return Status::InvalidArgument("nothing is due for " + month + " under claim " + std::to_string(claim_id) +
                                     " (before the claim, a month the spouse was employed, after the card, or not yet)")
          .Field("month")
          .Zh(month + " 在待遇申领 " + std::to_string(claim_id) + " 下没有应付款项");
    if (!(*row)->paid_on.empty())
      return Status::Conflict("the payment for " + month + " was recorded on " + (*row)->paid_on)
          .Zh(month + " 的支付已于 " + (*row)->paid_on + " 登记");
    const int64_t paid = amount_fen.value_or((*row)->amount_fen);
    if (paid != (*row)->amount_fen)
      return Status::InvalidArgument("the amount due for " + month + " is " + std::to_string((*row)->amount_fen) +
                                     " fen, not " + std::to_string(paid))
          .Field("amount_fen")
          .Zh(month + " 应付 " + std::to_string((*row)->amount_fen) + " 分");
    JINCAI_RETURN_IF_ERROR(store::RecordAllowancePayment(tx, claim_id, month, paid_on, paid, by.AuditName()));
    (*row)->paid_on = paid_on;
    (*row)->paid_fen = paid;
    (*row)->recorded_by = by.AuditName();
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "allowance.pay", "claim", std::to_string(claim_id), "",
                                        month + '\x1f' + std::to_string(paid) + '\x1f' + paid_on));
    out = **row;
    return Status::Ok();
  }));
  return *out;
}

}  // namespace jincai::service
