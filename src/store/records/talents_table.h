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
Result<std::optional<TalentRow>> FindTalent(Tx& tx, int64_t id);
Result<std::vector<TalentRow>> ListTalents(Tx& tx, const TalentFilter& filter);
// Whether the talent works for the employer or has applied through it.
Result<bool> TalentRelatesToEmployer(Tx& tx, int64_t talent_id, int64_t employer_id);
Status UpdateTalent(Tx& tx, const TalentRow& row);

}  // namespace jincai::store
