// The cards table: each signed card's text, key id, validity and status (active,
// superseded, revoked, expired), by card id and by application.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct CardRow {
  std::string card_id;
  int64_t application_id = 0;
  std::string key_id, text, issued_on, expires_on;  // dates YYYY-MM-DD
  std::string status = "active";                     // active, superseded, revoked, expired
  std::string status_reason, changed_at;
};

Status InsertCard(Tx& tx, const CardRow& row);
Result<std::optional<CardRow>> FindCard(Tx& tx, const std::string& card_id);
// The same without the signed text (empty): what online verification reads.
Result<std::optional<CardRow>> FindCardStatus(Tx& tx, const std::string& card_id);
// The application's active card, if any.
Result<std::optional<CardRow>> ActiveCardOf(Tx& tx, int64_t application_id);
// Sets the status of the application's active card (if any).
Status SetActiveCardStatus(Tx& tx, int64_t application_id, const std::string& status, const std::string& reason,
                           const std::string& at);
// Card ids with status revoked, with reason and time, for the public revocation list.
Result<std::vector<CardRow>> RevokedCards(Tx& tx);

}  // namespace jincai::store
