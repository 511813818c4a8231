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

// A timeline of application or claim events: who did what, when, from which state to
// which, and the text that came with it (a reason, a note) under `text_key`.
template <class Event>
json TimelineJson(const std::vector<Event>& events, const char* text_key, std::string Event::*text) {
  json out = json::array();
  for (const auto& e : events)
    out.push_back({{"at", e.at},
                   {"actor_user_id", OptId(e.actor_user_id)},
                   {"actor_role", e.actor_role},
                   {"action", e.action},
                   {"from", OptText(e.from_state)},
                   {"to", e.to_state},
                   {text_key, OptText(e.*text)}});
  return out;
}

json ApplicationViewJson(const service::ApplicationView& v) {
  json out = ApplicationJson(v.row);
  out["dossier"] = ParsedOrNull(v.row.dossier);
  out["timeline"] = TimelineJson(v.events, "reason", &store::ApplicationEventRow::reason);
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

json LetterJson(const store::LetterRow& l, bool zh) {
  return {{"number", l.number},           {"kind", l.kind},       {"holder_name", l.holder_name},
          {"body", zh ? l.body_zh : l.body_en}, {"issued_on", l.issued_on}, {"valid_until", l.valid_until},
          {"status", l.status},           {"claim_id", l.claim_id}};
}

json AllowanceMonthJson(const store::AllowanceMonthRow& m) {
  return {{"month", m.month},
          {"amount_fen", m.amount_fen},
          {"policy_version", m.policy_version},
          {"salary_fen", m.salary_fen},
          {"paid_on", OptText(m.paid_on)},
          {"paid_fen", m.paid_on.empty() ? json(nullptr) : json(m.paid_fen)}};
}

json FlatJson(const service::FlatView& f) {
  return {{"id", f.row.id},
          {"employer_id", f.row.employer_id},
          {"address", f.row.address},
          {"area_m2", f.row.area_m2},
          {"rooms", f.row.rooms},
          {"available_from", f.row.available_from},
          {"available_to", f.row.available_to},
          {"retired", f.row.retired},
          {"claim_id", OptId(f.claim_id)}};
}

json SchoolJson(const store::SchoolRow& s) {
  json priority = json::array();
  for (size_t at = 0; at < s.priority.size();) {
    size_t comma = s.priority.find(',', at);
    if (comma == std::string::npos) comma = s.priority.size();
    priority.push_back(s.priority.substr(at, comma - at));
    at = comma + 1;
  }
  return {{"id", s.id},     {"code", s.code},         {"name", s.name},         {"city", s.city},
          {"stage", s.stage}, {"capacity", s.capacity}, {"priority", priority}};
}

json ClaimViewJson(const service::ClaimView& v, bool zh) {
  const store::ClaimRow& c = v.row;
  json out = {{"id", c.id},
              {"application_id", c.application_id},
              {"talent_id", c.talent_id},
              {"employer_id", OptId(c.employer_id)},
              {"entitlement", c.entitlement},
              {"child", c.child ? json(c.child) : json(nullptr)},
              {"state", c.state},
              {"revision", c.revision},
              {"responsible", v.responsible},
              {"detail", ParsedOrNull(c.detail)},
              {"opened_on", c.opened_on},
              {"updated_at", c.updated_at},
              {"overdue", v.overdue}};
  out["flat"] = v.flat ? FlatJson({*v.flat, std::nullopt}) : json(nullptr);
  out["school"] = v.school ? SchoolJson(*v.school) : json(nullptr);
  out["letter"] = v.letter ? LetterJson(*v.letter, zh) : json(nullptr);
  json actions = json::array();
  for (const auto& a : v.actions) actions.push_back(a);
  out["actions"] = actions;
  if (!v.events.empty()) {
    out["timeline"] = TimelineJson(v.events, "note", &store::ClaimEventRow::note);
  }
  const auto* kind = domain::FindClaimEntitlement(c.entitlement);
  if (kind && kind->kind == domain::ClaimKind::kAllowance) {
    json months = json::array();
    for (const auto& m : v.months) {
      json j = AllowanceMonthJson(m.row);
      j["status"] = m.status;
      months.push_back(j);
    }
    out["months"] = months;
  }
  return out;
}

json DueMonthJson(const service::DueMonth& d) {
  json j = AllowanceMonthJson(d.row);
  j["status"] = d.status;
  j["claim_id"] = d.claim.id;
  j["entitlement"] = d.claim.entitlement;
  j["talent_id"] = d.claim.talent_id;
  j["employer_id"] = OptId(d.claim.employer_id);
  return j;
}

json PlacementRunJson(const store::PlacementRunRow& r) {
  json out = {{"id", r.id},          {"run_at", r.run_at},     {"run_by", r.run_by},
              {"inputs_digest", r.inputs_digest}, {"children", r.children}, {"placed", r.placed}};
  // The summary's figures (unplaced, changed, by_choice) beside the others.
  json summary = ParsedOrNull(r.summary);
  if (summary.is_object())
    for (const auto& [k, v] : summary.items()) out[k] = v;
  return out;
}

std::string CardVerdictJson(const service::OnlineVerdict& v, bool zh) {
  std::string out;
  out.reserve(1024);
  auto text = [&](const char* key, std::string_view value) {
    out += '"';
    out += key;
    out += "\":";
    policy::AppendJsonString(out, value);
    out += ',';
  };
  out += '{';
  const card::CardVerdict& offline = *v.offline;
  if (offline.payload && offline.SignatureVerified()) {
    const card::CardPayload& p = *offline.payload;
    out += "\"card\":{";
    text("card_id", p.card_id);
    out += "\"entitlements\":[";
    for (size_t i = 0; i < p.entitlements.size(); ++i) {
      out += i ? ",{" : "{";
      text("clause", p.entitlements[i].clause);
      out += "\"id\":";
      policy::AppendJsonString(out, p.entitlements[i].id);
      out += '}';
    }
    out += "],";
    text("expires_on", card::CardDayText(p.expires_on));
    text("holder_name", p.holder_name);
    text("issued_on", card::CardDayText(p.issued_on));
    text("nationality", p.nationality);
    text("policy_id", p.policy_id);
    text("policy_version", p.policy_version);
    out += "\"tier\":";
    policy::AppendJsonString(out, p.tier);
    out += "},";
  }
  if (offline.key_id.empty()) out += "\"key_id\":null,";
  else text("key_id", offline.key_id);
  text("reason", zh ? v.reason_zh : v.reason);
  out += "\"verdict\":";
  policy::AppendJsonString(out, v.status);
  out += '}';
  return out;
}

}  // namespace jincai::http
