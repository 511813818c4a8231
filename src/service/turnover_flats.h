// Turnover housing (SPEC §5.3): each employer keeps an inventory of the flats it
// lends to green-card holders; a housing claim is assigned one of them, occupied and
// released (claims.h). An employer sees and edits its own flats; officers see all.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "service/actor.h"
#include "service/clock.h"
#include "store/records/claims_table.h"
#include "store/records/turnover_flats_table.h"
#include "store/store.h"

namespace jincai::service {

struct FlatView {
  store::FlatRow row;
  std::optional<int64_t> claim_id;  // the claim holding it (assigned or occupied)
};

struct NewFlat {
  std::optional<int64_t> employer_id;  // officers name it; an employer adds to its own
  std::string address, area_m2;        // area: a positive decimal with at most 2 places
  int64_t rooms = 0;
  std::string available_from, available_to;  // YYYY-MM-DD; to >= from
};

class TurnoverFlats {
 public:
  TurnoverFlats(store::Store& store, Clock clock = SystemClock());
  Result<std::vector<FlatView>> List(const Actor& by, std::optional<int64_t> employer_id);
  Result<FlatView> Add(const Actor& by, const NewFlat& flat);
  // Takes a free flat out of the inventory; Conflict while a claim holds it.
  Result<FlatView> Retire(const Actor& by, int64_t id);

 private:
  store::Store& store_;
  Clock clock_;
};

// Whether the housing claim may be given the flat today: the claim's employer's, not
// retired, still available (until today or later), not held by another claim. NotFound / Conflict saying why.
Status CheckAssignableFlat(store::Tx& tx, const store::ClaimRow& claim, int64_t flat_id, const std::string& today);

}  // namespace jincai::service
