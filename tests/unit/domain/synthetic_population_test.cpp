#include "domain/synthetic_population.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jincai::domain {
namespace {

std::string Generate(int64_t count, uint64_t seed, PopulationFormat format) {
  std::ostringstream out;
  WritePopulation(out, PopulationOptions{count, seed, format});
  return out.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    EXPECT_NE(end, std::string::npos) << "last line not terminated";
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t end = s.find(sep, start);
    parts.emplace_back(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

std::string Join(const std::vector<std::string>& parts, char sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out.push_back(sep);
    out += parts[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// A small JSON reader, enough to flatten a generated object the way the CSV does.
// ---------------------------------------------------------------------------------------

struct Json {
  enum Kind { kObject, kArray, kString, kLiteral } kind = kLiteral;
  std::string text;                                   // string contents or literal text
  std::vector<std::string> keys;                      // object, in order...
  std::vector<Json> items;                            // ...its values; or array items
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view s) : s_(s) {}
  bool Parse(Json* out) {
    if (!Value(out)) return false;
    return pos_ == s_.size();
  }

 private:
  bool Value(Json* out) {
    if (pos_ >= s_.size()) return false;
    const char c = s_[pos_];
    if (c == '{') return Object(out);
    if (c == '[') return Array(out);
    if (c == '"') {
      out->kind = Json::kString;
      return String(&out->text);
    }
    out->kind = Json::kLiteral;
    const size_t start = pos_;
    while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '}' && s_[pos_] != ']') ++pos_;
    out->text = std::string(s_.substr(start, pos_ - start));
    return !out->text.empty();
  }
  bool String(std::string* out) {
    ++pos_;
    const size_t start = pos_;
    while (pos_ < s_.size() && s_[pos_] != '"') {
      if (s_[pos_] == '\\') return false;  // the generator never escapes
      ++pos_;
    }
    if (pos_ >= s_.size()) return false;
    *out = std::string(s_.substr(start, pos_ - start));
    ++pos_;
    return true;
  }
  bool Object(Json* out) {
    out->kind = Json::kObject;
    ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '}') return ++pos_, true;
    while (true) {
      if (pos_ >= s_.size() || s_[pos_] != '"') return false;
      std::string key;
      if (!String(&key)) return false;
      if (pos_ >= s_.size() || s_[pos_] != ':') return false;
      ++pos_;
      Json value;
      if (!Value(&value)) return false;
      out->keys.push_back(std::move(key));
      out->items.push_back(std::move(value));
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '}') return ++pos_, true;
      return false;
    }
  }
  bool Array(Json* out) {
    out->kind = Json::kArray;
    ++pos_;
    if (pos_ < s_.size() && s_[pos_] == ']') return ++pos_, true;
    while (true) {
      Json value;
      if (!Value(&value)) return false;
      out->items.push_back(std::move(value));
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ']') return ++pos_, true;
      return false;
    }
  }
  std::string_view s_;
  size_t pos_ = 0;
};

// Flattens one dossier object to (header, row) by the CSV rules.
std::pair<std::string, std::string> Flatten(const Json& object) {
  std::vector<std::string> names, cells;
  for (size_t m = 0; m < object.keys.size(); ++m) {
    const std::string& key = object.keys[m];
    const Json& value = object.items[m];
    if (value.kind == Json::kObject) {
      for (size_t f = 0; f < value.keys.size(); ++f) {
        names.push_back(key + "." + value.keys[f]);
        cells.push_back(value.items[f].text);
      }
      continue;
    }
    names.push_back(key);
    if (value.kind != Json::kArray) {
      cells.push_back(value.text);
      continue;
    }
    std::vector<std::string> elements;
    for (const Json& item : value.items) {
      if (item.kind == Json::kObject) {
        std::vector<std::string> fields;
        for (const Json& field : item.items) fields.push_back(field.text);
        elements.push_back(Join(fields, ':'));
      } else {
        elements.push_back(item.text);
      }
    }
    cells.push_back(Join(elements, '|'));
  }
  return {Join(names, ','), Join(cells, ',')};
}

// ---------------------------------------------------------------------------------------
// The policy file, for the declared input order and value lists.
// ---------------------------------------------------------------------------------------

std::string PolicyPath() {
#ifdef JINCAI_SOURCE_DIR
  return std::string(JINCAI_SOURCE_DIR) + "/policies/shanxi-2017.toml";
#else
  return "policies/shanxi-2017.toml";
#endif
}

struct PolicyInputs {
  std::vector<std::string> order;                         // [inputs.NAME] in file order
  std::map<std::string, std::set<std::string>> values;    // "honors", "awards.level", ...
  std::vector<std::string> record_fields;                 // "spouse.present", ...
};

std::vector<std::string> QuotedStrings(std::string_view s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while ((pos = s.find('"', pos)) != std::string_view::npos) {
    const size_t end = s.find('"', pos + 1);
    if (end == std::string_view::npos) break;
    out.emplace_back(s.substr(pos + 1, end - pos - 1));
    pos = end + 1;
  }
  return out;
}

// A line scan of the [inputs.*] tables: enough for this file's layout.
bool ReadPolicyInputs(PolicyInputs* out) {
  std::ifstream in(PolicyPath());
  if (!in) return false;
  std::string line, section, type;
  bool in_values = false;
  std::string pending;
  while (std::getline(in, line)) {
    if (line.rfind("[inputs.", 0) == 0) {
      section = line.substr(8, line.find(']') - 8);
      out->order.push_back(section);
      type.clear();
      continue;
    }
    if (!line.empty() && line[0] == '[') {
      section.clear();
      continue;
    }
    if (section.empty()) continue;
    if (line.rfind("type = ", 0) == 0) type = QuotedStrings(line).at(0);
    if (in_values) {
      pending += line;
      if (line.find(']') != std::string::npos) {
        for (auto& v : QuotedStrings(pending)) out->values[section].insert(v);
        in_values = false;
      }
      continue;
    }
    if (line.rfind("values = [", 0) == 0) {
      pending = line.substr(9);
      if (line.find(']') != std::string::npos) {
        for (auto& v : QuotedStrings(pending)) out->values[section].insert(v);
      } else {
        in_values = true;
      }
      continue;
    }
    // A record field: { name = "level", type = "string", values = ["a", "b"] },
    const size_t name_at = line.find("{ name = \"");
    if (name_at != std::string::npos) {
      const auto quoted = QuotedStrings(line.substr(name_at));
      const std::string field = quoted.at(0);
      if (type == "record") out->record_fields.push_back(section + "." + field);
      const size_t values_at = line.find("values = [");
      if (values_at != std::string::npos) {
        const size_t close = line.find(']', values_at);
        for (auto& v : QuotedStrings(line.substr(values_at, close - values_at))) {
          out->values[section + "." + field].insert(v);
        }
      }
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

constexpr std::string_view kExpectedHeader =
    "id,name,nationality,overseas,birth_date,hukou_province,origin_region,identity,education,"
    "professional_title,papers,employer_ownership,honors,awards,projects_led,annual_salary_cny,"
    "years_experience,field,invention_patents,patents_commercialized,revenue_generated_cny,"
    "tax_paid_cny,jobs_created,standards_drafted,employer_id,employer_avg_monthly_salary_cny,"
    "engagement,spouse.present,spouse.employed,children";

TEST(SyntheticPopulation, SameOptionsGiveTheSameBytes) {
  for (auto format : {PopulationFormat::kJsonl, PopulationFormat::kCsv}) {
    const std::string a = Generate(2000, 42, format);
    const std::string b = Generate(2000, 42, format);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, Generate(2000, 43, format));
  }
}

// The bytes are pinned: a change here changes every simulation baseline built on the
// generator. Update the constant only on purpose.
TEST(SyntheticPopulation, OutputIsPinned) {
  auto fnv1a = [](const std::string& s) {
    uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    return h;
  };
  EXPECT_EQ(fnv1a(Generate(500, 1, PopulationFormat::kCsv)), 8170192245047126334ULL);
  EXPECT_EQ(fnv1a(Generate(500, 1, PopulationFormat::kJsonl)), 1866303540475846165ULL);
}

TEST(SyntheticPopulation, WritesCountRecords) {
  EXPECT_EQ(Lines(Generate(1234, 1, PopulationFormat::kJsonl)).size(), 1234u);
  EXPECT_EQ(Lines(Generate(1234, 1, PopulationFormat::kCsv)).size(), 1235u);
  EXPECT_EQ(Generate(0, 1, PopulationFormat::kJsonl), "");
  EXPECT_EQ(Generate(0, 1, PopulationFormat::kCsv), std::string(kExpectedHeader) + "\n");
  // Larger than the internal buffer: flushed in pieces, nothing lost.
  EXPECT_EQ(Lines(Generate(20000, 3, PopulationFormat::kCsv)).size(), 20001u);
}

TEST(SyntheticPopulation, CsvHeaderIsIdThenInputsInDeclaredOrder) {
  const auto lines = Lines(Generate(3, 1, PopulationFormat::kCsv));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], kExpectedHeader);
  EXPECT_EQ(PopulationCsvHeader(), kExpectedHeader);

  PolicyInputs policy;
  if (!ReadPolicyInputs(&policy)) GTEST_SKIP() << "policy file not found: " << PolicyPath();
  std::vector<std::string> expected = {"id"};
  for (const auto& input : policy.order) {
    if (input == "spouse") {
      for (const auto& f : policy.record_fields) expected.push_back(f);
    } else {
      expected.push_back(input);
    }
  }
  EXPECT_EQ(Join(expected, ','), kExpectedHeader);
}

TEST(SyntheticPopulation, CsvAndJsonlCarryTheSameDossiers) {
  const auto csv = Lines(Generate(3000, 9, PopulationFormat::kCsv));
  const auto jsonl = Lines(Generate(3000, 9, PopulationFormat::kJsonl));
  ASSERT_EQ(csv.size(), jsonl.size() + 1);
  for (size_t i = 0; i < jsonl.size(); ++i) {
    Json object;
    ASSERT_TRUE(JsonParser(jsonl[i]).Parse(&object)) << "line " << i + 1 << ": " << jsonl[i];
    const auto [header, row] = Flatten(object);
    ASSERT_EQ(header, csv[0]) << "line " << i + 1;
    ASSERT_EQ(row, csv[i + 1]) << "line " << i + 1;
  }
}

bool IsDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  const int month = std::stoi(s.substr(5, 2));
  const int day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool IsMoney(const std::string& s) {
  const size_t dot = s.find('.');
  if (dot == std::string::npos || dot == 0 || s.size() - dot != 3) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i != dot && !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

bool IsCount(const std::string& s) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

TEST(SyntheticPopulation, EveryValueSatisfiesThePolicyInputs) {
  PolicyInputs policy;
  if (!ReadPolicyInputs(&policy)) GTEST_SKIP() << "policy file not found: " << PolicyPath();
  ASSERT_TRUE(policy.values.count("honors"));
  ASSERT_TRUE(policy.values.count("awards.level"));
  ASSERT_TRUE(policy.values.count("children.school_stage"));

  const auto lines = Lines(Generate(20000, 5, PopulationFormat::kCsv));
  const auto header = Split(lines[0], ',');
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < header.size(); ++i) col[header[i]] = i;
  auto allowed = [&](const std::string& domain, const std::string& v) {
    const auto it = policy.values.find(domain);
    return it == policy.values.end() || it->second.count(v) > 0;
  };
  const std::set<std::string> money = {"annual_salary_cny", "revenue_generated_cny",
                                       "tax_paid_cny", "employer_avg_monthly_salary_cny"};
  const std::set<std::string> counts = {"papers", "years_experience", "invention_patents",
                                        "patents_commercialized", "jobs_created",
                                        "standards_drafted"};
  const std::set<std::string> bools = {"overseas", "spouse.present", "spouse.employed"};
  std::set<std::string> ids;
  int64_t foreign = 0, leading_honors = 0, no_honors = 0;

  for (size_t r = 1; r < lines.size(); ++r) {
    const auto cells = Split(lines[r], ',');
    ASSERT_EQ(cells.size(), header.size()) << lines[r];
    const std::string where = "row " + std::to_string(r) + ": ";
    for (size_t c = 0; c < cells.size(); ++c) {
      const std::string& name = header[c];
      const std::string& v = cells[c];
      if (money.count(name)) {
        EXPECT_TRUE(IsMoney(v)) << where << name << "=" << v;
      }
      if (counts.count(name)) {
        EXPECT_TRUE(IsCount(v)) << where << name << "=" << v;
      }
      if (bools.count(name)) {
        EXPECT_TRUE(v == "true" || v == "false") << where << name;
      }
      if (name == "honors" && !v.empty()) {
        for (const auto& h : Split(v, '|')) EXPECT_TRUE(allowed(name, h)) << where << h;
      } else if (name == "awards" && !v.empty()) {
        for (const auto& e : Split(v, '|')) {
          const auto f = Split(e, ':');
          ASSERT_EQ(f.size(), 2u) << where << e;
          EXPECT_TRUE(allowed("awards.level", f[0])) << where << e;
          EXPECT_TRUE(f[1] == "1" || f[1] == "2" || f[1] == "3") << where << e;
        }
      } else if (name == "projects_led" && !v.empty()) {
        for (const auto& e : Split(v, '|')) {
          const auto f = Split(e, ':');
          ASSERT_EQ(f.size(), 2u) << where << e;
          EXPECT_TRUE(allowed("projects_led.level", f[0])) << where << e;
          EXPECT_TRUE(IsMoney(f[1])) << where << e;
        }
      } else if (name == "children" && !v.empty()) {
        for (const auto& e : Split(v, '|')) {
          const auto f = Split(e, ':');
          ASSERT_EQ(f.size(), 2u) << where << e;
          EXPECT_TRUE(IsDate(f[0])) << where << e;
          EXPECT_TRUE(allowed("children.school_stage", f[1])) << where << e;
        }
      } else if (name != "honors" && name != "awards" && name != "projects_led" &&
                 name != "children") {
        EXPECT_TRUE(allowed(name, v)) << where << name << "=" << v;
      }
    }
    const std::string& birth = cells[col["birth_date"]];
    ASSERT_TRUE(IsDate(birth)) << where << birth;
    const int year = std::stoi(birth.substr(0, 4));
    EXPECT_GE(year, 1950);
    EXPECT_LE(year, 2000);
    EXPECT_LE(std::stoi(cells[col["years_experience"]]), 80);
    const std::string& nat = cells[col["nationality"]];
    EXPECT_TRUE(nat.size() == 2 && std::isupper(static_cast<unsigned char>(nat[0])) &&
                std::isupper(static_cast<unsigned char>(nat[1])))
        << where << nat;
    if (nat != "CN") {
      ++foreign;
      EXPECT_EQ(cells[col["overseas"]], "false") << where;
    }
    EXPECT_EQ(cells[col["employer_id"]].substr(0, 1), "E");
    EXPECT_LE(std::stoll(cells[col["patents_commercialized"]]),
              std::stoll(cells[col["invention_patents"]]));
    const std::string& honors = cells[col["honors"]];
    if (honors.empty()) ++no_honors;
    if (honors.find("academician") != std::string::npos ||
        honors.find("national_talent_program") != std::string::npos) {
      ++leading_honors;
    }
    EXPECT_TRUE(ids.insert(cells[0]).second) << "duplicate id " << cells[0];
  }
  // Skewed, as documented: ~8% foreign, most without honors, a few leading talents.
  const auto n = static_cast<int64_t>(lines.size() - 1);
  EXPECT_GT(foreign, n * 6 / 100);
  EXPECT_LT(foreign, n * 10 / 100);
  EXPECT_GT(no_honors, n * 80 / 100);
  EXPECT_GT(leading_honors, 0);
  EXPECT_LT(leading_honors, n * 3 / 100);
}

}  // namespace
}  // namespace jincai::domain
