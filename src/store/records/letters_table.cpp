// SQL of the letters table; the same text runs on SQLite and PostgreSQL.
#include "store/records/letters_table.h"

#include "store/records/row.h"

namespace jincai::store {

Status InsertLetter(Tx& tx, const LetterRow& l) {
  return tx.Execute(
               "INSERT INTO letters (number, claim_id, kind, holder_name, body_zh, body_en, issued_on, valid_until, "
               "issued_by, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
               {l.number, l.claim_id, l.kind, l.holder_name, l.body_zh, l.body_en, l.issued_on, l.valid_until,
                l.issued_by, l.status, l.created_at})
      .status();
}

Result<std::optional<LetterRow>> FindLetter(Tx& tx, const std::string& number) {
  return QueryOne<LetterRow>(
      tx,
      "SELECT number, claim_id, kind, holder_name, body_zh, body_en, issued_on, valid_until, issued_by, status, "
      "created_at FROM letters WHERE number = $1",
      {number}, [](const SqlRow& r) {
        return LetterRow{TextCol(r, 0), IntCol(r, 1), TextCol(r, 2), TextCol(r, 3), TextCol(r, 4), TextCol(r, 5),
                         TextCol(r, 6), TextCol(r, 7), TextCol(r, 8), TextCol(r, 9), TextCol(r, 10)};
      });
}

Status WithdrawLettersOf(Tx& tx, int64_t claim_id) {
  return tx.Execute("UPDATE letters SET status = 'withdrawn' WHERE claim_id = $1", {claim_id}).status();
}

}  // namespace jincai::store
