// The positions table and its search terms: an employer's openings in the recruitment
// market with engagement mode, field, skills, city, monthly pay range and a description
// in Chinese or English; open or closed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct PositionRow {
  int64_t id = 0;
  int64_t employer_id = 0;
  std::string title, engagement, field;
  std::vector<std::string> skills;
  std::string city;
  int64_t pay_min_cny = 0, pay_max_cny = 0;
  std::string lang, description;
  std::string status = "open";  // open, closed
  std::string created_at, updated_at;
};

struct PositionFilter {
  std::vector<std::string> terms;  // every one must be among the position's terms
  std::optional<std::string> engagement, field, city, status;
  std::optional<int64_t> employer_id;
  std::optional<int64_t> pay_at_least_cny;  // pay_max_cny >= this
  int64_t limit = 20;
  int64_t before_id = 0;  // 0: the newest
};

Result<int64_t> InsertPosition(Tx& tx, const PositionRow& row);
Result<std::optional<PositionRow>> FindPosition(Tx& tx, int64_t id);
// Newest first (by id).
Result<std::vector<PositionRow>> ListPositions(Tx& tx, const PositionFilter& filter);
// Every open position for matching, in id order, without its description (empty): what
// a score reads, not what a page shows.
Result<std::vector<PositionRow>> ListOpenPositionFacts(Tx& tx);
// The positions with these ids, whole, in id order.
Result<std::vector<PositionRow>> ListPositionsWithIds(Tx& tx, const std::vector<int64_t>& ids);
// Writes every field but id, employer and created_at, if the stored status is still
// `status_was`; false when it is not (another writer got there first).
Result<bool> UpdatePosition(Tx& tx, const PositionRow& row, const std::string& status_was);
// Replaces the position's search terms (none: it cannot be found).
Status SetPositionTerms(Tx& tx, int64_t position_id, const std::vector<std::string>& terms);

// "a\nb" <-> {a, b}: how lists of short tags are kept in one column.
std::string JoinLines(const std::vector<std::string>& v);
std::vector<std::string> SplitLines(const std::string& s);

}  // namespace jincai::store
