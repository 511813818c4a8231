// SQL of the cards table; the same text runs on SQLite and PostgreSQL.
#include "store/records/cards_table.h"

#include "store/records/row.h"

namespace jincai::store {
namespace {

constexpr const char* kColumns =
    "SELECT card_id, application_id, key_id, text, issued_on, expires_on, status, status_reason, changed_at FROM cards";

CardRow Read(const SqlRow& r) {
  return {TextCol(r, 0), IntCol(r, 1), TextCol(r, 2), TextCol(r, 3), TextCol(r, 4),
          TextCol(r, 5), TextCol(r, 6), TextCol(r, 7), TextCol(r, 8)};
}

Result<std::optional<CardRow>> One(Tx& tx, const std::string& where, const SqlValue& v) {
  auto rows = tx.Query(std::string(kColumns) + " WHERE " + where, {v});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<CardRow>();
  return std::optional<CardRow>(Read(rows->front()));
}

}  // namespace

Status InsertCard(Tx& tx, const CardRow& c) {
  return tx.Execute(
               "INSERT INTO cards (card_id, application_id, key_id, text, issued_on, expires_on, status, "
               "status_reason, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
               {c.card_id, c.application_id, c.key_id, c.text, c.issued_on, c.expires_on, c.status, c.status_reason,
                c.changed_at})
      .status();
}

Result<std::optional<CardRow>> FindCard(Tx& tx, const std::string& card_id) { return One(tx, "card_id = $1", card_id); }

Result<std::optional<CardRow>> FindCardStatus(Tx& tx, const std::string& card_id) {
  auto rows = tx.Query(
      "SELECT card_id, application_id, key_id, '', issued_on, expires_on, status, status_reason, changed_at FROM cards "
      "WHERE card_id = $1",
      {card_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<CardRow>();
  return std::optional<CardRow>(Read(rows->front()));
}

Result<std::optional<CardRow>> ActiveCardOf(Tx& tx, int64_t application_id) {
  return One(tx, "application_id = $1 AND status = 'active'", application_id);
}

Status SetActiveCardStatus(Tx& tx, int64_t application_id, const std::string& status, const std::string& reason,
                           const std::string& at) {
  return tx.Execute(
               "UPDATE cards SET status = $2, status_reason = $3, changed_at = $4 WHERE application_id = $1 AND "
               "status = 'active'",
               {application_id, status, reason, at})
      .status();
}

Result<std::vector<CardRow>> RevokedCards(Tx& tx) {
  auto rows = tx.Query(std::string(kColumns) + " WHERE status = 'revoked' ORDER BY changed_at, card_id");
  if (!rows.ok()) return rows.status();
  std::vector<CardRow> out;
  for (const auto& r : *rows) out.push_back(Read(r));
  return out;
}

}  // namespace jincai::store
