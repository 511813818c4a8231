// SQL of the talents table; the same text runs on SQLite and PostgreSQL.
#include "store/records/talents_table.h"

#include "store/records/row.h"

namespace jincai::store {
namespace {

constexpr const char* kColumns =
    "SELECT id, name, document_kind, document_number, nationality, employer_id, dossier, created_at, updated_at "
    "FROM talents";

TalentRow Read(const SqlRow& r) {
  return {IntCol(r, 0), TextCol(r, 1), TextCol(r, 2), TextCol(r, 3), TextCol(r, 4), OptIntCol(r, 5),
          TextCol(r, 6), TextCol(r, 7), TextCol(r, 8)};
}

// Applicants are talents with a non-draft application to the employer.
constexpr const char* kRelated =
    "(employer_id = $1 OR id IN (SELECT talent_id FROM applications WHERE employer_id = $1 AND state <> 'draft'))";

}  // namespace

Result<int64_t> InsertTalent(Tx& tx, const TalentRow& t) {
  auto dup = TalentWithDocument(tx, t.document_kind, t.nationality, t.document_number);
  if (!dup.ok()) return dup.status();
  if (*dup)
    return Status::Conflict("a talent with this " + t.document_kind + " number is already registered")
        .Field("document_number")
        .Zh("该证件号码已被登记");
  return AppendTalent(tx, t);
}

constexpr const char* kInsert =
    "INSERT INTO talents (name, document_kind, document_number, nationality, employer_id, dossier, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

TalentAppender::TalentAppender(Tx& tx) : tx_(tx), params_(8, std::string()) {}

Status TalentAppender::Append(const TalentRow& t) {
  // assign() into the strings already there reuses their buffers.
  const std::string* texts[] = {&t.name, &t.document_kind, &t.document_number, &t.nationality,
                                nullptr,  &t.dossier,       &t.created_at,      &t.updated_at};
  for (size_t i = 0; i < 8; ++i) {
    if (!texts[i]) continue;
    if (auto* s = std::get_if<std::string>(&params_[i])) s->assign(*texts[i]);
    else params_[i] = *texts[i];
  }
  params_[4] = OptInt(t.employer_id);
  return tx_.Execute(kInsert, params_).status();
}

Result<int64_t> AppendTalent(Tx& tx, const TalentRow& t) {
  auto rows = tx.Query(
      std::string(kInsert) + " RETURNING id",
      {t.name, t.document_kind, t.document_number, t.nationality, OptInt(t.employer_id), t.dossier, t.created_at,
       t.updated_at});
  if (!rows.ok()) return rows.status();
  return IntCol(rows->front(), 0);
}

Result<std::vector<std::string>> ListTalentDocuments(Tx& tx) {
  auto rows = tx.Query("SELECT document_kind, nationality, document_number FROM talents");
  if (!rows.ok()) return rows.status();
  std::vector<std::string> out;
  out.reserve(rows->size());
  for (const auto& r : *rows) out.push_back(TextCol(r, 0) + "|" + TextCol(r, 1) + "|" + TextCol(r, 2));
  return out;
}

Result<bool> TalentWithDocument(Tx& tx, const std::string& kind, const std::string& nationality,
                                const std::string& number) {
  auto rows = tx.Query("SELECT 1 FROM talents WHERE document_kind = $1 AND nationality = $2 AND document_number = $3",
                       {kind, nationality, number});
  if (!rows.ok()) return rows.status();
  return !rows->empty();
}

Result<std::optional<TalentRow>> FindTalent(Tx& tx, int64_t id) {
  auto rows = tx.Query(std::string(kColumns) + " WHERE id = $1", {id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<TalentRow>();
  return std::optional<TalentRow>(Read(rows->front()));
}

Result<std::vector<TalentRow>> ListTalents(Tx& tx, const TalentFilter& f) {
  Result<std::vector<SqlRow>> rows =
      f.employer_id ? tx.Query(std::string(kColumns) + " WHERE " + kRelated + " AND id > $2 ORDER BY id LIMIT $3",
                               {*f.employer_id, f.after_id, f.limit})
                    : tx.Query(std::string(kColumns) + " WHERE id > $1 ORDER BY id LIMIT $2", {f.after_id, f.limit});
  if (!rows.ok()) return rows.status();
  std::vector<TalentRow> out;
  for (const auto& r : *rows) out.push_back(Read(r));
  return out;
}

Result<bool> TalentRelatesToEmployer(Tx& tx, int64_t talent_id, int64_t employer_id) {
  auto rows = tx.Query(std::string("SELECT 1 FROM talents WHERE ") + kRelated + " AND id = $2", {employer_id, talent_id});
  if (!rows.ok()) return rows.status();
  return !rows->empty();
}

Status UpdateTalent(Tx& tx, const TalentRow& t) {
  return tx.Execute("UPDATE talents SET name = $2, employer_id = $3, dossier = $4, updated_at = $5 WHERE id = $1",
                    {t.id, t.name, OptInt(t.employer_id), t.dossier, t.updated_at})
      .status();
}

}  // namespace jincai::store
