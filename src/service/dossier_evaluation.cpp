// Composing, checking and deciding dossiers (see dossier_evaluation.h).
#include "service/dossier_evaluation.h"

#include <nlohmann/json.hpp>

#include "policy/eval/evaluator.h"
#include "policy/explain/trace.h"
#include "policy/explain/what_it_takes.h"
#include "policy/io/decision_writer.h"
#include "policy/io/dossier_reader.h"
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
  auto set = [&](const char* name, json v) {
    if (doc.FindInput(name)) d[name] = std::move(v);
  };
  d["id"] = "talent-" + std::to_string(t.id);
  set("name", t.name);
  set("nationality", t.nationality);
  if (e) {
    set("employer_id", std::to_string(e->id));
    // Fen to yuan: a decimal literal, exact (the engine reads the digits, not a double).
    set("employer_avg_monthly_salary_cny", json::parse(std::to_string(e->avg_monthly_salary_fen / 100) + "." +
                                                       (e->avg_monthly_salary_fen % 100 < 10 ? "0" : "") +
                                                       std::to_string(e->avg_monthly_salary_fen % 100)));
    set("employer_ownership", e->ownership);
  }
  return d.dump();
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
