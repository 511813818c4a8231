// /api/v1/statistics: the dashboard's figures as JSON, and the same as CSV or an Excel
// workbook (one sheet per section) for download.
#include <map>

#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/problem.h"
#include "http/spreadsheet.h"
#include "policy/value.h"

namespace jincai::http {
namespace {

const std::vector<std::string> kHeader = {"section", "key", "detail", "value"};

Response Download(std::string body, const char* type, const std::string& name) {
  Response r;
  r.content_type = type;
  r.body = std::move(body);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  r.headers.emplace_back("Cache-Control", "private, no-cache");
  return r;
}

}  // namespace

Response HandleStatistics(const Request& req, Services& s) {
  auto r = s.statistics.Report(req.auth->actor);
  if (!r.ok()) return ProblemFor(r.status(), req);
  nlohmann::json by = nlohmann::json::object();
  for (const auto& [dimension, values] : r->holders_by) by[dimension] = values;
  nlohmann::json flow = nlohmann::json::array();
  for (const auto& f : r->flow)
    flow.push_back({{"month", f.month}, {"issued", f.issued}, {"renewed", f.renewed}, {"revoked", f.revoked},
                    {"expired", f.expired}});
  nlohmann::json ents = nlohmann::json::array();
  for (const auto& e : r->entitlements)
    ents.push_back({{"id", e.id}, {"payer", e.payer}, {"holders", e.holders}, {"monthly_fen", e.monthly_fen}});
  nlohmann::json states = nlohmann::json::object();
  for (const auto& [state, n] : r->applications_by_state) states[state] = n;
  return JsonResponse({{"as_of", r->as_of},
                       {"totals",
                        {{"talents", r->talents},
                         {"employers", r->employers},
                         {"cards_in_force", r->holders},
                         {"leading_talents", r->leading},
                         {"top_tier", r->top_tier}}},
                       {"applications_by_state", states},
                       {"holders_by", by},
                       {"flow", flow},
                       {"entitlements", ents},
                       {"monthly_fen_by_payer", r->monthly_fen_by_payer},
                       {"claims", r->claims},
                       {"allowance_months_fen",
                        {{"computed", r->allowance_computed_fen},
                         {"paid", r->allowance_paid_fen},
                         {"unpaid", r->allowance_unpaid_fen}}}});
}

Response HandleStatisticsCsv(const Request& req, Services& s) {
  auto r = s.statistics.Report(req.auth->actor);
  if (!r.ok()) return ProblemFor(r.status(), req);
  return Download(CsvOf(kHeader, r->Rows()), "text/csv; charset=utf-8", "jincai-statistics-" + r->as_of + ".csv");
}

Response HandleStatisticsXlsx(const Request& req, Services& s) {
  auto r = s.statistics.Report(req.auth->actor);
  if (!r.ok()) return ProblemFor(r.status(), req);
  std::vector<Sheet> sheets;  // one per section, in the order sections first appear
  std::map<std::string, size_t> sheet_of;
  for (auto& row : r->Rows()) {
    auto [it, fresh] = sheet_of.emplace(row[0], sheets.size());
    if (fresh) sheets.push_back({row[0], kHeader, {}});
    sheets[it->second].rows.push_back(std::move(row));
  }
  auto book = XlsxOf(sheets);
  if (!book.ok()) return ProblemFor(book.status(), req);
  return Download(std::move(*book), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  "jincai-statistics-" + r->as_of + ".xlsx");
}

}  // namespace jincai::http
