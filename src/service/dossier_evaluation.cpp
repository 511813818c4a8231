// Composing, checking and deciding dossiers (see dossier_evaluation.h).
#include "service/dossier_evaluation.h"

#include <nlohmann/json.hpp>

#include "policy/eval/evaluator.h"
#include "policy/explain/trace.h"
#include "policy/explain/what_it_takes.h"
#include "policy/io/decision_writer.h"
#include "policy/io/dossier_reader.h"
#include "policy/io/json_text.h"
#include "policy/value.h"

namespace jincai::service {
namespace {

using nlohmann::json;

// Inputs the platform fills from its records; a talent's own dossier may not set them.
constexpr const char* kRecordOwned[] = {"id", "name", "nationality", "employer_id", "employer_avg_monthly_salary_cny",
                                        "employer_ownership"};

// The reader's message names the field as "field 'x.y'"; the API names it "dossier.x.y".
Status DossierProblem(const Status& st) {
  const std::string& m = st.message();
  std::string field = "dossier";
  if (auto at = m.find("field '"); at != std::string::npos) {
    auto end = m.find('\'', at + 7);
    if (end != std::string::npos) field += "." + m.substr(at + 7, end - at - 7);
  }
  std::string what = m;
  if (auto colon = m.find("): "); m.starts_with("line ") && colon != std::string::npos) what = m.substr(colon + 3);
  else if (auto c2 = m.find(": "); m.starts_with("line ") && c2 != std::string::npos) what = m.substr(c2 + 2);
  return Status::InvalidArgument("dossier: " + what).Field(field).Zh("档案有误：" + what);
}

}  // namespace

const std::vector<std::string>& RecordOwnedInputs() {
  static const std::vector<std::string> kAll(std::begin(kRecordOwned), std::end(kRecordOwned));
  return kAll;
}

namespace {

void AppendRecordOwnedMembers(std::string& out, const store::TalentRow& t, const std::optional<store::EmployerRow>& e,
                              const policy::PolicyDocument& doc) {
  auto key = [&](const char* name) {
    if (!doc.FindInput(name)) return false;
    out += '"';
    out += name;
    out += "\":";
    return true;
  };
  out += "\"id\":\"talent-";
  out += std::to_string(t.id);
  out += "\",";
  if (key("name")) policy::AppendJsonString(out, t.name), out += ',';
  if (key("nationality")) policy::AppendJsonString(out, t.nationality), out += ',';
  if (e) {
    if (key("employer_id")) policy::AppendJsonString(out, std::to_string(e->id)), out += ',';
    // Fen to yuan as a decimal literal: exact (the engine reads digits, not a double).
    if (key("employer_avg_monthly_salary_cny")) out += policy::FormatMoney(e->avg_monthly_salary_fen), out += ',';
    if (key("employer_ownership")) policy::AppendJsonString(out, e->ownership), out += ',';
  } else {
    // No employer yet: neutral values, so that the rest of the dossier can be checked
    // and previewed. A submission always names an employer.
    if (key("employer_id")) out += "\"\",";
    if (key("employer_avg_monthly_salary_cny")) out += "0,";
    if (const auto* in = doc.FindInput("employer_ownership"); in && !in->scalar.values.empty())
      key("employer_ownership"), policy::AppendJsonString(out, in->scalar.values.front()), out += ',';
  }
}

// Appends object_text with `members` (each followed by a comma) put first.
void AppendSpliced(std::string& out, std::string_view object_text, std::string_view members) {
  out += '{';
  out += members;
  std::string_view rest = object_text.substr(1);  // after '{'
  size_t first = rest.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && rest[first] == '}') out.pop_back();  // no members follow: drop the comma
  out += rest;
}

}  // namespace

std::string RecordOwnedMembers(const store::TalentRow& t, const std::optional<store::EmployerRow>& e,
                               const policy::PolicyDocument& doc) {
  std::string out;
  AppendRecordOwnedMembers(out, t, e, doc);
  return out;
}

void ComposeDossierText(std::string_view object_text, const store::TalentRow& t,
                        const std::optional<store::EmployerRow>& e, const policy::PolicyDocument& doc,
                        std::string* out) {
  thread_local std::string members;
  members.clear();
  AppendRecordOwnedMembers(members, t, e, doc);
  out->clear();
  AppendSpliced(*out, object_text, members);
}

std::string SpliceMembers(std::string_view object_text, const std::string& members) {
  std::string out;
  out.reserve(object_text.size() + members.size());
  AppendSpliced(out, object_text, members);
  return out;
}

Result<std::string> ComposeDossier(const store::TalentRow& t, const std::optional<store::EmployerRow>& e,
                                   const policy::PolicyDocument& doc) {
  json d = json::parse(t.dossier.empty() ? "{}" : t.dossier, nullptr, false);
  if (!d.is_object())
    return Status::InvalidArgument("the dossier must be a JSON object").Field("dossier").Zh("档案须为 JSON 对象");
  for (const char* k : kRecordOwned)
    if (d.contains(k))
      return Status::InvalidArgument(std::string("dossier field '") + k +
                                     "' comes from the talent's or employer's record and cannot be set in the dossier")
          .Field(std::string("dossier.") + k)
          .Zh(std::string("档案字段 '") + k + "' 来自人才或单位的登记信息，不能在档案中填写");
  return SpliceMembers(d.dump(), RecordOwnedMembers(t, e, doc));
}

Status CheckDossier(const LoadedPolicy& lp, const std::string& dossier_json) {
  std::lock_guard lock(lp.mu);
  const policy::CompiledPolicy& p = *lp.compiled;
  policy::Batch batch;
  batch.Reset(p.layout());
  Status st = policy::AppendJsonRecord(dossier_json, 1, p.layout(), p.pool(), batch);
  if (!st.ok()) return DossierProblem(st);
  return Status::Ok();
}

Result<Evaluation> EvaluateDossier(const LoadedPolicy& lp, const std::string& dossier_json, int32_t day,
                                   bool what_it_takes) {
  std::lock_guard lock(lp.mu);
  const policy::CompiledPolicy& p = *lp.compiled;
  policy::Batch batch;
  batch.Reset(p.layout());
  Status st = policy::AppendJsonRecord(dossier_json, 1, p.layout(), p.pool(), batch);
  if (!st.ok()) return DossierProblem(st);
  policy::Evaluator ev(p);
  if (Status s = ev.SetDate(day); !s.ok())
    return Status::Conflict("the policy cannot decide on " + policy::FormatDate(day) + ": " + s.message());
  policy::Decisions d;
  ev.Evaluate(batch, &d);
  if (d.error[0] != policy::EvalError::kNone)
    return Status::Conflict("the policy failed on this dossier: " + policy::DescribeEvalError(p, d.error[0], d.error_instr[0]));
  std::string line;
  policy::DecisionWriter writer(p, policy::DecisionFormat::kJsonl);
  writer.WriteBatch(batch, d, line, [&](int32_t r, std::string& s) {
    policy::AppendTraceJson(ev, d, r, s);
    if (what_it_takes) policy::AppendWhatItTakesJson(p, day, batch, r, s);
  });
  while (!line.empty() && (line.back() == '\n')) line.pop_back();
  Evaluation out;
  int32_t t = d.tier[0];
  out.tier = t < 0 ? "none" : p.doc().tiers[static_cast<size_t>(t)].id;
  out.auto_approve = t >= 0 && p.doc().tiers[static_cast<size_t>(t)].auto_approve;
  json policy_info = {{"version_id", lp.row.id}, {"id", lp.row.policy_id}, {"version", lp.row.version},
                      {"effective_from", lp.row.effective_from}, {"as_of", policy::FormatDate(day)}};
  out.json = R"({"policy":)" + policy_info.dump() + R"(,"decision":)" + line + "}";
  return out;
}

}  // namespace jincai::service
