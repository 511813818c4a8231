// Scoped access to talents and employers (see records.h).
#include "service/records.h"

#include "service/accounts.h"
#include "service/audit_trail.h"
#include "service/recruitment_market.h"

namespace jincai::service {

using domain::Role;

Status TalentNotFound(int64_t id) {
  return Status::NotFound("no talent " + std::to_string(id)).Zh("不存在人才 " + std::to_string(id));
}

Status EmployerNotFound(int64_t id) {
  return Status::NotFound("no employer " + std::to_string(id)).Zh("不存在单位 " + std::to_string(id));
}

Result<std::optional<store::EmployerRow>> NamedEmployer(store::Tx& tx, std::optional<int64_t> id) {
  if (!id) return std::optional<store::EmployerRow>();
  auto e = store::FindEmployer(tx, *id);
  if (!e.ok()) return e.status();
  if (!*e)
    return Status::InvalidArgument("no employer " + std::to_string(*id)).Field("employer_id").Zh("不存在单位 " + std::to_string(*id));
  return *e;
}

Records::Records(store::Store& store, PolicyRegistry& policies, Clock clock)
    : store_(store), policies_(policies), clock_(std::move(clock)) {}

Result<store::TalentRow> Records::VisibleTalent(store::Tx& tx, const Actor& by, int64_t id) {
  bool visible = by.SeesProvince() || (by.role == Role::kTalent && by.talent_id == id);
  if (!visible && by.IsEmployer() && by.employer_id) {
    auto rel = store::TalentRelatesToEmployer(tx, id, *by.employer_id);
    if (!rel.ok()) return rel.status();
    visible = *rel;
  }
  if (!visible) return TalentNotFound(id);
  auto t = store::FindTalent(tx, id);
  if (!t.ok()) return t.status();
  if (!*t) return TalentNotFound(id);
  return **t;
}

Result<store::TalentRow> Records::GetTalent(const Actor& by, int64_t id) {
  std::optional<store::TalentRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto t = VisibleTalent(tx, by, id);
    if (!t.ok()) return t.status();
    out = std::move(*t);
    return Status::Ok();
  }));
  return *out;
}

Result<std::vector<store::TalentRow>> Records::ListTalents(const Actor& by, int64_t limit, int64_t after_id) {
  std::vector<store::TalentRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    if (by.role == Role::kTalent) {
      if (!by.talent_id || *by.talent_id <= after_id) return Status::Ok();
      auto t = store::FindTalent(tx, *by.talent_id);
      if (!t.ok()) return t.status();
      if (*t) out.push_back(**t);
      return Status::Ok();
    }
    if (!by.SeesProvince() && !by.IsEmployer()) return Status::Forbidden("this role does not see talents");
    store::TalentFilter f;
    if (by.IsEmployer()) f.employer_id = by.employer_id.value_or(-1);
    f.limit = limit;
    f.after_id = after_id;
    auto rows = store::ListTalents(tx, f);
    if (!rows.ok()) return rows.status();
    out = std::move(*rows);
    return Status::Ok();
  }));
  return out;
}

Result<store::TalentRow> Records::ChangeTalent(const Actor& by, int64_t id, const TalentChange& change) {
  if (by.role != Role::kTalent || by.talent_id != id) {
    // Others may see the record (employers, officers) but only its owner edits it.
    auto seen = GetTalent(by, id);
    if (!seen.ok()) return seen.status();
    return Status::Forbidden("only the talent edits their own record").Zh("只有人才本人可以修改自己的档案");
  }
  if (change.name && (change.name->empty() || change.name->size() > 200))
    return Status::InvalidArgument("name must have 1 to 200 bytes").Field("name").Zh("姓名须为 1 至 200 字节");
  int64_t now = clock_();
  auto policy = policies_.InForce(ShanghaiDay(now));
  if (!policy.ok()) return policy.status();
  std::optional<store::TalentRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto t = store::FindTalent(tx, id);
    if (!t.ok()) return t.status();
    if (!*t) return TalentNotFound(id);
    store::TalentRow row = **t;
    const std::string before = CanonicalText(row);
    if (change.name) row.name = *change.name;
    if (change.employer_id) row.employer_id = *change.employer_id;
    if (change.dossier) row.dossier = *change.dossier;
    auto named = NamedEmployer(tx, row.employer_id);
    if (!named.ok()) return named.status();
    const std::optional<store::EmployerRow>& employer = *named;
    // A new dossier must read cleanly; a name or employer change leaves the dossier as
    // it was (it may still be incomplete while the talent fills it in).
    if (change.dossier) {
      auto composed = ComposeDossier(row, employer, (*policy)->compiled->doc());
      if (!composed.ok()) return composed.status();
      JINCAI_RETURN_IF_ERROR(CheckDossier(**policy, *composed));
    }
    row.updated_at = UtcText(now);
    JINCAI_RETURN_IF_ERROR(store::UpdateTalent(tx, row));
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "talent.update", "talent", std::to_string(id), before, CanonicalText(row)));
    out = std::move(row);
    return Status::Ok();
  }));
  return *out;
}

Result<Evaluation> Records::PreviewTalent(const Actor& by, int64_t id) {
  int64_t now = clock_();
  auto policy = policies_.InForce(ShanghaiDay(now));
  if (!policy.ok()) return policy.status();
  std::string composed;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto t = VisibleTalent(tx, by, id);
    if (!t.ok()) return t.status();
    std::optional<store::EmployerRow> employer;
    if (t->employer_id) {
      auto e = store::FindEmployer(tx, *t->employer_id);
      if (!e.ok()) return e.status();
      employer = *e;
    }
    auto c = ComposeDossier(*t, employer, (*policy)->compiled->doc());
    if (!c.ok()) return c.status();
    composed = std::move(*c);
    return Status::Ok();
  }));
  return EvaluateDossier(**policy, composed, ShanghaiDay(now), /*what_it_takes=*/true);
}

Result<store::EmployerRow> Records::GetEmployer(const Actor&, int64_t id) {
  std::optional<store::EmployerRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto e = store::FindEmployer(tx, id);
    if (!e.ok()) return e.status();
    out = std::move(*e);
    return Status::Ok();
  }));
  if (!out) return EmployerNotFound(id);
  return *out;
}

Result<std::vector<store::EmployerRow>> Records::ListEmployers(const Actor&, int64_t limit, int64_t after_id) {
  std::vector<store::EmployerRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto rows = store::ListEmployers(tx, limit, after_id);
    if (!rows.ok()) return rows.status();
    out = std::move(*rows);
    return Status::Ok();
  }));
  return out;
}

Result<store::EmployerRow> Records::CreateEmployer(const Actor& by, store::EmployerRow row) {
  if (!by.SeesProvince()) return Status::Forbidden("only officers register employers").Zh("只有经办人员可以登记单位");
  JINCAI_RETURN_IF_ERROR(CheckEmployer(row));
  row.created_at = row.updated_at = UtcText(clock_());
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto id = store::InsertEmployer(tx, row);
    if (!id.ok()) return id.status();
    row.id = *id;
    return RecordChange(tx, by, "employer.create", "employer", std::to_string(*id), "", CanonicalText(row));
  }));
  return row;
}

Result<store::EmployerRow> Records::ChangeEmployer(const Actor& by, int64_t id, store::EmployerRow change) {
  bool own = by.role == Role::kEmployerAdmin && by.employer_id == id;
  if (!own && !by.SeesProvince())
    return Status::Forbidden("only the employer's admin or an officer edits an employer").Zh("只有本单位管理员或经办人员可以修改单位信息");
  std::optional<store::EmployerRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto e = store::FindEmployer(tx, id);
    if (!e.ok()) return e.status();
    if (!*e) return EmployerNotFound(id);
    store::EmployerRow row = **e;
    const std::string before = CanonicalText(row);
    change.id = id;
    change.credit_code = row.credit_code;  // the code identifies the employer: never changes
    JINCAI_RETURN_IF_ERROR(CheckEmployer(change));
    row.name = change.name;
    row.kind = change.kind;
    row.ownership = change.ownership;
    row.city = change.city;
    row.avg_monthly_salary_fen = change.avg_monthly_salary_fen;
    row.updated_at = UtcText(clock_());
    JINCAI_RETURN_IF_ERROR(store::UpdateEmployer(tx, row));
    if (row.name != (*e)->name) JINCAI_RETURN_IF_ERROR(ReindexPositionsOf(tx, id, row.name));
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "employer.update", "employer", std::to_string(id), before, CanonicalText(row)));
    out = std::move(row);
    return Status::Ok();
  }));
  return *out;
}

}  // namespace jincai::service
