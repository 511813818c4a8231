// SQL of the allowance_months and spouse_employment tables; the same on both backends.
#include "store/records/allowances_table.h"

#include "store/records/row.h"

namespace jincai::store {
namespace {

constexpr std::string_view kColumns =
    "SELECT claim_id, month, amount_fen, policy_version_id, policy_version, salary_fen, paid_on, paid_fen, "
    "recorded_by, created_at FROM allowance_months";

AllowanceMonthRow Read(const SqlRow& r) {
  return {IntCol(r, 0), TextCol(r, 1), IntCol(r, 2), IntCol(r, 3), TextCol(r, 4),
          IntCol(r, 5), TextCol(r, 6), IntCol(r, 7), TextCol(r, 8), TextCol(r, 9)};
}

}  // namespace

Status InsertAllowanceMonth(Tx& tx, const AllowanceMonthRow& m) {
  return tx.Execute(
               "INSERT INTO allowance_months (claim_id, month, amount_fen, policy_version_id, policy_version, "
               "salary_fen, paid_on, paid_fen, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
               "ON CONFLICT (claim_id, month) DO NOTHING",
               {m.claim_id, m.month, m.amount_fen, m.policy_version_id, m.policy_version, m.salary_fen, m.paid_on,
                m.paid_fen, m.recorded_by, m.created_at})
      .status();
}

Result<std::optional<AllowanceMonthRow>> FindAllowanceMonth(Tx& tx, int64_t claim_id, const std::string& month) {
  return QueryOne<AllowanceMonthRow>(tx, std::string(kColumns) + " WHERE claim_id = $1 AND month = $2",
                                     {claim_id, month}, Read);
}

Result<std::vector<AllowanceMonthRow>> ListAllowanceMonths(Tx& tx, int64_t claim_id) {
  return QueryRows<AllowanceMonthRow>(tx, std::string(kColumns) + " WHERE claim_id = $1 ORDER BY month", {claim_id},
                                      Read);
}

Result<std::vector<AllowanceMonthRow>> UnpaidAllowanceMonths(Tx& tx, const std::string& through,
                                                             std::optional<int64_t> employer_id) {
  if (employer_id)
    return QueryRows<AllowanceMonthRow>(
        tx,
        std::string(kColumns) +
            " WHERE paid_on = '' AND month <= $1 AND claim_id IN (SELECT id FROM claims WHERE employer_id = $2) "
            "ORDER BY claim_id, month",
        {through, *employer_id}, Read);
  return QueryRows<AllowanceMonthRow>(
      tx, std::string(kColumns) + " WHERE paid_on = '' AND month <= $1 ORDER BY claim_id, month", {through}, Read);
}

Status RecordAllowancePayment(Tx& tx, int64_t claim_id, const std::string& month, const std::string& paid_on,
                              int64_t paid_fen, const std::string& recorded_by) {
  auto n = tx.Execute(
      "UPDATE allowance_months SET paid_on = $3, paid_fen = $4, recorded_by = $5 "
      "WHERE claim_id = $1 AND month = $2 AND paid_on = ''",
      {claim_id, month, paid_on, paid_fen, recorded_by});
  if (!n.ok()) return n.status();
  if (*n == 0)
    return Status::Conflict("the payment for " + month + " is recorded already").Zh(month + " 的支付已登记");
  return Status::Ok();
}

Status DeleteUnpaidMonthsFrom(Tx& tx, int64_t claim_id, const std::string& month) {
  return tx.Execute("DELETE FROM allowance_months WHERE claim_id = $1 AND month >= $2 AND paid_on = ''",
                    {claim_id, month})
      .status();
}

Status InsertSpouseEmployment(Tx& tx, const SpouseEmploymentRow& s) {
  return tx.Execute(
               "INSERT INTO spouse_employment (talent_id, month, employed, recorded_by, recorded_at) "
               "VALUES ($1, $2, $3, $4, $5)",
               {s.talent_id, s.month, int64_t{s.employed}, s.recorded_by, s.recorded_at})
      .status();
}

Result<std::vector<SpouseEmploymentRow>> ListSpouseEmployment(Tx& tx, int64_t talent_id) {
  return QueryRows<SpouseEmploymentRow>(
      tx,
      "SELECT id, talent_id, month, employed, recorded_by, recorded_at FROM spouse_employment WHERE talent_id = $1 "
      "ORDER BY month, id",
      {talent_id}, [](const SqlRow& r) {
        return SpouseEmploymentRow{IntCol(r, 0), IntCol(r, 1), TextCol(r, 2), IntCol(r, 3) != 0, TextCol(r, 4),
                                   TextCol(r, 5)};
      });
}

}  // namespace jincai::store
