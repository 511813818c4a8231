// The recruitment market: positions, search, profiles and matching (see recruitment_market.h).
#include "service/recruitment_market.h"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>

#include "common/text.h"
#include "domain/employer_profile.h"
#include "domain/search_terms.h"
#include "service/audit_trail.h"
#include "service/field_checks.h"
#include "service/record_names.h"
#include "store/records/employers_table.h"
#include "store/records/position_applications_table.h"
#include "store/records/talents_table.h"

namespace jincai::service {
namespace {

constexpr int64_t kMaxPay = 10'000'000;  // CNY a month: anything above is a typing error

bool Blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// A list of short tags: each 1-50 bytes without line breaks, at most `max`; repeated
// tags (as compared) are dropped, the first spelling kept.
Status CheckTags(const char* field, std::vector<std::string>* tags, size_t max) {
  if (tags->size() > max) return FieldInvalid(field, "may have at most " + std::to_string(max) + " items", "最多 " + std::to_string(max) + " 项");
  std::vector<std::string> kept, seen;
  for (auto& t : *tags) {
    std::string n = domain::NormalizeTag(t);
    if (n.empty() || n.size() > 50 || t.find_first_of("\r\n") != std::string::npos || HasControlCharacter(t))
      return FieldInvalid(field, "items must have 1 to 50 bytes on one line", "的每一项须为 1 至 50 字节的单行文本");
    if (std::find(seen.begin(), seen.end(), n) != seen.end()) continue;
    seen.push_back(n);
    kept.push_back(domain::CollapseSpaces(t));
  }
  *tags = std::move(kept);
  return Status::Ok();
}

Status CheckCity(const char* field, const std::string& city) {
  if (domain::FindLabelled(domain::ShanxiCities(), city)) return Status::Ok();
  return FieldInvalid(field, "must be one of Shanxi's cities: " + domain::JoinCodes(domain::ShanxiCities()),
                 "须为山西省的地级市之一：" + domain::JoinCodes(domain::ShanxiCities()));
}

Status CheckField(const std::string& field) {
  if (domain::FindLabelled(domain::ProfessionalFields(), field)) return Status::Ok();
  return FieldInvalid("field", "must be one of " + domain::JoinCodes(domain::ProfessionalFields()),
                 "须为以下之一：" + domain::JoinCodes(domain::ProfessionalFields()));
}

Status Check(PositionInput* in) {
  if (Blank(in->title) || in->title.size() > 200) return FieldInvalid("title", "must have 1 to 200 bytes", "须为 1 至 200 字节");
  if (in->title.find_first_of("\r\n") != std::string::npos)
    return FieldInvalid("title", "must be one line", "须为单行文本");
  JINCAI_RETURN_IF_ERROR(CheckFreeText("title", in->title, 200));
  JINCAI_RETURN_IF_ERROR(CheckEngagementMode("engagement", in->engagement));
  JINCAI_RETURN_IF_ERROR(CheckField(in->field));
  JINCAI_RETURN_IF_ERROR(CheckTags("skills", &in->skills, 20));
  JINCAI_RETURN_IF_ERROR(CheckCity("city", in->city));
  if (in->pay_min_cny < 0 || in->pay_min_cny > kMaxPay)
    return FieldInvalid("pay_min_cny", "must be between 0 and 10000000 (CNY a month)", "须在 0 至 10000000（元/月）之间");
  if (in->pay_max_cny < in->pay_min_cny || in->pay_max_cny > kMaxPay)
    return FieldInvalid("pay_max_cny", "must be at least pay_min_cny and at most 10000000 (CNY a month)",
                   "须不低于 pay_min_cny 且不超过 10000000（元/月）");
  if (in->lang != "zh-CN" && in->lang != "en") return FieldInvalid("lang", "must be zh-CN or en", "须为 zh-CN 或 en");
  if (Blank(in->description) || in->description.size() > 20000)
    return FieldInvalid("description", "must have 1 byte to 20 KB", "须为 1 字节至 20 KB");
  JINCAI_RETURN_IF_ERROR(CheckFreeText("description", in->description, 20000));
  return Status::Ok();
}

Status Check(ProfileInput* in) {
  if (!in->field.empty()) JINCAI_RETURN_IF_ERROR(CheckField(in->field));
  JINCAI_RETURN_IF_ERROR(CheckTags("skills", &in->skills, 30));
  JINCAI_RETURN_IF_ERROR(CheckTags("cities", &in->cities, 11));
  for (const auto& c : in->cities) JINCAI_RETURN_IF_ERROR(CheckCity("cities", c));
  JINCAI_RETURN_IF_ERROR(CheckTags("engagements", &in->engagements, 4));
  for (const auto& e : in->engagements) JINCAI_RETURN_IF_ERROR(CheckEngagementMode("engagements", e));
  if (in->min_pay_cny < 0 || in->min_pay_cny > kMaxPay)
    return FieldInvalid("min_pay_cny", "must be between 0 and 10000000 (CNY a month)", "须在 0 至 10000000（元/月）之间");
  JINCAI_RETURN_IF_ERROR(CheckFreeText("summary", in->summary, 2000));
  return Status::Ok();
}

// The text a position is found by: everything a reader sees of it.
std::vector<std::string> TermsOf(const store::PositionRow& p, const std::string& employer_name) {
  std::string text = p.title + '\n' + p.description + '\n' + employer_name + '\n';
  if (const auto* field = domain::FindLabelled(domain::ProfessionalFields(), p.field))
    text += std::string(field->zh) + ' ' + std::string(field->en) + '\n';
  for (const auto& s : p.skills) text += s + '\n';
  if (const auto* city = domain::FindLabelled(domain::ShanxiCities(), p.city))
    text += std::string(city->zh) + ' ' + std::string(city->en) + '\n';
  return domain::IndexTerms(text);
}

std::string CanonicalText(const store::PositionRow& p) {
  std::string skills;
  for (const auto& s : p.skills) skills += s + '\x1e';
  return std::to_string(p.id) + '\x1f' + std::to_string(p.employer_id) + '\x1f' + p.title + '\x1f' + p.engagement +
         '\x1f' + p.field + '\x1f' + skills + '\x1f' + p.city + '\x1f' + std::to_string(p.pay_min_cny) + '\x1f' +
         std::to_string(p.pay_max_cny) + '\x1f' + p.lang + '\x1f' + p.description + '\x1f' + p.status;
}

std::string CanonicalText(const store::MarketProfileRow& p) {
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += s + '\x1e';
    return out;
  };
  return std::to_string(p.talent_id) + '\x1f' + p.field + '\x1f' + join(p.skills) + '\x1f' + join(p.cities) + '\x1f' +
         join(p.engagements) + '\x1f' + std::to_string(p.min_pay_cny) + '\x1f' + p.summary + '\x1f' +
         (p.visible ? "visible" : "hidden");
}

Result<PositionView> ViewOf(store::Tx& tx, RecordNames& names, store::PositionRow row, bool with_counts) {
  auto name = names.Employer(row.employer_id);
  if (!name.ok()) return name.status();
  PositionView v{std::move(row), *name, {}};
  if (with_counts) {
    auto counts = store::CountApplicationsByStage(tx, v.row.employer_id);
    if (!counts.ok()) return counts.status();
    if (auto it = counts->find(v.row.id); it != counts->end()) v.applications = std::move(it->second);
  }
  return v;
}

Status EmployerNotFound(int64_t id) {
  return Status::NotFound("no employer " + std::to_string(id) + " among yours")
      .Zh("不存在用人单位 " + std::to_string(id) + " 或无权查看");
}

Status NotTalent() { return Status::Forbidden("only a talent keeps a market profile").Zh("只有人才可以维护求职信息"); }

void SortBest(std::vector<RankedPosition>* v) {
  std::stable_sort(v->begin(), v->end(), [](const RankedPosition& a, const RankedPosition& b) {
    return a.match.score != b.match.score ? a.match.score > b.match.score : a.position.row.id > b.position.row.id;
  });
}

}  // namespace

Status PositionNotFound(int64_t id) {
  return Status::NotFound("no position " + std::to_string(id)).Zh("不存在岗位 " + std::to_string(id));
}

bool ManagesPosition(const Actor& by, const store::PositionRow& p) {
  return by.SeesProvince() || (by.IsEmployer() && by.employer_id == p.employer_id);
}

Result<store::MarketProfileRow> TalentMarketFacts(store::Tx& tx, int64_t talent_id, bool* has_profile) {
  auto kept = store::FindMarketProfile(tx, talent_id);
  if (!kept.ok()) return kept.status();
  *has_profile = kept->has_value();
  if (*kept) return **kept;
  store::MarketProfileRow p;
  p.talent_id = talent_id;
  auto t = store::FindTalent(tx, talent_id);
  if (!t.ok()) return t.status();
  if (*t) {
    auto d = nlohmann::json::parse((*t)->dossier, nullptr, false);
    if (d.is_object()) {
      if (d.contains("field") && d["field"].is_string()) p.field = domain::CollapseSpaces(d["field"].get<std::string>());
      if (d.contains("engagement") && d["engagement"].is_string() &&
          domain::FindLabelled(domain::EngagementModes(), d["engagement"].get<std::string>()))
        p.engagements = {d["engagement"].get<std::string>()};
    }
  }
  return p;
}

domain::TalentFacts FactsOf(const store::MarketProfileRow& p) {
  return {p.field, p.skills, p.cities, p.engagements, p.min_pay_cny};
}

domain::PositionFacts FactsOf(const store::PositionRow& p) {
  return {p.engagement, p.field, p.city, p.skills, p.pay_min_cny, p.pay_max_cny};
}

Status ReindexPositionsOf(store::Tx& tx, int64_t employer_id, const std::string& employer_name) {
  store::PositionFilter f;
  f.employer_id = employer_id;
  f.status = "open";  // closed positions have no terms
  f.limit = std::numeric_limits<int64_t>::max();
  auto rows = store::ListPositions(tx, f);
  if (!rows.ok()) return rows.status();
  for (const auto& p : *rows) JINCAI_RETURN_IF_ERROR(store::SetPositionTerms(tx, p.id, TermsOf(p, employer_name)));
  return Status::Ok();
}

RecruitmentMarket::RecruitmentMarket(store::Store& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

Result<PositionView> RecruitmentMarket::Post(const Actor& by, const PositionInput& input) {
  if (!by.IsEmployer() || !by.employer_id)
    return Status::Forbidden("only an employer's accounts post positions").Zh("只有用人单位账户可以发布岗位");
  PositionInput in = input;
  JINCAI_RETURN_IF_ERROR(Check(&in));
  const std::string now = UtcText(clock_());
  store::PositionRow row{0,      *by.employer_id, in.title,  in.engagement,  in.field, in.skills, in.city,
                         in.pay_min_cny, in.pay_max_cny, in.lang, in.description, "open", now, now};
  std::optional<PositionView> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    RecordNames names(tx);
    auto name = names.Employer(row.employer_id);
    if (!name.ok()) return name.status();
    auto id = store::InsertPosition(tx, row);
    if (!id.ok()) return id.status();
    row.id = *id;
    JINCAI_RETURN_IF_ERROR(store::SetPositionTerms(tx, row.id, TermsOf(row, *name)));
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "position.post", "position", std::to_string(row.id), "", CanonicalText(row)));
    auto v = ViewOf(tx, names, row, true);
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Result<PositionView> RecruitmentMarket::Edit(const Actor& by, int64_t id, const PositionInput& input) {
  PositionInput in = input;
  JINCAI_RETURN_IF_ERROR(Check(&in));
  std::optional<PositionView> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto found = store::FindPosition(tx, id);
    if (!found.ok()) return found.status();
    if (!*found) return PositionNotFound(id);
    store::PositionRow row = **found;
    if (!by.IsEmployer() || by.employer_id != row.employer_id)
      return Status::Forbidden("only the position's employer edits it").Zh("只有发布岗位的用人单位可以修改该岗位");
    if (row.status != "open") return Status::Conflict("position " + std::to_string(id) + " is closed").Zh("该岗位已关闭");
    const std::string before = CanonicalText(row);
    row.title = in.title;
    row.engagement = in.engagement;
    row.field = in.field;
    row.skills = in.skills;
    row.city = in.city;
    row.pay_min_cny = in.pay_min_cny;
    row.pay_max_cny = in.pay_max_cny;
    row.lang = in.lang;
    row.description = in.description;
    row.updated_at = UtcText(clock_());
    RecordNames names(tx);
    auto name = names.Employer(row.employer_id);
    if (!name.ok()) return name.status();
    auto written = store::UpdatePosition(tx, row, "open");
    if (!written.ok()) return written.status();
    if (!*written) return Status::Conflict("position " + std::to_string(id) + " is closed").Zh("该岗位已关闭");
    JINCAI_RETURN_IF_ERROR(store::SetPositionTerms(tx, row.id, TermsOf(row, *name)));
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "position.edit", "position", std::to_string(id), before, CanonicalText(row)));
    auto v = ViewOf(tx, names, row, true);
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Result<PositionView> RecruitmentMarket::Close(const Actor& by, int64_t id) {
  std::optional<PositionView> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto found = store::FindPosition(tx, id);
    if (!found.ok()) return found.status();
    if (!*found) return PositionNotFound(id);
    store::PositionRow row = **found;
    if (!ManagesPosition(by, row))
      return Status::Forbidden("only the position's employer or the office closes it").Zh("只有发布岗位的用人单位或主管部门可以关闭该岗位");
    if (row.status != "open") return Status::Conflict("position " + std::to_string(id) + " is closed already").Zh("该岗位已关闭");
    const std::string before = CanonicalText(row);
    row.status = "closed";
    row.updated_at = UtcText(clock_());
    auto written = store::UpdatePosition(tx, row, "open");
    if (!written.ok()) return written.status();
    if (!*written) return Status::Conflict("position " + std::to_string(id) + " is closed already").Zh("该岗位已关闭");
    // A closed position is never searched: its terms would only weigh on every search.
    JINCAI_RETURN_IF_ERROR(store::SetPositionTerms(tx, id, {}));
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "position.close", "position", std::to_string(id), before, CanonicalText(row)));
    RecordNames names(tx);
    auto v = ViewOf(tx, names, row, true);
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Result<std::vector<PositionView>> RecruitmentMarket::Search(const PositionQuery& q) {
  store::PositionFilter f;
  if (q.q.size() > 100) return FieldInvalid("q", "must have at most 100 bytes", "最多 100 字节");
  if (!Blank(q.q)) {
    f.terms = domain::QueryTerms(q.q);
    if (f.terms.empty())
      return FieldInvalid("q", "has no letter, digit or Chinese character to search for", "不含可检索的字母、数字或汉字");
  }
  if (q.engagement) JINCAI_RETURN_IF_ERROR(CheckEngagementMode("engagement", *q.engagement));
  if (q.city) JINCAI_RETURN_IF_ERROR(CheckCity("city", *q.city));
  if (q.pay_at_least_cny && (*q.pay_at_least_cny < 0 || *q.pay_at_least_cny > kMaxPay))
    return FieldInvalid("pay_at_least", "must be between 0 and 10000000 (CNY a month)", "须在 0 至 10000000（元/月）之间");
  f.status = "open";
  f.engagement = q.engagement;
  if (q.field) JINCAI_RETURN_IF_ERROR(CheckField(*q.field));
  f.field = q.field;
  f.city = q.city;
  f.employer_id = q.employer_id;
  f.pay_at_least_cny = q.pay_at_least_cny;
  f.limit = q.limit;
  f.before_id = q.before_id;
  std::vector<PositionView> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto rows = store::ListPositions(tx, f);
    if (!rows.ok()) return rows.status();
    RecordNames names(tx);
    for (auto& r : *rows) {
      auto v = ViewOf(tx, names, std::move(r), false);
      if (!v.ok()) return v.status();
      out.push_back(std::move(*v));
    }
    return Status::Ok();
  }));
  return out;
}

Result<PositionView> RecruitmentMarket::Get(int64_t id) {
  std::optional<PositionView> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto found = store::FindPosition(tx, id);
    if (!found.ok()) return found.status();
    if (!*found) return PositionNotFound(id);
    RecordNames names(tx);
    auto v = ViewOf(tx, names, **found, false);
    if (!v.ok()) return v.status();
    out = std::move(*v);
    return Status::Ok();
  }));
  return *out;
}

Result<std::vector<PositionView>> RecruitmentMarket::OfEmployer(const Actor& by, int64_t employer_id) {
  if (!by.SeesProvince() && !(by.IsEmployer() && by.employer_id == employer_id))
    return EmployerNotFound(employer_id);
  std::vector<PositionView> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto employer = store::FindEmployer(tx, employer_id);
    if (!employer.ok()) return employer.status();
    if (!*employer) return EmployerNotFound(employer_id);
    store::PositionFilter f;
    f.employer_id = employer_id;
    f.limit = std::numeric_limits<int64_t>::max();
    auto rows = store::ListPositions(tx, f);
    if (!rows.ok()) return rows.status();
    auto counts = store::CountApplicationsByStage(tx, employer_id);
    if (!counts.ok()) return counts.status();
    RecordNames names(tx);
    for (auto& r : *rows) {
      auto v = ViewOf(tx, names, std::move(r), false);
      if (!v.ok()) return v.status();
      if (auto it = counts->find(v->row.id); it != counts->end()) v->applications = std::move(it->second);
      out.push_back(std::move(*v));
    }
    return Status::Ok();
  }));
  return out;
}

Result<store::MarketProfileRow> RecruitmentMarket::Profile(const Actor& by) {
  if (!by.talent_id) return NotTalent();
  std::optional<store::MarketProfileRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    bool kept = false;
    auto p = TalentMarketFacts(tx, *by.talent_id, &kept);
    if (!p.ok()) return p.status();
    out = std::move(*p);
    return Status::Ok();
  }));
  return *out;
}

Result<store::MarketProfileRow> RecruitmentMarket::PutProfile(const Actor& by, const ProfileInput& input) {
  if (!by.talent_id) return NotTalent();
  ProfileInput in = input;
  JINCAI_RETURN_IF_ERROR(Check(&in));
  store::MarketProfileRow row{*by.talent_id, in.field, in.skills, in.cities, in.engagements, in.min_pay_cny,
                              in.summary,    in.visible, UtcText(clock_())};
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto before = store::FindMarketProfile(tx, row.talent_id);
    if (!before.ok()) return before.status();
    JINCAI_RETURN_IF_ERROR(store::PutMarketProfile(tx, row));
    return RecordChange(tx, by, "market_profile.put", "market_profile", std::to_string(row.talent_id),
                        *before ? CanonicalText(**before) : "", CanonicalText(row));
  }));
  return row;
}

Result<std::vector<RankedPosition>> RecruitmentMarket::PositionsFor(const Actor& by, int64_t limit) {
  if (!by.talent_id) return Status::Forbidden("positions are ranked for a talent's account").Zh("只有人才账户可以查看岗位推荐");
  std::vector<RankedPosition> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    bool kept = false;
    auto profile = TalentMarketFacts(tx, *by.talent_id, &kept);
    if (!profile.ok()) return profile.status();
    const domain::TalentFacts facts = FactsOf(*profile);
    auto rows = store::ListOpenPositionFacts(tx);
    if (!rows.ok()) return rows.status();
    std::vector<RankedPosition> all;
    all.reserve(rows->size());
    for (auto& r : *rows) {
      domain::Match m = domain::MatchPosition(facts, FactsOf(r));
      all.push_back({PositionView{std::move(r), "", {}}, std::move(m)});
    }
    SortBest(&all);
    if (static_cast<int64_t>(all.size()) > limit) all.resize(static_cast<size_t>(limit));
    // The ranked few, read whole (the facts left the descriptions out).
    std::vector<int64_t> ids;
    for (const auto& r : all) ids.push_back(r.position.row.id);
    auto whole = store::ListPositionsWithIds(tx, ids);
    if (!whole.ok()) return whole.status();
    std::map<int64_t, store::PositionRow> by_id;
    for (auto& w : *whole) by_id[w.id] = std::move(w);
    RecordNames names(tx);
    for (auto& r : all) {
      if (auto it = by_id.find(r.position.row.id); it != by_id.end()) r.position.row = std::move(it->second);
      auto name = names.Employer(r.position.row.employer_id);
      if (!name.ok()) return name.status();
      r.position.employer_name = *name;
    }
    out = std::move(all);
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<Candidate>> RecruitmentMarket::CandidatesFor(const Actor& by, int64_t position_id, int64_t limit) {
  std::vector<Candidate> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto found = store::FindPosition(tx, position_id);
    if (!found.ok()) return found.status();
    if (!*found || !ManagesPosition(by, **found)) return PositionNotFound(position_id);
    const domain::PositionFacts position = FactsOf(**found);
    auto applications = store::ListApplicationsToPosition(tx, position_id);
    if (!applications.ok()) return applications.status();
    auto visible = store::ListVisibleProfiles(tx);
    if (!visible.ok()) return visible.status();
    std::map<int64_t, Candidate> by_talent;
    for (auto& p : *visible) {
      Candidate& c = by_talent[p.talent_id];
      c.talent_id = p.talent_id;
      c.profile = std::move(p);
      c.has_profile = true;
    }
    for (const auto& a : *applications) {
      // A talent who withdrew is no longer a candidate, unless the profile is visible.
      if (a.stage == "withdrawn" && !by_talent.count(a.talent_id)) continue;
      Candidate& c = by_talent[a.talent_id];
      if (!c.talent_id) {
        c.talent_id = a.talent_id;
        auto p = TalentMarketFacts(tx, a.talent_id, &c.has_profile);
        if (!p.ok()) return p.status();
        c.profile = std::move(*p);
      }
      c.stage = a.stage;
      c.application_id = a.id;
    }
    for (auto& [id, c] : by_talent) {
      c.match = domain::MatchPosition(FactsOf(c.profile), position);
      out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
      return a.match.score != b.match.score ? a.match.score > b.match.score : a.talent_id < b.talent_id;
    });
    if (static_cast<int64_t>(out.size()) > limit) out.resize(static_cast<size_t>(limit));
    RecordNames names(tx);
    for (auto& c : out) {
      auto name = names.Talent(c.talent_id);
      if (!name.ok()) return name.status();
      c.name = *name;
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace jincai::service
