// Records as JSON (see views.h).
#include "http/views.h"

#include "policy/io/json_text.h"

namespace jincai::http {
namespace {

using nlohmann::json;

json OptId(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }
json OptText(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json ParsedOrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  json v = json::parse(text, nullptr, false);
  return v.is_discarded() ? json(nullptr) : v;
}

}  // namespace

json EmployerJson(const store::EmployerRow& e) {
  return {{"id", e.id},       {"credit_code", e.credit_code}, {"name", e.name},
          {"kind", e.kind},   {"ownership", e.ownership},     {"city", e.city},
          {"avg_monthly_salary_fen", e.avg_monthly_salary_fen}, {"created_at", e.created_at},
          {"updated_at", e.updated_at}};
}

json TalentJson(const store::TalentRow& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"document_kind", t.document_kind},
          {"document_number", t.document_number},
          {"nationality", t.nationality},
          {"employer_id", OptId(t.employer_id)},
          {"dossier", ParsedOrNull(t.dossier)},
          {"created_at", t.created_at},
          {"updated_at", t.updated_at}};
}

json UserJson(const store::UserRow& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"role", u.role},
          {"display_name", u.display_name},
          {"employer_id", OptId(u.employer_id)},
          {"talent_id", OptId(u.talent_id)},
          {"locked_until", OptText(u.locked_until)},
          {"created_at", u.created_at}};
}

json ActorJson(const service::Actor& a) {
  return {{"user_id", a.user_id},
          {"username", a.username},
          {"role", std::string(domain::RoleName(a.role))},
          {"employer_id", OptId(a.employer_id)},
          {"talent_id", OptId(a.talent_id)}};
}

json ApplicationJson(const store::ApplicationRow& a) {
  json out = {{"id", a.id},
              {"talent_id", a.talent_id},
              {"employer_id", OptId(a.employer_id)},
              {"state", a.state},
              {"revision", a.revision},
              {"submitted_on", OptText(a.submitted_on)},
              {"policy_version_id", OptId(a.policy_version_id)},
              {"tier", OptText(a.tier)},
              {"card_expires_on", OptText(a.card_expires_on)},
              {"created_at", a.created_at},
              {"updated_at", a.updated_at}};
  if (!a.decision.empty()) {
    // Stored as {"policy": the version used, "decision": the engine's result}.
    json d = ParsedOrNull(a.decision);
    out["decision"] = d.is_object() && d.contains("decision") ? d["decision"] : d;
    if (d.is_object() && d.contains("policy")) out["decided_under"] = d["policy"];
  }
  return out;
}

std::string ApplicationStatusJson(const store::ApplicationRow& a) {
  std::string out;
  out.reserve(320);
  auto key = [&](const char* k) {
    out += out.empty() ? "{\"" : ",\"";
    out += k;
    out += "\":";
  };
  auto id = [&](const char* k, const std::optional<int64_t>& v) {
    key(k);
    out += v ? std::to_string(*v) : "null";
  };
  auto text = [&](const char* k, const std::string& v, bool null_when_empty) {
    key(k);
    if (null_when_empty && v.empty()) out += "null";
    else policy::AppendJsonString(out, v);
  };
  // The keys in ApplicationJson's order (nlohmann's: sorted), so both read the same.
  text("card_expires_on", a.card_expires_on, true);
  text("created_at", a.created_at, false);
  id("employer_id", a.employer_id);
  id("id", a.id);
  id("policy_version_id", a.policy_version_id);
  id("revision", a.revision);
  text("state", a.state, false);
  text("submitted_on", a.submitted_on, true);
  id("talent_id", a.talent_id);
  text("tier", a.tier, true);
  text("updated_at", a.updated_at, false);
  out += '}';
  return out;
}

json ApplicationViewJson(const service::ApplicationView& v) {
  json out = ApplicationJson(v.row);
  out["dossier"] = ParsedOrNull(v.row.dossier);
  json events = json::array();
  for (const auto& e : v.events)
    events.push_back({{"at", e.at},
                      {"actor_user_id", OptId(e.actor_user_id)},
                      {"actor_role", e.actor_role},
                      {"action", e.action},
                      {"from", OptText(e.from_state)},
                      {"to", e.to_state},
                      {"reason", OptText(e.reason)}});
  out["timeline"] = events;
  json actions = json::array();
  for (auto a : v.actions) actions.push_back(std::string(domain::ActionName(a)));
  out["actions"] = actions;
  return out;
}

json PolicyVersionJson(const store::PolicyVersionRow& p) {
  json out = {{"id", p.id},
              {"policy_id", p.policy_id},
              {"version", p.version},
              {"effective_from", p.effective_from},
              {"digest", p.digest},
              {"uploaded_by", OptId(p.uploaded_by)},
              {"uploaded_at", p.uploaded_at}};
  if (!p.text.empty()) out["text"] = p.text;
  return out;
}

json PolicyCheckJson(const service::PolicyCheckReport& r) {
  json items = json::array();
  for (const auto& i : r.items)
    items.push_back({{"severity", i.severity},
                     {"code", i.code},
                     {"message", i.message},
                     {"line", i.line},
                     {"column", i.column},
                     {"rendered", i.rendered}});
  return {{"ok", r.ok},
          {"policy_id", OptText(r.policy_id)},
          {"version", OptText(r.version)},
          {"effective", OptText(r.effective)},
          {"diagnostics", items}};
}

json EvaluationJson(const service::Evaluation& e) {
  json out = ParsedOrNull(e.json);
  out["tier"] = e.tier;
  out["auto_approve"] = e.auto_approve;
  return out;
}

}  // namespace jincai::http
