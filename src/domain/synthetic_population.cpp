#include "domain/synthetic_population.h"

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace jincai::domain {
namespace {

// ---------------------------------------------------------------------------------------
// Deterministic randomness: splitmix64 to seed, xoshiro256** to draw. Integer only.
// ---------------------------------------------------------------------------------------

uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  // One independent stream per (seed, stream, index).
  Rng(uint64_t seed, uint64_t stream, uint64_t index) {
    uint64_t x = seed;
    uint64_t mixed = SplitMix64(x) ^ (stream * 0xD1B54A32D192ED03ULL);
    x = mixed;
    uint64_t y = SplitMix64(x) ^ (index * 0x9E3779B97F4A7C15ULL);
    for (auto& word : s_) word = SplitMix64(y);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n), n > 0 (Lemire's multiply-shift with rejection: unbiased).
  uint32_t Below(uint32_t n) {
    uint64_t m = static_cast<uint64_t>(static_cast<uint32_t>(Next() >> 32)) * n;
    auto low = static_cast<uint32_t>(m);
    if (low < n) {
      const uint32_t threshold = static_cast<uint32_t>(-n) % n;
      while (low < threshold) {
        m = static_cast<uint64_t>(static_cast<uint32_t>(Next() >> 32)) * n;
        low = static_cast<uint32_t>(m);
      }
    }
    return static_cast<uint32_t>(m >> 32);
  }

  // Uniform in [lo, hi].
  int64_t Range(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint32_t>(hi - lo + 1)));
  }

  // True with probability ppm / 1,000,000.
  bool Chance(uint32_t ppm) { return Below(1'000'000) < ppm; }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<uint64_t, 4> s_{};
};

// Index drawn from integer weights.
template <size_t N>
int Pick(Rng& rng, const std::array<uint32_t, N>& weights) {
  uint32_t total = 0;
  for (uint32_t w : weights) total += w;
  uint32_t u = rng.Below(total);
  for (size_t i = 0; i < N; ++i) {
    if (u < weights[i]) return static_cast<int>(i);
    u -= weights[i];
  }
  return static_cast<int>(N - 1);
}

// A long-tailed distribution given by quantiles: at cumulative probability p[i] (per
// million) the value is v[i]; linear between. Integer arithmetic only.
struct Quantiles {
  std::array<int64_t, 6> p;  // 0 .. 1'000'000, ascending
  std::array<int64_t, 6> v;  // ascending
};

int64_t Draw(Rng& rng, const Quantiles& q) {
  const int64_t u = rng.Below(1'000'000);
  for (size_t i = 1; i < q.p.size(); ++i) {
    if (u < q.p[i]) {
      const int64_t span = q.p[i] - q.p[i - 1];
      return q.v[i - 1] + (q.v[i] - q.v[i - 1]) * (u - q.p[i - 1]) / span;
    }
  }
  return q.v.back();
}

// ---------------------------------------------------------------------------------------
// Dates: days since 1970-01-01, proleptic Gregorian (H. Hinnant's algorithms).
// ---------------------------------------------------------------------------------------

int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int32_t z, int* y, int* m, int* d) {
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

// Whole years from a to b (b >= a); a 29 February birthday counts on 28 February.
int YearsBetween(int32_t a, int32_t b) {
  int ya, ma, da, yb, mb, db;
  CivilFromDays(a, &ya, &ma, &da);
  CivilFromDays(b, &yb, &mb, &db);
  int years = yb - ya;
  if (ma == 2 && da == 29) da = 28;
  if (mb < ma || (mb == ma && db < da)) --years;
  return years;
}

const int32_t kReference =
    DaysFromCivil(kPopulationReferenceYear, kPopulationReferenceMonth, kPopulationReferenceDay);

// ---------------------------------------------------------------------------------------
// Vocabularies. The string values mirror the `values` lists of shanxi-2017.toml.
// ---------------------------------------------------------------------------------------

struct Country {
  const char* code;
  uint32_t weight;
  bool east_asian;  // names drawn from the East Asian list
};
constexpr std::array<Country, 24> kForeign = {{
    {"US", 180, false}, {"DE", 100, false}, {"JP", 90, true},  {"KR", 90, true},
    {"GB", 80, false},  {"FR", 60, false},  {"CA", 60, false}, {"AU", 55, false},
    {"RU", 55, false},  {"SG", 40, true},   {"IT", 30, false}, {"NL", 28, false},
    {"UA", 25, false},  {"IN", 25, false},  {"PK", 20, false}, {"SE", 18, false},
    {"CH", 18, false},  {"ES", 18, false},  {"IL", 12, false}, {"BR", 12, false},
    {"MY", 15, true},   {"TH", 10, true},   {"NZ", 10, false}, {"PL", 10, false},
}};

struct Province {
  const char* name;
  const char* region;
  uint32_t weight;
};
constexpr std::array<Province, 31> kProvinces = {{
    {"Shanxi", "central", 5500},       {"Hebei", "east", 500},
    {"Henan", "central", 500},         {"Shaanxi", "west", 450},
    {"Inner Mongolia", "west", 300},   {"Beijing", "east", 300},
    {"Shandong", "east", 300},         {"Hubei", "central", 150},
    {"Tianjin", "east", 120},          {"Shanghai", "east", 120},
    {"Jiangsu", "east", 120},          {"Zhejiang", "east", 100},
    {"Anhui", "central", 100},         {"Hunan", "central", 90},
    {"Jiangxi", "central", 70},        {"Sichuan", "west", 100},
    {"Gansu", "west", 90},             {"Ningxia", "west", 50},
    {"Heilongjiang", "northeast", 90}, {"Jilin", "northeast", 80},
    {"Liaoning", "northeast", 100},    {"Guangdong", "east", 90},
    {"Fujian", "east", 50},            {"Chongqing", "west", 50},
    {"Yunnan", "west", 40},            {"Guizhou", "west", 30},
    {"Guangxi", "west", 30},           {"Xinjiang", "west", 30},
    {"Qinghai", "west", 20},           {"Hainan", "east", 15},
    {"Tibet", "west", 5},
}};

constexpr std::array<const char*, 70> kSurnames = {
    "Wang", "Li",    "Zhang", "Liu",  "Chen",  "Yang",  "Zhao", "Huang", "Zhou",  "Wu",
    "Xu",   "Sun",   "Hu",    "Zhu",  "Gao",   "Lin",   "He",   "Guo",   "Ma",    "Luo",
    "Liang", "Song", "Zheng", "Xie",  "Han",   "Tang",  "Feng", "Yu",    "Dong",  "Xiao",
    "Cheng", "Cao",  "Yuan",  "Deng", "Fu",    "Shen",  "Zeng", "Peng",  "Lu",    "Su",
    "Jiang", "Cai",  "Jia",   "Ding", "Wei",   "Xue",   "Ye",   "Yan",   "Pan",   "Du",
    "Dai",  "Xia",   "Zhong", "Tian", "Ren",   "Fan",   "Fang", "Shi",   "Yao",   "Tan",
    "Liao", "Zou",   "Xiong", "Jin",  "Hao",   "Kong",  "Bai",  "Cui",   "Kang",  "Qin",
};
constexpr std::array<const char*, 44> kGiven = {
    "wei",  "fang", "na",   "min",  "jing", "li",   "qiang", "lei",  "jun",  "yang", "yong",
    "yan",  "jie",  "juan", "tao",  "ming", "chao", "xiu",   "xia",  "ping", "gang", "hui",
    "hong", "hua",  "jian", "bo",   "lin",  "ying", "xin",   "yu",   "hao",  "kai",  "peng",
    "tian", "zhi",  "rui",  "xue",  "dan",  "ning", "qing",  "xiao", "guo",  "wen",  "feng",
};
constexpr std::array<const char*, 30> kWesternFirst = {
    "James",  "John",   "Robert", "Michael", "David",  "Maria",  "Anna",   "Elena",
    "Sophie", "Thomas", "Hans",   "Pierre",  "Olga",   "Ivan",   "Raj",    "Priya",
    "Lucas",  "Emma",   "Oliver", "Liam",    "Noah",   "Mia",    "Laura",  "Marco",
    "Giulia", "Sven",   "Ingrid", "Pablo",   "Sarah",  "Daniel",
};
constexpr std::array<const char*, 28> kWesternLast = {
    "Smith",  "Johnson", "Brown",  "Miller",  "Garcia",  "Mueller", "Schmidt",
    "Martin", "Bernard", "Ivanov", "Petrov",  "Kumar",   "Singh",   "Rossi",
    "Bianchi", "Andersson", "Cohen", "Silva", "Dubois",  "Wilson",  "Taylor",
    "Novak",  "Kowalski", "Jansen", "Fischer", "Weber",  "Moreau",  "Clarke",
};
constexpr std::array<const char*, 20> kEastAsianFirst = {
    "Hiroshi", "Yuki",   "Takeshi", "Akiko",  "Kenji",   "Min-jun", "Ji-woo",
    "Seo-yeon", "Hyun-woo", "Ji-ho", "Wei Ming", "Mei Ling", "Kai Wen", "Aiko",
    "Daichi",  "Haruto", "Somchai", "Siti",    "Ahmad",   "Nurul",
};
constexpr std::array<const char*, 20> kEastAsianLast = {
    "Tanaka", "Suzuki", "Sato",  "Takahashi", "Watanabe", "Kim",    "Park",
    "Lee",    "Choi",   "Jung",  "Tan",       "Lim",      "Ng",     "Goh",
    "Wong",   "Yamamoto", "Nakamura", "Ibrahim", "Rahman", "Chaiyaporn",
};

constexpr std::array<const char*, 14> kFields = {
    "coal_and_energy",   "new_materials",      "equipment_manufacturing",
    "chemical_engineering", "information_technology", "biomedicine",
    "modern_agriculture", "environmental_protection", "finance",
    "culture_and_tourism", "education",          "healthcare",
    "construction",      "logistics",
};
constexpr std::array<uint32_t, 14> kFieldWeights = {18, 12, 12, 8, 12, 7, 5, 6, 5, 3, 4, 4, 2, 2};

constexpr std::array<const char*, 5> kIdentities = {"cadre", "worker", "farmer", "soldier", "none"};
constexpr std::array<const char*, 4> kEducation = {"none", "bachelor", "master", "doctorate"};
constexpr std::array<const char*, 5> kTitles = {"none", "junior", "intermediate",
                                                "associate_senior", "senior"};
constexpr std::array<const char*, 5> kOwnership = {"state", "collective", "private", "foreign",
                                                   "mixed"};
constexpr std::array<const char*, 6> kHonors = {
    "academician",     "national_talent_program", "provincial_talent_program",
    "state_council_special_allowance", "national_skill_master", "provincial_skill_master",
};
enum Honor : uint8_t {
  kAcademician = 1 << 0,
  kNationalProgram = 1 << 1,
  kProvincialProgram = 1 << 2,
  kStateCouncil = 1 << 3,
  kNationalSkill = 1 << 4,
  kProvincialSkill = 1 << 5,
};
constexpr std::array<const char*, 3> kLevels = {"national", "provincial", "municipal"};
enum Level : uint8_t { kNational = 0, kProvincial = 1, kMunicipal = 2 };
constexpr std::array<const char*, 4> kEngagements = {"full_time", "consultant", "part_time",
                                                     "project"};
constexpr std::array<const char*, 4> kStages = {"none", "primary", "junior", "senior"};

// ---------------------------------------------------------------------------------------
// The latent caliber of a talent drives every achievement. Bands, best first.
// ---------------------------------------------------------------------------------------

enum Band : uint8_t { kElite = 0, kStrong = 1, kGood = 2, kOrdinary = 3 };
// Per ten thousand: 0.7% elite, 8% strong, 21% good, the rest ordinary.
constexpr std::array<uint32_t, 4> kBandWeights = {70, 800, 2100, 7030};

struct BandModel {
  std::array<uint32_t, 7> award_count;     // weights of 0..6 awards
  std::array<uint32_t, 3> award_level;     // national, provincial, municipal
  std::array<uint32_t, 6> project_count;   // weights of 0..5 projects
  std::array<uint32_t, 3> project_level;
  Quantiles salary_yuan;
  uint32_t patent_ppm;                     // chance of holding any invention patent
  int patents_max;
  uint32_t commercialize_ppm;              // chance that each patent is commercialized
  uint32_t entrepreneur_ppm;               // chance of having founded / led a business
  uint32_t standards_ppm;
  int standards_max;
  std::array<uint32_t, 4> education;       // none, bachelor, master, doctorate
  int papers_max;
  int birth_year_lo, birth_year_hi;
};

constexpr std::array<BandModel, 4> kBands = {{
    // elite
    {{0, 15, 25, 25, 15, 12, 8},
     {50, 40, 10},
     {0, 15, 30, 25, 20, 10},
     {60, 35, 5},
     {{0, 100000, 500000, 900000, 990000, 1000000},
      {300000, 450000, 800000, 1500000, 3000000, 5000000}},
     950000, 30, 300000, 250000, 450000, 5,
     {0, 5, 15, 80}, 400, 1950, 1985},
    // strong
    {{25, 40, 25, 10, 0, 0, 0},
     {8, 47, 45},
     {25, 45, 22, 8, 0, 0},
     {10, 50, 40},
     {{0, 100000, 500000, 900000, 990000, 1000000},
      {110000, 160000, 240000, 400000, 650000, 1000000}},
     600000, 5, 150000, 150000, 200000, 2,
     {1, 14, 25, 60}, 150, 1955, 1990},
    // good
    {{35, 35, 20, 8, 2, 0, 0},
     {5, 35, 60},
     {30, 42, 20, 8, 0, 0},
     {5, 40, 55},
     {{0, 100000, 500000, 900000, 990000, 1000000},
      {80000, 120000, 190000, 320000, 520000, 900000}},
     450000, 6, 150000, 100000, 80000, 2,
     {3, 30, 37, 30}, 60, 1960, 1995},
    // ordinary
    {{55, 30, 12, 3, 0, 0, 0},
     {3, 20, 77},
     {52, 35, 10, 3, 0, 0},
     {4, 28, 68},
     {{0, 100000, 500000, 900000, 990000, 1000000},
      {60000, 85000, 135000, 250000, 400000, 700000}},
     250000, 4, 120000, 50000, 30000, 1,
     {10, 50, 30, 10}, 20, 1965, 2000},
}};

// Funding of one project, by level.
constexpr std::array<Quantiles, 3> kFundingYuan = {{
    {{0, 100000, 500000, 900000, 990000, 1000000},
     {800000, 1500000, 4000000, 12000000, 40000000, 80000000}},  // national
    {{0, 100000, 500000, 900000, 990000, 1000000},
     {150000, 300000, 800000, 2500000, 6000000, 10000000}},      // provincial
    {{0, 100000, 500000, 900000, 990000, 1000000},
     {30000, 60000, 200000, 600000, 1200000, 2000000}},          // municipal
}};

// Cumulative revenue of a business the talent founded or leads, in yuan.
constexpr Quantiles kRevenueYuan = {{0, 200000, 500000, 800000, 970000, 1000000},
                                    {300000, 2000000, 8000000, 40000000, 200000000, 800000000}};

// Employers' average monthly salary, in yuan.
constexpr Quantiles kEmployerSalaryYuan = {{0, 100000, 500000, 900000, 990000, 1000000},
                                           {3800, 4800, 6800, 11000, 16000, 22000}};

// ---------------------------------------------------------------------------------------
// One dossier, before formatting. Fixed-size storage: no allocation per row.
// ---------------------------------------------------------------------------------------

struct Award {
  uint8_t level;
  uint8_t rank;
};
struct Project {
  uint8_t level;
  int64_t funding_fen;
};
struct Child {
  int32_t birth;
  uint8_t stage;
};

constexpr int kMaxAwards = 8;
constexpr int kMaxProjects = 6;
constexpr int kMaxChildren = 3;

struct Dossier {
  int64_t number = 0;  // 1-based
  char name[48] = {};
  size_t name_len = 0;
  const char* nationality = "CN";
  bool overseas = false;
  int32_t birth = 0;
  const char* hukou = "";
  const char* region = "unknown";
  const char* identity = "none";
  const char* education = "none";
  const char* title = "none";
  int64_t papers = 0;
  const char* ownership = "state";
  uint8_t honors = 0;
  std::array<Award, kMaxAwards> awards{};
  int n_awards = 0;
  std::array<Project, kMaxProjects> projects{};
  int n_projects = 0;
  int64_t salary_fen = 0;
  int64_t years_experience = 0;
  const char* field = "";
  int64_t invention_patents = 0;
  int64_t patents_commercialized = 0;
  int64_t revenue_fen = 0;
  int64_t tax_fen = 0;
  int64_t jobs = 0;
  int64_t standards = 0;
  int64_t employer = 0;  // 1-based
  int64_t employer_avg_fen = 0;
  const char* engagement = "full_time";
  bool spouse_present = false;
  bool spouse_employed = false;
  std::array<Child, kMaxChildren> children{};
  int n_children = 0;
};

struct Employer {
  int64_t avg_fen;
  const char* ownership;
};

std::vector<Employer> MakeEmployers(uint64_t seed, int64_t n) {
  std::vector<Employer> employers;
  employers.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    Rng rng(seed, 2, static_cast<uint64_t>(i));
    const int own = Pick(rng, std::array<uint32_t, 5>{45, 5, 32, 8, 10});
    int64_t yuan = Draw(rng, kEmployerSalaryYuan);
    if (own == 3) yuan = yuan * 13 / 10;        // foreign-owned pay more
    if (own == 1) yuan = yuan * 85 / 100;       // collectives pay less
    employers.push_back({yuan * 100 + rng.Below(100), kOwnership[static_cast<size_t>(own)]});
  }
  return employers;
}

int64_t EmployerCount(int64_t count) {
  int64_t n = count / 50;
  if (n < 20) n = 20;
  if (n > 99999) n = 99999;
  return n;
}

void AppendName(Dossier& d, const char* part) {
  const size_t len = std::strlen(part);
  if (d.name_len + len >= sizeof(d.name)) return;
  std::memcpy(d.name + d.name_len, part, len);
  d.name_len += len;
}

void MakeName(Rng& rng, Dossier& d, bool foreign, bool east_asian) {
  if (!foreign) {
    AppendName(d, kSurnames[rng.Below(kSurnames.size())]);
    AppendName(d, " ");
    const char* first = kGiven[rng.Below(kGiven.size())];
    const size_t at = d.name_len;
    AppendName(d, first);
    d.name[at] = static_cast<char>(d.name[at] - 'a' + 'A');
    if (rng.Chance(650000)) AppendName(d, kGiven[rng.Below(kGiven.size())]);
    return;
  }
  if (east_asian) {
    AppendName(d, kEastAsianFirst[rng.Below(kEastAsianFirst.size())]);
    AppendName(d, " ");
    AppendName(d, kEastAsianLast[rng.Below(kEastAsianLast.size())]);
  } else {
    AppendName(d, kWesternFirst[rng.Below(kWesternFirst.size())]);
    AppendName(d, " ");
    AppendName(d, kWesternLast[rng.Below(kWesternLast.size())]);
  }
}

int32_t RandomDayOfYear(Rng& rng, int year) {
  const int32_t start = DaysFromCivil(year, 1, 1);
  const int32_t end = DaysFromCivil(year + 1, 1, 1);
  return start + static_cast<int32_t>(rng.Below(static_cast<uint32_t>(end - start)));
}

Dossier MakeDossier(uint64_t seed, int64_t number, const std::vector<Employer>& employers) {
  Rng rng(seed, 1, static_cast<uint64_t>(number));
  Dossier d;
  d.number = number;

  const auto band = static_cast<Band>(Pick(rng, kBandWeights));
  const BandModel& m = kBands[band];

  // Identity.
  const bool foreign = rng.Chance(80000);
  bool east_asian = false;
  if (foreign) {
    std::array<uint32_t, kForeign.size()> w{};
    for (size_t i = 0; i < kForeign.size(); ++i) w[i] = kForeign[i].weight;
    const auto& c = kForeign[static_cast<size_t>(Pick(rng, w))];
    d.nationality = c.code;
    east_asian = c.east_asian;
  }
  MakeName(rng, d, foreign, east_asian);
  if (!foreign) d.overseas = rng.Chance(band == kElite ? 300000 : band == kStrong ? 200000 : 100000);
  // Triangular birth year between the band's bounds, within 1950..2000.
  const int span = m.birth_year_hi - m.birth_year_lo;
  const int year = m.birth_year_lo + static_cast<int>((rng.Below(static_cast<uint32_t>(span) + 1) +
                                                       rng.Below(static_cast<uint32_t>(span) + 1)) /
                                                      2);
  d.birth = RandomDayOfYear(rng, year);
  const int age = YearsBetween(d.birth, kReference);

  // Barrier attributes: realistic, correlated with caliber, and never decisive.
  if (foreign) {
    d.hukou = "";
    d.region = "abroad";
    d.identity = "none";
  } else {
    std::array<uint32_t, kProvinces.size()> w{};
    for (size_t i = 0; i < kProvinces.size(); ++i) w[i] = kProvinces[i].weight;
    const auto& p = kProvinces[static_cast<size_t>(Pick(rng, w))];
    d.hukou = p.name;
    d.region = rng.Chance(20000) ? "unknown" : p.region;
    d.identity = kIdentities[static_cast<size_t>(
        Pick(rng, std::array<uint32_t, 5>{12, 25, 3, 2, 58}))];
  }
  d.education = kEducation[static_cast<size_t>(Pick(rng, m.education))];
  {
    // Titles come with age and caliber.
    int level = 0;
    if (age >= 25) level = 1;
    if (age >= 30) level = 2;
    if (age >= 38) level = 3;
    if (age >= 45) level = 4;
    const int cap = band == kElite ? 4 : band == kStrong ? 4 : band == kGood ? 3 : 3;
    if (level > cap) level = cap;
    level -= static_cast<int>(rng.Below(2));  // not everyone holds the title their age allows
    if (foreign && rng.Chance(600000)) level = 0;
    if (level < 0) level = 0;
    d.title = kTitles[static_cast<size_t>(level)];
  }
  if (rng.Chance(band == kOrdinary ? 450000 : 900000)) {
    const int64_t a = rng.Range(1, m.papers_max);
    const int64_t b = rng.Range(1, m.papers_max);
    d.papers = a < b ? a : b;  // long tail: the smaller of two uniform draws
  }

  // Employment.
  const auto n_employers = static_cast<int64_t>(employers.size());
  {
    // Skewed towards the first (larger) employers: index = n * u^2.
    const uint64_t u = rng.Below(65536);
    auto index = static_cast<int64_t>((static_cast<uint64_t>(n_employers) * u * u) >> 32);
    if (index >= n_employers) index = n_employers - 1;
    d.employer = index + 1;
    d.employer_avg_fen = employers[static_cast<size_t>(index)].avg_fen;
    d.ownership = employers[static_cast<size_t>(index)].ownership;
  }
  if (foreign) {
    d.engagement = kEngagements[static_cast<size_t>(
        Pick(rng, std::array<uint32_t, 4>{60, 15, 10, 15}))];
  } else if (band == kElite) {
    d.engagement = kEngagements[static_cast<size_t>(
        Pick(rng, std::array<uint32_t, 4>{70, 15, 5, 10}))];
  } else {
    d.engagement = kEngagements[static_cast<size_t>(
        Pick(rng, std::array<uint32_t, 4>{88, 5, 4, 3}))];
  }
  d.field = kFields[static_cast<size_t>(Pick(rng, kFieldWeights))];

  // Ability: honors.
  switch (band) {
    case kElite: {
      const int main = Pick(rng, std::array<uint32_t, 3>{22, 63, 15});
      if (main == 0) d.honors |= kAcademician;
      if (main == 1) d.honors |= kNationalProgram;
      if (main == 2) d.honors |= kNationalSkill | kProvincialProgram;
      if (main == 0 && rng.Chance(400000)) d.honors |= kNationalProgram;
      if (rng.Chance(450000)) d.honors |= kStateCouncil;
      if (rng.Chance(250000)) d.honors |= kProvincialProgram;
      break;
    }
    case kStrong: {
      const int main = Pick(rng, std::array<uint32_t, 5>{45, 20, 8, 2, 25});
      if (main == 0) d.honors |= kProvincialProgram;
      if (main == 1) d.honors |= kStateCouncil;
      if (main == 2) d.honors |= kNationalSkill;
      if (main == 3) d.honors |= kNationalProgram;
      if (rng.Chance(100000)) d.honors |= kProvincialSkill;
      break;
    }
    case kGood:
      if (rng.Chance(60000)) d.honors |= kProvincialProgram;
      if (rng.Chance(80000)) d.honors |= kProvincialSkill;
      if (rng.Chance(10000)) d.honors |= kStateCouncil;
      break;
    case kOrdinary:
      if (rng.Chance(10000)) d.honors |= kProvincialSkill;
      break;
  }

  // Ability: awards.
  d.n_awards = Pick(rng, m.award_count);
  for (int i = 0; i < d.n_awards; ++i) {
    d.awards[static_cast<size_t>(i)] = {
        static_cast<uint8_t>(Pick(rng, m.award_level)),
        static_cast<uint8_t>(1 + Pick(rng, std::array<uint32_t, 3>{20, 35, 45}))};
  }

  // Performance: projects, salary, experience.
  d.n_projects = Pick(rng, m.project_count);
  for (int i = 0; i < d.n_projects; ++i) {
    const auto level = static_cast<uint8_t>(Pick(rng, m.project_level));
    const int64_t yuan = Draw(rng, kFundingYuan[level]) / 1000 * 1000;
    d.projects[static_cast<size_t>(i)] = {level, yuan * 100};
  }
  {
    int64_t yuan = Draw(rng, m.salary_yuan);
    if (std::strcmp(d.engagement, "full_time") != 0) yuan = yuan * 6 / 10;  // partial engagement
    if (age < 26) yuan = yuan * 7 / 10;
    d.salary_fen = yuan / 100 * 100 * 100;
  }
  {
    const int start = 22 + static_cast<int>(rng.Below(6));
    d.years_experience = age > start ? age - start : 0;
    if (d.years_experience > 50) d.years_experience = 50;
  }

  // Contribution.
  if (rng.Chance(m.patent_ppm)) {
    // Long tail: the smaller of two uniform draws.
    const int64_t a = rng.Range(1, m.patents_max);
    const int64_t b = rng.Range(1, m.patents_max);
    d.invention_patents = a < b ? a : b;
    for (int64_t i = 0; i < d.invention_patents; ++i) {
      if (rng.Chance(m.commercialize_ppm)) ++d.patents_commercialized;
    }
  }
  if (rng.Chance(m.entrepreneur_ppm)) {
    int64_t yuan = Draw(rng, kRevenueYuan);
    if (band == kElite) yuan *= 2;
    if (band == kOrdinary) yuan /= 3;
    yuan = yuan / 1000 * 1000;
    d.revenue_fen = yuan * 100;
    // Tax 3%..12% of revenue; about one job per 400,000..1,200,000 yuan of revenue.
    d.tax_fen = yuan * rng.Range(3, 12) / 100 * 100;
    d.jobs = yuan / rng.Range(400000, 1200000);
  }
  if (rng.Chance(m.standards_ppm)) d.standards = rng.Range(1, m.standards_max);

  // Family.
  d.spouse_present = rng.Chance(age >= 35 ? 880000 : age >= 28 ? 700000 : 300000);
  if (d.spouse_present) d.spouse_employed = rng.Chance(720000);
  if (d.spouse_present || rng.Chance(50000)) {
    d.n_children = Pick(rng, std::array<uint32_t, 4>{18, 55, 24, 3});
    int32_t earliest = d.birth + 365 * 23;
    for (int i = 0; i < d.n_children; ++i) {
      const int32_t born = earliest + static_cast<int32_t>(rng.Range(300, 365 * 6));
      if (born > kReference) {
        d.n_children = i;
        break;
      }
      const int child_age = YearsBetween(born, kReference);
      uint8_t stage = 0;
      if (child_age >= 6 && child_age <= 11) stage = 1;
      if (child_age >= 12 && child_age <= 14) stage = 2;
      if (child_age >= 15 && child_age <= 17) stage = 3;
      if (stage != 0 && rng.Chance(40000)) stage = 0;  // schooled abroad, or not in school
      d.children[static_cast<size_t>(i)] = {born, stage};
      earliest = born;
    }
  }
  return d;
}

// ---------------------------------------------------------------------------------------
// Formatting into a byte buffer: no iostream formatting per field.
// ---------------------------------------------------------------------------------------

class Buffer {
 public:
  explicit Buffer(std::ostream& out) : out_(out) { buf_.reserve(kFlushAt + 4096); }
  ~Buffer() { Flush(); }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  void Str(std::string_view s) { buf_.append(s); }
  void Char(char c) { buf_.push_back(c); }
  void Int(int64_t v) {
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof(tmp), v);
    buf_.append(tmp, static_cast<size_t>(r.ptr - tmp));
  }
  void Padded(int64_t v, int width) {
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof(tmp), v);
    for (int pad = width - static_cast<int>(r.ptr - tmp); pad > 0; --pad) buf_.push_back('0');
    buf_.append(tmp, static_cast<size_t>(r.ptr - tmp));
  }
  void Money(int64_t fen) {
    if (fen < 0) {
      buf_.push_back('-');
      fen = -fen;
    }
    Int(fen / 100);
    buf_.push_back('.');
    Padded(fen % 100, 2);
  }
  void Date(int32_t days) {
    int y, m, d;
    CivilFromDays(days, &y, &m, &d);
    Padded(y, 4);
    buf_.push_back('-');
    Padded(m, 2);
    buf_.push_back('-');
    Padded(d, 2);
  }
  void Bool(bool b) { Str(b ? "true" : "false"); }
  void EndLine() {
    buf_.push_back('\n');
    if (buf_.size() >= kFlushAt) Flush();
  }
  void Flush() {
    if (!buf_.empty()) out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

 private:
  static constexpr size_t kFlushAt = 1 << 20;
  std::ostream& out_;
  std::string buf_;
};

void TalentId(Buffer& b, int64_t number) {
  b.Char('T');
  b.Padded(number, 7);
}
void EmployerId(Buffer& b, int64_t number) {
  b.Char('E');
  b.Padded(number, 4);
}

constexpr std::string_view kCsvHeader =
    "id,name,nationality,overseas,birth_date,hukou_province,origin_region,identity,education,"
    "professional_title,papers,employer_ownership,honors,awards,projects_led,annual_salary_cny,"
    "years_experience,field,invention_patents,patents_commercialized,revenue_generated_cny,"
    "tax_paid_cny,jobs_created,standards_drafted,employer_id,employer_avg_monthly_salary_cny,"
    "engagement,spouse.present,spouse.employed,children";

void WriteCsv(Buffer& b, const Dossier& d) {
  TalentId(b, d.number);
  b.Char(',');
  b.Str(std::string_view(d.name, d.name_len));
  b.Char(',');
  b.Str(d.nationality);
  b.Char(',');
  b.Bool(d.overseas);
  b.Char(',');
  b.Date(d.birth);
  b.Char(',');
  b.Str(d.hukou);
  b.Char(',');
  b.Str(d.region);
  b.Char(',');
  b.Str(d.identity);
  b.Char(',');
  b.Str(d.education);
  b.Char(',');
  b.Str(d.title);
  b.Char(',');
  b.Int(d.papers);
  b.Char(',');
  b.Str(d.ownership);
  b.Char(',');
  bool first = true;
  for (size_t i = 0; i < kHonors.size(); ++i) {
    if (d.honors & (1u << i)) {
      if (!first) b.Char('|');
      b.Str(kHonors[i]);
      first = false;
    }
  }
  b.Char(',');
  for (int i = 0; i < d.n_awards; ++i) {
    if (i) b.Char('|');
    const Award& a = d.awards[static_cast<size_t>(i)];
    b.Str(kLevels[a.level]);
    b.Char(':');
    b.Int(a.rank);
  }
  b.Char(',');
  for (int i = 0; i < d.n_projects; ++i) {
    if (i) b.Char('|');
    const Project& p = d.projects[static_cast<size_t>(i)];
    b.Str(kLevels[p.level]);
    b.Char(':');
    b.Money(p.funding_fen);
  }
  b.Char(',');
  b.Money(d.salary_fen);
  b.Char(',');
  b.Int(d.years_experience);
  b.Char(',');
  b.Str(d.field);
  b.Char(',');
  b.Int(d.invention_patents);
  b.Char(',');
  b.Int(d.patents_commercialized);
  b.Char(',');
  b.Money(d.revenue_fen);
  b.Char(',');
  b.Money(d.tax_fen);
  b.Char(',');
  b.Int(d.jobs);
  b.Char(',');
  b.Int(d.standards);
  b.Char(',');
  EmployerId(b, d.employer);
  b.Char(',');
  b.Money(d.employer_avg_fen);
  b.Char(',');
  b.Str(d.engagement);
  b.Char(',');
  b.Bool(d.spouse_present);
  b.Char(',');
  b.Bool(d.spouse_employed);
  b.Char(',');
  for (int i = 0; i < d.n_children; ++i) {
    if (i) b.Char('|');
    const Child& c = d.children[static_cast<size_t>(i)];
    b.Date(c.birth);
    b.Char(':');
    b.Str(kStages[c.stage]);
  }
  b.EndLine();
}

// Every string written is plain ASCII without quotes or backslashes: no escaping needed.
void Key(Buffer& b, std::string_view key) {
  b.Char('"');
  b.Str(key);
  b.Str("\":");
}
void QuotedStr(Buffer& b, std::string_view s) {
  b.Char('"');
  b.Str(s);
  b.Char('"');
}

void WriteJson(Buffer& b, const Dossier& d) {
  b.Str("{\"id\":\"");
  TalentId(b, d.number);
  b.Str("\",");
  Key(b, "name");
  QuotedStr(b, std::string_view(d.name, d.name_len));
  b.Char(',');
  Key(b, "nationality");
  QuotedStr(b, d.nationality);
  b.Char(',');
  Key(b, "overseas");
  b.Bool(d.overseas);
  b.Char(',');
  Key(b, "birth_date");
  b.Char('"');
  b.Date(d.birth);
  b.Str("\",");
  Key(b, "hukou_province");
  QuotedStr(b, d.hukou);
  b.Char(',');
  Key(b, "origin_region");
  QuotedStr(b, d.region);
  b.Char(',');
  Key(b, "identity");
  QuotedStr(b, d.identity);
  b.Char(',');
  Key(b, "education");
  QuotedStr(b, d.education);
  b.Char(',');
  Key(b, "professional_title");
  QuotedStr(b, d.title);
  b.Char(',');
  Key(b, "papers");
  b.Int(d.papers);
  b.Char(',');
  Key(b, "employer_ownership");
  QuotedStr(b, d.ownership);
  b.Char(',');
  Key(b, "honors");
  b.Char('[');
  bool first = true;
  for (size_t i = 0; i < kHonors.size(); ++i) {
    if (d.honors & (1u << i)) {
      if (!first) b.Char(',');
      QuotedStr(b, kHonors[i]);
      first = false;
    }
  }
  b.Str("],");
  Key(b, "awards");
  b.Char('[');
  for (int i = 0; i < d.n_awards; ++i) {
    if (i) b.Char(',');
    const Award& a = d.awards[static_cast<size_t>(i)];
    b.Str("{\"level\":");
    QuotedStr(b, kLevels[a.level]);
    b.Str(",\"rank\":");
    b.Int(a.rank);
    b.Char('}');
  }
  b.Str("],");
  Key(b, "projects_led");
  b.Char('[');
  for (int i = 0; i < d.n_projects; ++i) {
    if (i) b.Char(',');
    const Project& p = d.projects[static_cast<size_t>(i)];
    b.Str("{\"level\":");
    QuotedStr(b, kLevels[p.level]);
    b.Str(",\"funding_cny\":");
    b.Money(p.funding_fen);
    b.Char('}');
  }
  b.Str("],");
  Key(b, "annual_salary_cny");
  b.Money(d.salary_fen);
  b.Char(',');
  Key(b, "years_experience");
  b.Int(d.years_experience);
  b.Char(',');
  Key(b, "field");
  QuotedStr(b, d.field);
  b.Char(',');
  Key(b, "invention_patents");
  b.Int(d.invention_patents);
  b.Char(',');
  Key(b, "patents_commercialized");
  b.Int(d.patents_commercialized);
  b.Char(',');
  Key(b, "revenue_generated_cny");
  b.Money(d.revenue_fen);
  b.Char(',');
  Key(b, "tax_paid_cny");
  b.Money(d.tax_fen);
  b.Char(',');
  Key(b, "jobs_created");
  b.Int(d.jobs);
  b.Char(',');
  Key(b, "standards_drafted");
  b.Int(d.standards);
  b.Char(',');
  Key(b, "employer_id");
  b.Char('"');
  EmployerId(b, d.employer);
  b.Str("\",");
  Key(b, "employer_avg_monthly_salary_cny");
  b.Money(d.employer_avg_fen);
  b.Char(',');
  Key(b, "engagement");
  QuotedStr(b, d.engagement);
  b.Char(',');
  Key(b, "spouse");
  b.Str("{\"present\":");
  b.Bool(d.spouse_present);
  b.Str(",\"employed\":");
  b.Bool(d.spouse_employed);
  b.Str("},");
  Key(b, "children");
  b.Char('[');
  for (int i = 0; i < d.n_children; ++i) {
    if (i) b.Char(',');
    const Child& c = d.children[static_cast<size_t>(i)];
    b.Str("{\"birth_date\":\"");
    b.Date(c.birth);
    b.Str("\",\"school_stage\":");
    QuotedStr(b, kStages[c.stage]);
    b.Char('}');
  }
  b.Str("]}");
  b.EndLine();
}

}  // namespace

std::string PopulationCsvHeader() { return std::string(kCsvHeader); }

void WritePopulation(std::ostream& out, const PopulationOptions& options) {
  Buffer b(out);
  if (options.format == PopulationFormat::kCsv) {
    b.Str(kCsvHeader);
    b.EndLine();
  }
  if (options.count > 0) {
    const std::vector<Employer> employers =
        MakeEmployers(options.seed, EmployerCount(options.count));
    for (int64_t i = 1; i <= options.count; ++i) {
      const Dossier d = MakeDossier(options.seed, i, employers);
      if (options.format == PopulationFormat::kCsv) {
        WriteCsv(b, d);
      } else {
        WriteJson(b, d);
      }
    }
  }
  b.Flush();
  out.flush();
}

}  // namespace jincai::domain
