// Two-way matching (see market_match.h).
#include "domain/market_match.h"

#include <algorithm>

#include "domain/employer_profile.h"

namespace jincai::domain {
namespace {

constexpr int kSkills = 40, kField = 25, kCity = 15, kEngagement = 10, kPay = 10;

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// A code's label in Chinese or English; the code itself when it has none.
std::string Label(const std::vector<Labelled>& list, const std::string& code, bool zh) {
  const Labelled* l = FindLabelled(list, code);
  return l ? std::string(zh ? l->zh : l->en) : code;
}
std::string FieldZh(const std::string& code) { return Label(ProfessionalFields(), code, true); }
std::string FieldEn(const std::string& code) { return Label(ProfessionalFields(), code, false); }
std::string CityZh(const std::string& code) { return Label(ShanxiCities(), code, true); }
std::string CityEn(const std::string& code) { return Label(ShanxiCities(), code, false); }

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  const std::string n = NormalizeTag(s);
  return std::any_of(v.begin(), v.end(), [&](const std::string& x) { return NormalizeTag(x) == n; });
}

MatchReason Skills(const TalentFacts& t, const PositionFacts& p) {
  if (p.skills.empty()) return {"skills", kSkills, kSkills, true, "the position asks for no particular skill", "岗位未列出技能要求"};
  std::vector<std::string> shared, missing;
  for (const auto& s : p.skills) (Contains(t.skills, s) ? shared : missing).push_back(s);
  const int points = static_cast<int>(kSkills * static_cast<int64_t>(shared.size()) / static_cast<int64_t>(p.skills.size()));
  const std::string have = std::to_string(shared.size()) + " of " + std::to_string(p.skills.size());
  std::string en = "has " + have + " skills asked",
              zh = "所需 " + std::to_string(p.skills.size()) + " 项技能中具备 " + std::to_string(shared.size()) + " 项";
  if (!shared.empty()) en += ": " + Join(shared, ", "), zh += "：" + Join(shared, "、");
  if (!missing.empty()) en += "; lacks " + Join(missing, ", "), zh += "；缺少：" + Join(missing, "、");
  return {"skills", points, kSkills, missing.empty(), en, zh};
}

MatchReason Field(const TalentFacts& t, const PositionFacts& p) {
  if (NormalizeTag(t.field).empty()) return {"field", 0, kField, false, "the talent states no field", "人才未填写专业领域"};
  if (NormalizeTag(t.field) == NormalizeTag(p.field))
    return {"field", kField, kField, true, "same field: " + FieldEn(p.field), "专业领域相同：" + FieldZh(p.field)};
  return {"field", 0, kField, false, "field " + FieldEn(p.field) + ", not the talent's " + FieldEn(t.field),
          "岗位领域为" + FieldZh(p.field) + "，人才领域为" + FieldZh(t.field)};
}

MatchReason City(const TalentFacts& t, const PositionFacts& p) {
  if (t.cities.empty()) return {"city", kCity, kCity, true, "the talent would work in any city", "人才不限工作城市"};
  if (Contains(t.cities, p.city))
    return {"city", kCity, kCity, true, "in a city the talent wants: " + CityEn(p.city), "位于人才意向城市：" + CityZh(p.city)};
  std::vector<std::string> wanted_zh, wanted_en;
  for (const auto& c : t.cities) wanted_zh.push_back(CityZh(c)), wanted_en.push_back(CityEn(c));
  return {"city", 0, kCity, false, "in " + CityEn(p.city) + ", not among the cities wanted (" + Join(wanted_en, ", ") + ")",
          "工作城市" + CityZh(p.city) + "不在意向城市（" + Join(wanted_zh, "、") + "）之中"};
}

MatchReason Engagement(const TalentFacts& t, const PositionFacts& p) {
  const std::string zh = Label(EngagementModes(), p.engagement, true), en = Label(EngagementModes(), p.engagement, false);
  if (t.engagements.empty()) return {"engagement", kEngagement, kEngagement, true, "the talent takes any mode of engagement", "人才不限聘用方式"};
  if (Contains(t.engagements, p.engagement))
    return {"engagement", kEngagement, kEngagement, true, "a mode the talent takes: " + en, "聘用方式符合意向：" + zh};
  return {"engagement", 0, kEngagement, false, "mode " + en + " is not one the talent takes",
          "聘用方式" + zh + "不在人才意向之中"};
}

MatchReason Pay(const TalentFacts& t, const PositionFacts& p) {
  if (t.min_pay_cny <= 0) return {"pay", kPay, kPay, true, "the talent states no pay expectation", "人才未提出薪酬期望"};
  const std::string up_to = std::to_string(p.pay_max_cny), want = std::to_string(t.min_pay_cny);
  if (p.pay_max_cny >= t.min_pay_cny)
    return {"pay", kPay, kPay, true, "pays up to " + up_to + " CNY a month, at least the " + want + " wanted",
            "月薪最高 " + up_to + " 元，不低于期望的 " + want + " 元"};
  return {"pay", 0, kPay, false, "pays at most " + up_to + " CNY a month, below the " + want + " wanted",
          "月薪最高 " + up_to + " 元，低于期望的 " + want + " 元"};
}

}  // namespace

std::string NormalizeTag(const std::string& s) {
  std::string out = CollapseSpaces(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string CollapseSpaces(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

Match MatchPosition(const TalentFacts& t, const PositionFacts& p) {
  Match m;
  m.reasons = {Skills(t, p), Field(t, p), City(t, p), Engagement(t, p), Pay(t, p)};
  for (const auto& r : m.reasons) m.score += r.points;
  return m;
}

}  // namespace jincai::domain
