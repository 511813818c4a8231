// Migration 3: the signed cards issued for applications. A renewal issues a new card
// and marks the old one superseded; a revocation or expiry marks the card so.
#include <string>

#include "store/migrations/migration.h"

namespace jincai::store {
namespace {

constexpr std::string_view kSql = R"sql(
CREATE TABLE cards (
  card_id        TEXT PRIMARY KEY,
  application_id BIGINT NOT NULL REFERENCES applications (id),
  key_id         TEXT NOT NULL,
  text           TEXT NOT NULL,
  issued_on      TEXT NOT NULL,
  expires_on     TEXT NOT NULL,
  status         TEXT NOT NULL,
  status_reason  TEXT NOT NULL DEFAULT '',
  changed_at     TEXT NOT NULL
);
CREATE INDEX cards_application ON cards (application_id);
CREATE INDEX cards_status ON cards (status);
)sql";

}  // namespace

Migration SqliteMigration0003Cards() { return {3, "cards", kSql}; }
Migration PostgresMigration0003Cards() { return {3, "cards", kSql}; }

}  // namespace jincai::store
