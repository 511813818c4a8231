// The market_profiles table: what work a talent looks for in the recruitment market
// (field, skills, cities, modes of engagement, lowest monthly pay, a summary) and
// whether employers may find the profile among candidates for their positions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jincai::store {

struct MarketProfileRow {
  int64_t talent_id = 0;
  std::string field;
  std::vector<std::string> skills, cities, engagements;
  int64_t min_pay_cny = 0;
  std::string summary;
  bool visible = false;
  std::string updated_at;
};

Result<std::optional<MarketProfileRow>> FindMarketProfile(Tx& tx, int64_t talent_id);
// Inserts or replaces the talent's profile.
Status PutMarketProfile(Tx& tx, const MarketProfileRow& row);
// The profiles employers may find, in talent order.
Result<std::vector<MarketProfileRow>> ListVisibleProfiles(Tx& tx);

}  // namespace jincai::store
