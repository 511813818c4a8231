// The JSON shape of each record in API responses, in one place so that every route
// shows a record the same way (and never a password hash or token digest).
#pragma once

#include <nlohmann/json.hpp>

#include "service/applications.h"
#include "service/dossier_evaluation.h"
#include "service/policy_registry.h"
#include "store/records/accounts_table.h"
#include "store/records/employers_table.h"
#include "store/records/talents_table.h"

namespace jincai::http {

nlohmann::json EmployerJson(const store::EmployerRow& e);
nlohmann::json TalentJson(const store::TalentRow& t);
nlohmann::json UserJson(const store::UserRow& u);
nlohmann::json ActorJson(const service::Actor& a);
nlohmann::json ApplicationJson(const store::ApplicationRow& a);  // with the decision when set
// The same fields as ApplicationJson without a decision, as text written directly.
std::string ApplicationStatusJson(const store::ApplicationRow& a);
nlohmann::json ApplicationViewJson(const service::ApplicationView& v);
nlohmann::json PolicyVersionJson(const store::PolicyVersionRow& p);  // with the text when set
nlohmann::json PolicyCheckJson(const service::PolicyCheckReport& r);
nlohmann::json EvaluationJson(const service::Evaluation& e);

}  // namespace jincai::http
