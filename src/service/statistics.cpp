// The statistics dashboard's figures (see statistics.h).
#include "service/statistics.h"

#include <nlohmann/json.hpp>

#include "policy/value.h"
#include "store/records/applications_table.h"
#include "store/records/statistics_queries.h"

namespace jincai::service {
namespace {

using nlohmann::json;

std::string Or(const std::string& s, const char* fallback) { return s.empty() ? fallback : s; }

}  // namespace

std::string AgeBand(int32_t birth, int32_t day) {
  const int64_t age = policy::YearsBetween(birth, day);
  if (age < 30) return "<30";
  if (age >= 60) return "60+";
  const int64_t low = age / 10 * 10;
  return std::to_string(low) + "-" + std::to_string(low + 9);
}

std::vector<std::vector<std::string>> StatisticsReport::Rows() const {
  std::vector<std::vector<std::string>> out;
  auto add = [&](const std::string& section, const std::string& key, const std::string& sub, int64_t v) {
    out.push_back({section, key, sub, std::to_string(v)});
  };
  add("totals", "talents", "", talents);
  add("totals", "employers", "", employers);
  add("totals", "cards_in_force", "", holders);
  add("totals", "leading_talents", top_tier, leading);
  for (const auto& [state, n] : applications_by_state) add("applications", state, "", n);
  for (const auto& [dimension, values] : holders_by)
    for (const auto& [value, n] : values) add("holders_by_" + dimension, value, "", n);
  for (const auto& f : flow) {
    add("flow", f.month, "issued", f.issued);
    add("flow", f.month, "renewed", f.renewed);
    add("flow", f.month, "revoked", f.revoked);
    add("flow", f.month, "expired", f.expired);
  }
  for (const auto& e : entitlements) {
    add("entitlement_holders", e.id, e.payer, e.holders);
    out.push_back({"entitlement_monthly_cny", e.id, e.payer, policy::FormatMoney(e.monthly_fen)});
  }
  for (const auto& [payer, fen] : monthly_fen_by_payer)
    out.push_back({"monthly_cny_by_payer", payer, "", policy::FormatMoney(fen)});
  for (const auto& [entitlement, states] : claims)
    for (const auto& [state, n] : states) add("claims", entitlement, state, n);
  out.push_back({"allowance_months_cny", "computed", "", policy::FormatMoney(allowance_computed_fen)});
  out.push_back({"allowance_months_cny", "paid", "", policy::FormatMoney(allowance_paid_fen)});
  out.push_back({"allowance_months_cny", "unpaid", "", policy::FormatMoney(allowance_unpaid_fen)});
  return out;
}

Statistics::Statistics(store::Store& store, PolicyRegistry& policies, Clock clock)
    : store_(store), policies_(policies), clock_(std::move(clock)) {}

Result<StatisticsReport> Statistics::Report(const Actor& by) {
  if (!by.SeesProvince()) return Status::Forbidden("only the office sees the statistics").Zh("只有主管部门可以查看统计");
  const int32_t today = ShanghaiDay(clock_());
  StatisticsReport r;
  r.as_of = policy::FormatDate(today);
  if (auto policy = policies_.InForce(today); policy.ok() && !(*policy)->compiled->doc().tiers.empty())
    r.top_tier = (*policy)->compiled->doc().tiers.front().id;
  std::map<std::pair<std::string, std::string>, size_t> entitlement_at;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto talents = store::CountTalents(tx);
    if (!talents.ok()) return talents.status();
    r.talents = *talents;
    auto employers = store::CountEmployers(tx);
    if (!employers.ok()) return employers.status();
    r.employers = *employers;
    auto states = store::CountApplicationsByState(tx);
    if (!states.ok()) return states.status();
    r.applications_by_state = std::move(*states);
    for (int64_t after = 0;;) {
      auto page = store::HoldersPage(tx, after, 1000);
      if (!page.ok()) return page.status();
      if (page->empty()) break;
      for (const auto& [id, h] : *page) {
        after = id;
        ++r.holders;
        if (h.tier == r.top_tier) ++r.leading;
        json d = json::parse(h.dossier, nullptr, false);
        if (!d.is_object()) d = json::object();
        r.holders_by["tier"][Or(h.tier, "none")]++;
        r.holders_by["field"][Or(d.value("field", ""), "unknown")]++;
        r.holders_by["city"][Or(h.employer_city, "unknown")]++;
        r.holders_by["employer_kind"][Or(h.employer_kind, "unknown")]++;
        r.holders_by["nationality"][Or(d.value("nationality", ""), "unknown")]++;
        auto birth = policy::ParseDate(d.value("birth_date", ""));
        r.holders_by["age_band"][birth ? AgeBand(*birth, today) : "unknown"]++;
        json decision = json::parse(h.decision, nullptr, false);
        if (!decision.is_object() || !decision.contains("decision")) continue;
        for (const auto& e : decision["decision"].value("entitlements", json::array())) {
          auto key = std::make_pair(e.value("id", ""), e.value("payer", ""));
          auto [it, fresh] = entitlement_at.emplace(key, r.entitlements.size());
          if (fresh) r.entitlements.push_back({key.first, key.second, 0, 0});
          auto& row = r.entitlements[it->second];
          ++row.holders;
          if (e.contains("monthly_cny")) {
            const int64_t fen = policy::ParseMoney(e["monthly_cny"].dump()).value_or(0);
            row.monthly_fen += fen;
            r.monthly_fen_by_payer[key.second] += fen;
          }
        }
      }
    }
    auto flow = store::CardFlowByHour(tx);
    if (!flow.ok()) return flow.status();
    std::map<std::string, StatisticsReport::Flow> by_month;  // the office's (Asia/Shanghai) calendar months
    for (const auto& f : *flow) {
      const std::string month = ShanghaiDate(ParseUtcText(f.key + ":00:00Z")).substr(0, 7);
      auto& m = by_month[month];
      m.month = month;
      (f.key2 == "issue" ? m.issued : f.key2 == "renew" ? m.renewed : f.key2 == "revoke" ? m.revoked : m.expired) +=
          f.count;
    }
    for (auto& [month, m] : by_month) r.flow.push_back(std::move(m));
    auto claims = store::ClaimsByEntitlementAndState(tx);
    if (!claims.ok()) return claims.status();
    for (const auto& c : *claims) r.claims[c.key][c.key2] = c.count;
    auto totals = store::AllowanceMonthTotals(tx);
    if (!totals.ok()) return totals.status();
    r.allowance_computed_fen = totals->computed_fen;
    r.allowance_paid_fen = totals->paid_fen;
    r.allowance_unpaid_fen = totals->unpaid_fen;
    return Status::Ok();
  }));
  return r;
}

}  // namespace jincai::service
