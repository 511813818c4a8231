// The letters table: the printable letters the office issues on claims (settlement
// letter, residence-permit support letter, permanent-residence recommendation), each
// with a random, unguessable number anyone can check online.
#pragma once

#include <optional>
#include <string>

#include "store/store.h"

namespace jincai::store {

struct LetterRow {
  std::string number;  // "JL-XXXX-XXXX-XXXX-XXXX"
  int64_t claim_id = 0;
  std::string kind;  // settlement, residence_permit_support, permanent_residence_recommendation
  std::string holder_name, body_zh, body_en;
  std::string issued_on, valid_until;  // YYYY-MM-DD
  std::string issued_by;
  std::string status = "valid";  // valid, withdrawn
  std::string created_at;
};

Status InsertLetter(Tx& tx, const LetterRow& row);
Result<std::optional<LetterRow>> FindLetter(Tx& tx, const std::string& number);
// Marks the letters of a claim withdrawn (when its card ends).
Status WithdrawLettersOf(Tx& tx, int64_t claim_id);

}  // namespace jincai::store
