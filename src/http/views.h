// The JSON shape of each record in API responses, in one place so that every route
// shows a record the same way (and never a password hash or token digest).
#pragma once

#include <nlohmann/json.hpp>

#include "service/applications.h"
#include "service/cards.h"
#include "service/claims.h"
#include "service/dossier_evaluation.h"
#include "service/policy_registry.h"
#include "service/school_places.h"
#include "service/spouse_allowances.h"
#include "service/turnover_flats.h"
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
// Entitlement claims and what they hold. A letter's body is in the request's language.
nlohmann::json ClaimViewJson(const service::ClaimView& v, bool zh);
nlohmann::json FlatJson(const service::FlatView& f);
nlohmann::json SchoolJson(const store::SchoolRow& s);
nlohmann::json LetterJson(const store::LetterRow& l, bool zh);
nlohmann::json AllowanceMonthJson(const store::AllowanceMonthRow& m);
nlohmann::json DueMonthJson(const service::DueMonth& d);
nlohmann::json PlacementRunJson(const store::PlacementRunRow& r);
// The answer of POST /api/v1/cards/verify, written directly (the route verifiers poll):
// {card?, key_id, reason, verdict}, the reason in Chinese when `zh`.
std::string CardVerdictJson(const service::OnlineVerdict& v, bool zh);

}  // namespace jincai::http
