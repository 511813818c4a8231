// The recruitment market (SPEC §5.5): employers post positions (engagement mode, field,
// skills, city, monthly pay range, a description in Chinese or English); anyone
// searches the open ones, in Chinese or English, with filters; a talent keeps a market
// profile of the work they look for and sees the open positions ranked for them; an
// employer sees talents ranked for a position, among those who let employers find them
// and those who applied. Both rankings are domain::MatchPosition, with its reasons.
// Applications to positions and their stages are position_applications.h.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/market_match.h"
#include "service/actor.h"
#include "service/clock.h"
#include "store/records/market_profiles_table.h"
#include "store/records/positions_table.h"
#include "store/store.h"

namespace jincai::service {

struct PositionInput {
  std::string title, engagement, field;
  std::vector<std::string> skills;
  std::string city;
  int64_t pay_min_cny = 0, pay_max_cny = 0;
  std::string lang, description;
};

struct PositionView {
  store::PositionRow row;
  std::string employer_name;
  std::map<std::string, int64_t> applications;  // per stage; only for its employer and the office
};

struct PositionQuery {
  std::string q;  // words or Chinese characters; every one must occur
  std::optional<std::string> engagement, field, city;
  std::optional<int64_t> employer_id, pay_at_least_cny;
  int64_t limit = 20, before_id = 0;
};

struct ProfileInput {
  std::string field;
  std::vector<std::string> skills, cities, engagements;
  int64_t min_pay_cny = 0;
  std::string summary;
  bool visible = false;
};

struct RankedPosition {
  PositionView position;
  domain::Match match;
};

struct Candidate {
  int64_t talent_id = 0;
  std::string name;
  store::MarketProfileRow profile;  // from the dossier (field, mode) when the talent keeps none
  bool has_profile = false;
  std::optional<std::string> stage;  // of the talent's application to the position
  std::optional<int64_t> application_id;
  domain::Match match;
};

class RecruitmentMarket {
 public:
  RecruitmentMarket(store::Store& store, Clock clock = SystemClock());

  // Employer accounts post for their own employer. InvalidArgument naming the field.
  Result<PositionView> Post(const Actor& by, const PositionInput& in);
  // Its employer edits an open position; the search terms follow the new text.
  Result<PositionView> Edit(const Actor& by, int64_t id, const PositionInput& in);
  // Its employer or the office closes it: it leaves the search, takes no applications.
  Result<PositionView> Close(const Actor& by, int64_t id);
  // Anyone: the open positions matching the query, newest first.
  Result<std::vector<PositionView>> Search(const PositionQuery& query);
  // Anyone: one position, open or closed.
  Result<PositionView> Get(int64_t id);
  // The employer's own people and the office: every position of the employer, newest
  // first, with its applications counted by stage.
  Result<std::vector<PositionView>> OfEmployer(const Actor& by, int64_t employer_id);

  // A talent's own profile; when none is kept, one drawn from the dossier (not stored).
  Result<store::MarketProfileRow> Profile(const Actor& by);
  Result<store::MarketProfileRow> PutProfile(const Actor& by, const ProfileInput& in);
  // The open positions ranked for the calling talent, best first, at most `limit`.
  Result<std::vector<RankedPosition>> PositionsFor(const Actor& by, int64_t limit);
  // Talents ranked for a position, best first, at most `limit`: those who applied and
  // those whose profile lets employers find them. Its employer and the office.
  Result<std::vector<Candidate>> CandidatesFor(const Actor& by, int64_t position_id, int64_t limit);

 private:
  store::Store& store_;
  Clock clock_;
};

// Helpers shared with position_applications.cpp.
Status PositionNotFound(int64_t id);
// Whether the actor may manage the position: its employer's accounts, or the office.
bool ManagesPosition(const Actor& by, const store::PositionRow& p);
// What matching reads of a talent: the market profile, or the dossier's field and mode.
Result<store::MarketProfileRow> TalentMarketFacts(store::Tx& tx, int64_t talent_id, bool* has_profile);
domain::TalentFacts FactsOf(const store::MarketProfileRow& profile);
domain::PositionFacts FactsOf(const store::PositionRow& position);
// Rebuilds the search terms of the employer's positions, which include its name:
// called in the transaction that renames the employer.
Status ReindexPositionsOf(store::Tx& tx, int64_t employer_id, const std::string& employer_name);

}  // namespace jincai::service
