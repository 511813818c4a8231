// Audit records of service changes, and the canonical texts their digests cover.
#include "service/audit_trail.h"

#include <initializer_list>

#include "store/sha256.h"

namespace jincai::service {
namespace {

std::string Join(std::initializer_list<std::string> fields) {
  std::string out;
  for (const auto& f : fields) {
    out += f;
    out += '\x1f';
  }
  return out;
}

std::string Opt(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : std::string(); }

}  // namespace

Status RecordChange(store::Tx& tx, const Actor& actor, std::string action, std::string object_type,
                    const std::string& object_id, std::string_view before, std::string_view after) {
  store::AuditEntry e;
  e.actor = actor.AuditName();
  e.action = std::move(action);
  e.object_type = std::move(object_type);
  e.object_id = object_id;
  if (!before.empty()) e.before_digest = store::Sha256Hex(before);
  if (!after.empty()) e.after_digest = store::Sha256Hex(after);
  return tx.AppendAudit(e).status();
}

std::string CanonicalText(const store::EmployerRow& r) {
  return Join({std::to_string(r.id), r.credit_code, r.name, r.kind, r.ownership, r.city,
               std::to_string(r.avg_monthly_salary_fen), r.updated_at});
}

std::string CanonicalText(const store::TalentRow& r) {
  return Join({std::to_string(r.id), r.name, r.document_kind, r.document_number, r.nationality, Opt(r.employer_id),
               r.dossier, r.updated_at});
}

std::string CanonicalText(const store::ApplicationRow& r) {
  return Join({std::to_string(r.id), std::to_string(r.talent_id), Opt(r.employer_id), r.state,
               std::to_string(r.revision), r.dossier, r.submitted_on, Opt(r.policy_version_id), r.tier, r.decision,
               r.card_expires_on, r.updated_at});
}

std::string CanonicalText(const store::UserRow& r) {
  return Join({std::to_string(r.id), r.username, r.role, r.display_name, Opt(r.employer_id), Opt(r.talent_id),
               std::to_string(r.failed_logins), r.locked_until, r.password_changed_at});
}

}  // namespace jincai::service
