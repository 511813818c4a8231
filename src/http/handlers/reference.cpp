// GET /api/v1/reference: the codes forms offer, with Chinese and English labels:
// employer kinds, ownerships, cities, professional fields, engagement modes, roles,
// application states and actions.
#include "domain/application_workflow.h"
#include "domain/employer_profile.h"
#include "http/handlers/handlers.h"
#include "http/json_io.h"

namespace jincai::http {
namespace {

nlohmann::json ListOf(const std::vector<domain::Labelled>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : list) out.push_back({{"code", l.code}, {"zh", l.zh}, {"en", l.en}});
  return out;
}

}  // namespace

Response HandleReference(const Request&, Services&) {
  // The lists are constants of this build: rendered once.
  static const std::string kBody = [] {
    nlohmann::json states = nlohmann::json::array(), actions = nlohmann::json::array();
    for (auto st : domain::AllStates()) states.push_back({{"code", domain::StateName(st)}, {"zh", domain::StateNameZh(st)}});
    for (auto a : domain::AllActions()) actions.push_back({{"code", domain::ActionName(a)}, {"zh", domain::ActionNameZh(a)}});
    return JsonResponse({{"employer_kinds", ListOf(domain::EmployerKinds())},
                         {"employer_ownerships", ListOf(domain::EmployerOwnerships())},
                         {"cities", ListOf(domain::ShanxiCities())},
                         {"fields", ListOf(domain::ProfessionalFields())},
                         {"engagements", ListOf(domain::EngagementModes())},
                         {"application_states", states},
                         {"application_actions", actions}})
        .body;
  }();
  Response r;
  r.body = kBody;
  r.headers.emplace_back("Cache-Control", "public, max-age=3600");
  return r;
}

}  // namespace jincai::http
