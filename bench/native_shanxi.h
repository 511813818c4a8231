// A hand-written C++ implementation of policies/shanxi-2017.toml, the "native" peer of
// bench/engine_vs_native_bench.cpp. It must decide exactly as the engine does: the same
// criteria, caps, tier bands and engagement coverage, entitlements and amounts, with the
// language's arithmetic (numbers scaled by 1e6, money in fen, money * rate rounded to the
// fen half away from zero, floor(a / b) of the exact quotient) and the dated pension rate.
// Dossiers are plain row structs; list elements live in shared arrays (offset + count).
// Nothing here calls the engine: dates and rounding are re-implemented from the docs.
#pragma once

#include <cstdint>
#include <vector>

namespace native_shanxi {

constexpr int64_t kScale = 1'000'000;  // numbers: six decimals

enum Honor : uint8_t {  // bit per honor
  kAcademician = 1, kNationalTalent = 2, kProvincialTalent = 4,
  kStateCouncil = 8, kNationalSkill = 16, kProvincialSkill = 32,
};
enum Level : uint8_t { kNational, kProvincial, kMunicipal };
enum Engagement : uint8_t { kFullTime, kConsultant, kPartTime, kProject };
enum Tier : int8_t { kNoTier = -1, kTierA, kTierB, kTierC };
// Entitlements, in the policy file's order.
enum Ent : int16_t { kResidenceChoice, kTurnoverHousing, kSchoolChoice, kSpouseAllowance,
                     kSpouseInsurance, kResidencePermit, kPermanentResidence, kEntCount };
inline const char* const kEntNames[kEntCount] = {
    "residence_choice", "turnover_housing", "school_choice", "spouse_allowance",
    "spouse_social_insurance", "residence_permit_5y", "permanent_residence_priority"};
inline const char* const kTierNames[3] = {"A", "B", "C"};

struct Award { int64_t rank; uint8_t level; };            // rank scaled 1e6
struct Project { int64_t funding_fen; uint8_t level; };
struct Child { int32_t birth; bool in_school; };           // days since 1970; stage != none

struct Dossier {
  uint32_t awards_at, projects_at, children_at;
  uint16_t n_awards, n_projects, n_children;
  uint8_t honors, engagement;
  bool foreign, spouse_present, spouse_employed;
  int64_t salary_fen, years_experience, invention_patents, patents_commercialized;  // numbers scaled
  int64_t revenue_fen, tax_fen, jobs_created, standards_drafted, employer_avg_fen;
};

struct Population {
  std::vector<Dossier> rows;
  std::vector<Award> awards;
  std::vector<Project> projects;
  std::vector<Child> children;
};

struct Decision { int64_t points[4]; int8_t tier; };  // ability, performance, contribution, total
struct Grant { int32_t row; int16_t ent; int16_t element; int64_t monthly; bool has_monthly; uint32_t amounts_at; };

// ---- dates (proleptic Gregorian, days since 1970-01-01) --------------------------------
constexpr int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}
inline void CivilFromDays(int32_t z, int* y, int* m, int* d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp + (mp < 10 ? 3 : -9);
  *y = yoe + era * 400 + (*m <= 2);
}
inline bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
// Whole years from a to b; a 29 February birthday counts on 28 February in other years.
inline int64_t YearsBetween(int32_t a, int32_t b) {
  if (b < a) return -YearsBetween(b, a);
  int y1, m1, d1, y2, m2, d2;
  CivilFromDays(a, &y1, &m1, &d1);
  CivilFromDays(b, &y2, &m2, &d2);
  if (m1 == 2 && d1 == 29 && !IsLeap(y2)) d1 = 28;
  int64_t years = y2 - y1;
  if (m2 < m1 || (m2 == m1 && d2 < d1)) --years;
  return years;
}

// ---- arithmetic of the policy language -----------------------------------------------
// n / d rounded half away from zero; d > 0.
inline int64_t DivHalfAway(int64_t n, int64_t d) {
  int64_t q = n / d, r = n % d;
  if (2 * (r < 0 ? -r : r) >= d) q += n < 0 ? -1 : 1;
  return q;
}
// floor(a / b) of two values of one scale (money/money, number/number): the exact
// quotient floored to a whole number, as a scaled number. b > 0.
inline int64_t FloorQuotient(int64_t a, int64_t b) {
  int64_t q = a / b;
  if (a % b != 0 && a < 0) --q;
  return q * kScale;
}
// money * number, to the fen.
inline int64_t MoneyTimes(int64_t fen, int64_t rate) { return DivHalfAway(fen * rate, kScale); }
inline int64_t Min(int64_t a, int64_t b) { return a < b ? a : b; }
constexpr int64_t N(int64_t whole) { return whole * kScale; }

// ---- the decision ----------------------------------------------------------------------
struct Params {  // the only parameter whose value depends on the date in this policy
  int64_t pension_rate;
};
constexpr int32_t kEffective = DaysFromCivil(2017, 3, 29);
// False before the policy's parameters have values.
inline bool ParamsFor(int32_t as_of, Params* p) {
  if (as_of < kEffective) return false;
  p->pension_rate = as_of >= DaysFromCivil(2019, 5, 1) ? 160000 : 200000;
  return true;
}

inline int64_t AwardPoints(const Award* a, int n, uint8_t level, int64_t p1, int64_t p2, int64_t p3, int64_t cap) {
  bool any = false;
  int64_t sum = 0;
  for (int i = 0; i < n; ++i) {
    if (a[i].level != level) continue;
    any = true;
    sum += a[i].rank == N(1) ? p1 : a[i].rank == N(2) ? p2 : p3;
  }
  return any ? Min(sum, cap) : 0;
}

// Decides dossier `row`; appends its grants (and their extra amounts) to the outputs.
inline void Decide(const Population& pop, int32_t row, int32_t as_of, const Params& prm, Decision* out,
                   std::vector<Grant>* grants, std::vector<int64_t>* amounts) {
  const Dossier& d = pop.rows[static_cast<size_t>(row)];
  // Ability: honors, then awards capped per level.
  int64_t ability = 0;
  if (d.honors & kAcademician) ability += N(100);
  if (d.honors & kNationalTalent) ability += N(60);
  if (d.honors & kProvincialTalent) ability += N(30);
  if (d.honors & kStateCouncil) ability += N(30);
  if (d.honors & kNationalSkill) ability += N(40);
  if (d.honors & kProvincialSkill) ability += N(15);
  const Award* aw = pop.awards.data() + d.awards_at;
  ability += AwardPoints(aw, d.n_awards, kNational, N(30), N(20), N(12), N(60));
  ability += AwardPoints(aw, d.n_awards, kProvincial, N(15), N(10), N(6), N(30));
  ability += AwardPoints(aw, d.n_awards, kMunicipal, N(5), N(3), N(2), N(10));
  // Performance: projects by level and by funding, salary, experience.
  int64_t performance = 0;
  if (d.n_projects > 0) {
    const Project* pr = pop.projects.data() + d.projects_at;
    int64_t by_level = 0, funding = 0;
    for (int i = 0; i < d.n_projects; ++i) {
      by_level += pr[i].level == kNational ? N(15) : pr[i].level == kProvincial ? N(8) : N(3);
      funding += pr[i].funding_fen;
    }
    performance += Min(by_level, N(30));
    performance += Min(FloorQuotient(funding, 1'000'000 * 100) * 2, N(20));
  }
  performance += Min(FloorQuotient(d.salary_fen, 100'000 * 100) * 4, N(24));
  performance += Min(FloorQuotient(d.years_experience, N(2)), N(10));
  // Contribution.
  int64_t contribution = 0;
  if (d.invention_patents > 0) contribution += Min(d.invention_patents * 3, N(15));
  if (d.patents_commercialized > 0) contribution += Min(d.patents_commercialized * 8, N(24));
  contribution += Min(FloorQuotient(d.revenue_fen, 10'000'000 * 100) * 5, N(25));
  contribution += Min(FloorQuotient(d.tax_fen, 1'000'000 * 100) * 5, N(20));
  contribution += Min(FloorQuotient(d.jobs_created, N(10)) * 2, N(20));
  if (d.standards_drafted > 0) contribution += Min(d.standards_drafted * 5, N(15));
  const int64_t total = ability + performance + contribution;
  out->points[0] = ability;
  out->points[1] = performance;
  out->points[2] = contribution;
  out->points[3] = total;

  // Tiers: bands of total points; A covers every engagement, B all but part-time, C full-time.
  int8_t tier = kNoTier;
  if (total >= N(100)) tier = kTierA;
  else if (total >= N(60) && d.engagement != kPartTime) tier = kTierB;
  else if (total >= N(30) && total < N(60) && d.engagement == kFullTime) tier = kTierC;
  out->tier = tier;
  if (tier == kNoTier) return;

  // Entitlements (all granted by A, B and C except permanent residence: A and B).
  auto grant = [&](Ent e, int element, bool has_monthly, int64_t monthly) {
    grants->push_back(Grant{row, e, static_cast<int16_t>(element), monthly, has_monthly,
                            static_cast<uint32_t>(amounts->size())});
  };
  const bool relocated = d.engagement == kFullTime;  // family_entitlements_full_time_only
  if (relocated) {
    grant(kResidenceChoice, -1, false, 0);
    grant(kTurnoverHousing, -1, false, 0);
    const Child* ch = pop.children.data() + d.children_at;
    for (int i = 0; i < d.n_children; ++i) {
      if (!ch[i].in_school) continue;
      const int64_t age = YearsBetween(ch[i].birth, as_of);
      if (age >= 6 && age <= 17) grant(kSchoolChoice, i, false, 0);
    }
    if (d.spouse_present && !d.spouse_employed) {
      const int64_t allowance = MoneyTimes(d.employer_avg_fen, 600000);
      grant(kSpouseAllowance, -1, true, allowance);
      const int64_t pension = MoneyTimes(allowance, prm.pension_rate);
      const int64_t medical = MoneyTimes(allowance, 60000);
      const int64_t unemployment = MoneyTimes(allowance, 7000);
      const int64_t injury = MoneyTimes(allowance, 5000);
      const int64_t maternity = MoneyTimes(allowance, 8000);
      grant(kSpouseInsurance, -1, true, pension + medical + unemployment + injury + maternity);
      amounts->insert(amounts->end(), {pension, medical, unemployment, injury, maternity});
    }
  }
  if (d.foreign) {
    grant(kResidencePermit, -1, false, 0);
    if (tier != kTierC && (tier == kTierA || total >= N(80))) grant(kPermanentResidence, -1, false, 0);
  }
}

}  // namespace native_shanxi
