// Two-way matching of the recruitment market (SPEC §5.5): how well a position suits a
// talent, as a score out of 100 and the reasons that make it up, one per criterion:
// skills (40: the share of the position's skills the talent has), field (25), city (15),
// engagement mode (10) and pay (10). A talent who states no preference of city, mode or
// pay is suited by every position on it; a talent without a field or skills gains
// nothing on those (a position asking no skill gives its 40 to everyone). The same function ranks positions for a talent and
// talents for a position, so the two sides see the same score and reasons.
//
// Only what the market records is read: skills, field, cities, modes and pay. Nothing
// of household registration, region, identity, education, titles, papers or ownership
// is an input, so no such barrier can rank anyone (the policy's barrier, SPEC §3.3).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace jincai::domain {

struct PositionFacts {
  std::string engagement, field, city;  // engagement: full_time, consultant, part_time, project
  std::vector<std::string> skills;
  int64_t pay_min_cny = 0, pay_max_cny = 0;  // monthly
};

struct TalentFacts {
  std::string field;
  std::vector<std::string> skills, cities, engagements;  // empty: no preference
  int64_t min_pay_cny = 0;                               // 0: no preference
};

struct MatchReason {
  std::string criterion;  // skills, field, city, engagement, pay
  int points = 0, of = 0;
  bool met = false;
  std::string en, zh;
};

struct Match {
  int score = 0;  // 0..100
  std::vector<MatchReason> reasons;
};

Match MatchPosition(const TalentFacts& talent, const PositionFacts& position);

// A tag as stored: trimmed, inner runs of spaces made one space.
std::string CollapseSpaces(const std::string& s);
// A skill, field or city as compared: collapsed and ASCII lower-cased.
std::string NormalizeTag(const std::string& s);

}  // namespace jincai::domain
