// The talents table: identity document, nationality, employer and the dossier (a JSON
// object of the policy's inputs, without the identity fields kept in columns).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct TalentRow {
  int64_t id = 0;
  std::string name, document_kind, document_number, nationality;
  std::optional<int64_t> employer_id;
  std::string dossier = "{}";
  std::string created_at, updated_at;
};

// Which talents a list may show.
struct TalentFilter {
  std::optional<int64_t> employer_id;  // staff of, or applicants to, this employer
  int64_t limit = 100;
  int64_t after_id = 0;
};

// Conflict when the same document is registered already. Returns the new id.
Result<int64_t> InsertTalent(Tx& tx, const TalentRow& row);
// For bulk imports: no duplicate check (the caller has made sure the document is new).
Result<int64_t> AppendTalent(Tx& tx, const TalentRow& row);
// The same for many rows in one transaction, without the new id and with its
// statement parameters kept between rows, so that a million rows cost no allocations
// beyond the database's own.
class TalentAppender {
 public:
  explicit TalentAppender(Tx& tx);
  Status Append(const TalentRow& row);

 private:
  Tx& tx_;
  std::vector<SqlValue> params_;
};
// "kind|nationality|number" of every stored talent, for an import's duplicate check.
Result<std::vector<std::string>> ListTalentDocuments(Tx& tx);
// Whether a talent with this document is stored.
Result<bool> TalentWithDocument(Tx& tx, const std::string& kind, const std::string& nationality,
                                const std::string& number);
Result<std::optional<TalentRow>> FindTalent(Tx& tx, int64_t id);
Result<std::vector<TalentRow>> ListTalents(Tx& tx, const TalentFilter& filter);
// Whether the talent works for the employer or has applied through it.
Result<bool> TalentRelatesToEmployer(Tx& tx, int64_t talent_id, int64_t employer_id);
Status UpdateTalent(Tx& tx, const TalentRow& row);

}  // namespace jincai::store
