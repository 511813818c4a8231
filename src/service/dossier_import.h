// Importing talents with their dossiers from a file (`jincai import dossiers`): every
// row is checked (identity document, employer, the dossier against the policy in force)
// and the file goes in whole or not at all, in one transaction with one audit record.
// A bad file yields a report of its bad rows, each with its line and field.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "service/actor.h"
#include "service/policy_registry.h"
#include "store/store.h"

namespace jincai::service {

// One row of an import file: the talent's identity and the dossier without the fields
// the records own (see RecordOwnedInputs).
struct ImportRecord {
  int64_t line = 0;
  std::string document_kind, document_number, name, nationality;
  std::string employer_credit_code;  // empty: no employer
  std::string dossier_json;          // a JSON object
};

struct ImportOutcome {
  int64_t rows = 0;                 // rows read
  int64_t imported = 0;             // rows stored (0 when any row was bad)
  int64_t bad_rows = 0;
  std::vector<std::string> errors;  // the first max_errors bad rows: "line 7: field ...: ..."
};

struct ImportOptions {
  size_t max_errors = 100;
  std::function<void(int64_t rows)> progress;  // called every few thousand rows
};

// `next` fills the record and returns true, false at the end, or an error that stops
// the import (a malformed file). Officers and admins (or the system, from the CLI).
Result<ImportOutcome> ImportTalents(store::Store& store, PolicyRegistry& policies, const Actor& by, int32_t today,
                                    const std::string& source_name,
                                    const std::function<Result<bool>(ImportRecord*)>& next,
                                    const ImportOptions& options = {});

}  // namespace jincai::service
