// Schools and school placement (see school_places.h).
#include "service/school_places.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "domain/employer_profile.h"
#include "match/school_placement.h"
#include "service/audit_trail.h"
#include "service/claims.h"
#include "store/records/applications_table.h"
#include "store/records/employers_table.h"
#include "store/sha256.h"

namespace jincai::service {
namespace {

using nlohmann::json;

Status SchoolNotFound(int64_t id) {
  return Status::NotFound("no school " + std::to_string(id)).Zh("不存在学校 " + std::to_string(id));
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  for (size_t at = 0; at < s.size();) {
    size_t comma = s.find(',', at);
    if (comma == std::string::npos) comma = s.size();
    if (comma > at) out.push_back(s.substr(at, comma - at));
    at = comma + 1;
  }
  return out;
}

Status CheckPriority(const std::vector<std::string>& priority) {
  for (size_t i = 0; i < priority.size(); ++i) {
    const auto& all = SchoolCriteria();
    if (std::find(all.begin(), all.end(), priority[i]) == all.end())
      return Status::InvalidArgument("priority[" + std::to_string(i) + "] must be one of tier, same_city, first_claimed")
          .Field("priority")
          .Zh("priority 的每一项须为 tier、same_city、first_claimed 之一");
    if (std::find(priority.begin(), priority.begin() + i, priority[i]) != priority.begin() + i)
      return Status::InvalidArgument("priority names " + priority[i] + " twice").Field("priority")
          .Zh("priority 重复列出了 " + priority[i]);
  }
  return Status::Ok();
}

Status CheckCity(const std::string& city) {
  if (domain::FindLabelled(domain::ShanxiCities(), city)) return Status::Ok();
  return Status::InvalidArgument("city must be one of " + domain::JoinCodes(domain::ShanxiCities())).Field("city")
      .Zh("city 必须是以下之一：" + domain::JoinCodes(domain::ShanxiCities()));
}

Status CheckCapacity(int64_t capacity) {
  if (capacity >= 0 && capacity <= 100000) return Status::Ok();
  return Status::InvalidArgument("capacity must be between 0 and 100000").Field("capacity")
      .Zh("capacity 须在 0 至 100000 之间");
}

std::string CanonicalText(const store::SchoolRow& s) {
  return std::to_string(s.id) + '\x1f' + s.code + '\x1f' + s.name + '\x1f' + s.city + '\x1f' + s.stage + '\x1f' +
         std::to_string(s.capacity) + '\x1f' + s.priority;
}

// What a school orders a child by, besides its claim: the facts its criteria read.
struct Applicant {
  store::ClaimRow claim;
  std::string id;  // "claim-17": the child's id in the match
  std::vector<int64_t> ranking;
  int tier_rank = 1 << 20;  // place of the card's tier in the policy's list, top first
  std::string city;         // the parent's employer's city
};

}  // namespace

const std::vector<std::string>& SchoolCriteria() {
  static const std::vector<std::string> kAll = {"tier", "same_city", "first_claimed"};
  return kAll;
}

const std::vector<std::string>& SchoolStages() {
  static const std::vector<std::string> kAll = {"primary", "junior", "senior"};
  return kAll;
}

Status CheckRanking(store::Tx& tx, const std::string& stage, const std::vector<int64_t>& schools) {
  const auto& stages = SchoolStages();
  if (std::find(stages.begin(), stages.end(), stage) == stages.end())
    return Status::InvalidArgument("the dossier gives this child no school stage (primary, junior or senior)")
        .Field("schools")
        .Zh("档案中该子女没有入学阶段（小学、初中或高中）");
  if (schools.empty() || schools.size() > 10)
    return Status::InvalidArgument("rank 1 to 10 schools, most wanted first").Field("schools")
        .Zh("请按意愿排列 1 至 10 所学校");
  for (size_t i = 0; i < schools.size(); ++i) {
    if (std::find(schools.begin(), schools.begin() + i, schools[i]) != schools.begin() + i)
      return Status::InvalidArgument("school " + std::to_string(schools[i]) + " is ranked twice").Field("schools")
          .Zh("学校 " + std::to_string(schools[i]) + " 重复出现");
    auto s = store::FindSchool(tx, schools[i]);
    if (!s.ok()) return s.status();
    if (!*s)
      return Status::InvalidArgument("there is no school " + std::to_string(schools[i])).Field("schools")
          .Zh("不存在学校 " + std::to_string(schools[i]));
    if ((*s)->stage != stage)
      return Status::InvalidArgument((*s)->name + " is a " + (*s)->stage + " school; the child enters " + stage)
          .Field("schools")
          .Zh((*s)->name + " 的学段与该子女的入学阶段不符");
  }
  return Status::Ok();
}

Schools::Schools(store::Store& store, PolicyRegistry& policies, Clock clock)
    : store_(store), policies_(policies), clock_(std::move(clock)) {}

Result<std::vector<store::SchoolRow>> Schools::List(std::optional<std::string> stage) {
  if (stage) {
    const auto& stages = SchoolStages();
    if (std::find(stages.begin(), stages.end(), *stage) == stages.end())
      return Status::InvalidArgument("stage must be primary, junior or senior").Field("stage")
          .Zh("stage 须为 primary、junior 或 senior");
  }
  std::vector<store::SchoolRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto rows = store::ListSchools(tx, stage);
    if (!rows.ok()) return rows.status();
    out = std::move(*rows);
    return Status::Ok();
  }));
  return out;
}

Result<store::SchoolRow> Schools::Add(const Actor& by, const NewSchool& in) {
  if (!by.SeesProvince()) return Status::Forbidden("only the office keeps the list of schools").Zh("只有主管部门可以登记学校");
  if (in.code.empty() || in.code.size() > 40 ||
      in.code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos)
    return Status::InvalidArgument("code must have 1 to 40 letters, digits, '-' or '_'").Field("code")
        .Zh("code 须为 1 至 40 个字母、数字、“-”或“_”");
  if (in.name.empty() || in.name.size() > 200)
    return Status::InvalidArgument("name must have 1 to 200 bytes").Field("name").Zh("name 须为 1 至 200 字节");
  JINCAI_RETURN_IF_ERROR(CheckCity(in.city));
  const auto& stages = SchoolStages();
  if (std::find(stages.begin(), stages.end(), in.stage) == stages.end())
    return Status::InvalidArgument("stage must be primary, junior or senior").Field("stage")
        .Zh("stage 须为 primary、junior 或 senior");
  JINCAI_RETURN_IF_ERROR(CheckCapacity(in.capacity));
  JINCAI_RETURN_IF_ERROR(CheckPriority(in.priority));
  const int64_t now = clock_();
  std::optional<store::SchoolRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto existing = store::FindSchoolByCode(tx, in.code);
    if (!existing.ok()) return existing.status();
    if (*existing)
      return Status::Conflict("school code " + in.code + " is taken (school " + std::to_string((*existing)->id) + ")")
          .Zh("学校代码 " + in.code + " 已存在");
    store::SchoolRow row{0, in.code, in.name, in.city, in.stage, in.capacity, Join(in.priority), UtcText(now), UtcText(now)};
    auto id = store::InsertSchool(tx, row);
    if (!id.ok()) return id.status();
    row.id = *id;
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "school.add", "school", std::to_string(row.id), "", CanonicalText(row)));
    out = row;
    return Status::Ok();
  }));
  return *out;
}

Result<store::SchoolRow> Schools::Update(const Actor& by, int64_t id, const SchoolChange& in) {
  if (!by.SeesProvince()) return Status::Forbidden("only the office edits schools").Zh("只有主管部门可以修改学校");
  if (in.name && (in.name->empty() || in.name->size() > 200))
    return Status::InvalidArgument("name must have 1 to 200 bytes").Field("name").Zh("name 须为 1 至 200 字节");
  if (in.city) JINCAI_RETURN_IF_ERROR(CheckCity(*in.city));
  if (in.capacity) JINCAI_RETURN_IF_ERROR(CheckCapacity(*in.capacity));
  if (in.priority) JINCAI_RETURN_IF_ERROR(CheckPriority(*in.priority));
  const int64_t now = clock_();
  std::optional<store::SchoolRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto found = store::FindSchool(tx, id);
    if (!found.ok()) return found.status();
    if (!*found) return SchoolNotFound(id);
    store::SchoolRow row = **found;
    const std::string before = CanonicalText(row);
    if (in.capacity) {
      auto placed = store::CountPlacedAt(tx, id);
      if (!placed.ok()) return placed.status();
      if (*in.capacity < *placed)
        return Status::Conflict(std::to_string(*placed) + " children are placed at " + row.name +
                                "; its capacity cannot fall below that (re-rank or re-run placement first)")
            .Zh(row.name + " 已安置 " + std::to_string(*placed) + " 名子女，容量不能低于此数");
      row.capacity = *in.capacity;
    }
    if (in.name) row.name = *in.name;
    if (in.city) row.city = *in.city;
    if (in.priority) row.priority = Join(*in.priority);
    row.updated_at = UtcText(now);
    JINCAI_RETURN_IF_ERROR(store::UpdateSchool(tx, row));
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "school.update", "school", std::to_string(id), before, CanonicalText(row)));
    out = row;
    return Status::Ok();
  }));
  return *out;
}

Result<std::optional<store::PlacementRunRow>> Schools::LatestRun() {
  std::optional<store::PlacementRunRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto r = store::LatestPlacementRun(tx);
    if (!r.ok()) return r.status();
    out = *r;
    return Status::Ok();
  }));
  return out;
}

Result<PlacementReport> Schools::RunPlacement(const Actor& by) {
  if (!by.SeesProvince() && by.role != domain::Role::kSystem)
    return Status::Forbidden("only the office runs school placement").Zh("只有主管部门可以组织入学安置");
  const int64_t now = clock_();
  std::optional<PlacementReport> out;
  JINCAI_RETURN_IF_ERROR(store_.Transact([&](store::Tx& tx) -> Status {
    auto schools = store::ListSchools(tx, std::nullopt);
    if (!schools.ok()) return schools.status();
    std::map<int64_t, size_t> school_at;
    for (size_t i = 0; i < schools->size(); ++i) school_at[(*schools)[i].id] = i;
    // Tier order of the policy in force: the first tier listed is the top one.
    std::map<std::string, int> tier_rank;
    if (auto policy = policies_.InForce(tx, ShanghaiDay(now)); policy.ok()) {
      int k = 0;
      for (const auto& t : (*policy)->compiled->doc().tiers) tier_rank[t.id] = k++;
    }
    std::vector<Applicant> applicants;
    std::map<int64_t, std::string> city_of_employer;
    store::ClaimFilter ranked;
    ranked.entitlement = "school_choice";
    ranked.open_only = true;
    JINCAI_RETURN_IF_ERROR(store::ForEachClaim(tx, ranked, [&](store::ClaimRow& r) -> Status {
        json d = json::parse(r.detail, nullptr, false);
        if (r.state == "open" || !d.is_object() || !d["ranking"].is_array() || d["ranking"].empty()) return Status::Ok();
        Applicant a;
        a.id = "claim-" + std::to_string(r.id);
        for (const auto& s : d["ranking"]) a.ranking.push_back(s.get<int64_t>());
        auto app = store::FindApplicationStatus(tx, r.application_id);
        if (!app.ok()) return app.status();
        if (*app && tier_rank.count((*app)->tier)) a.tier_rank = tier_rank[(*app)->tier];
        if (r.employer_id) {
          auto it = city_of_employer.find(*r.employer_id);
          if (it == city_of_employer.end()) {
            auto e = store::FindEmployer(tx, *r.employer_id);
            if (!e.ok()) return e.status();
            it = city_of_employer.emplace(*r.employer_id, *e ? (*e)->city : "").first;
          }
          a.city = it->second;
        }
        a.claim = std::move(r);
        applicants.push_back(std::move(a));
        return Status::Ok();
    }));
    // The match's input, and its digest: the same digest means the same result.
    store::Sha256 digest;
    std::vector<match::School> mschools;
    for (const auto& s : *schools) {
      mschools.push_back({std::to_string(s.id), static_cast<int>(s.capacity), {}});
      digest.Update(CanonicalText(s) + '\x1e');
    }
    std::vector<match::Child> children;
    std::vector<std::vector<size_t>> ranked_by(schools->size());
    for (size_t c = 0; c < applicants.size(); ++c) {
      const Applicant& a = applicants[c];
      match::Child child{a.id, {}};
      for (int64_t s : a.ranking) {
        child.ranking.push_back(std::to_string(s));
        if (auto it = school_at.find(s); it != school_at.end()) ranked_by[it->second].push_back(c);
      }
      children.push_back(std::move(child));
      std::string ranking;
      for (int64_t s : a.ranking) ranking += std::to_string(s) + ',';
      digest.Update(a.id + '\x1f' + ranking + '\x1f' + std::to_string(a.tier_rank) + '\x1f' + a.city + '\x1f' +
                    a.claim.opened_on + '\x1e');
    }
    for (size_t s = 0; s < schools->size(); ++s) {
      const auto criteria = Split((*schools)[s].priority);
      const std::string& city = (*schools)[s].city;
      auto& list = ranked_by[s];
      std::sort(list.begin(), list.end(), [&](size_t x, size_t y) {
        const Applicant &a = applicants[x], &b = applicants[y];
        for (const auto& k : criteria) {
          if (k == "tier" && a.tier_rank != b.tier_rank) return a.tier_rank < b.tier_rank;
          if (k == "same_city" && (a.city == city) != (b.city == city)) return a.city == city;
          if (k == "first_claimed" && a.claim.opened_on != b.claim.opened_on) return a.claim.opened_on < b.claim.opened_on;
        }
        return match::PlacementTiebreak(a.id) < match::PlacementTiebreak(b.id);
      });
      for (size_t c : list) mschools[s].priority.push_back(applicants[c].id);
    }
    auto placements = match::PlaceChildren(children, mschools);
    if (!placements.ok()) return placements.status();
    PlacementReport report;
    report.by_choice.assign(10, 0);
    report.run.run_at = UtcText(now);
    report.run.run_by = by.AuditName();
    report.run.inputs_digest = digest.FinalHex();
    report.run.children = static_cast<int64_t>(applicants.size());
    // The run is stored first, so each claim can name it.
    auto run_id = store::InsertPlacementRun(tx, report.run);
    if (!run_id.ok()) return run_id.status();
    report.run.id = *run_id;
    for (size_t c = 0; c < applicants.size(); ++c) {
      const match::Placement& p = (*placements)[c];
      store::ClaimRow& row = applicants[c].claim;
      const std::optional<int64_t> school =
          p.school.empty() ? std::nullopt : std::optional<int64_t>(std::stoll(p.school));
      if (school) {
        ++report.run.placed;
        if (p.choice >= 1 && p.choice <= 10) ++report.by_choice[p.choice - 1];
      } else {
        ++report.unplaced;
      }
      const std::string to = school ? "placed" : "unplaced";
      json d = json::parse(row.detail, nullptr, false);
      json not_given = json::array();
      const size_t above = school ? static_cast<size_t>(p.choice - 1) : applicants[c].ranking.size();
      for (size_t k = 0; k < above; ++k) {
        const auto& s = (*schools)[school_at[applicants[c].ranking[k]]];
        const bool none = s.capacity == 0;
        not_given.push_back(
            {{"school_id", s.id},
             {"school", s.name},
             {"reason", none ? "it has no places" : "all " + std::to_string(s.capacity) +
                                                        " places went to children it ranks higher (" +
                                                        (s.priority.empty() ? "by lot" : s.priority + ", then by lot") + ")"},
             {"reason_zh", none ? "该校没有名额" : "该校 " + std::to_string(s.capacity) + " 个名额已全部给予其录取顺序更优先的子女"}});
      }
      json placement = {{"run", report.run.id}, {"choice", p.choice}, {"not_given", not_given}};
      const bool same = row.state == to && row.school_id == school && d.contains("placement") &&
                        d["placement"]["choice"] == placement["choice"] && d["placement"]["not_given"] == not_given;
      if (same) continue;
      ++report.changed;
      d["placement"] = placement;
      row.detail = d.dump();
      row.school_id = school;
      // A school's name and the choice it was ("#2"), or none: the same in any language.
      const std::string note =
          school ? (*schools)[school_at[*school]].name + " #" + std::to_string(p.choice) : std::string("-");
      JINCAI_RETURN_IF_ERROR(RecordClaimStep(tx, by, row, "place", to, note, now));
    }
    json summary = {{"unplaced", report.unplaced}, {"changed", report.changed}, {"by_choice", report.by_choice}};
    report.run.summary = summary.dump();
    JINCAI_RETURN_IF_ERROR(store::FinishPlacementRun(tx, report.run));
    JINCAI_RETURN_IF_ERROR(RecordChange(tx, by, "placement.run", "placement_run", std::to_string(report.run.id), "",
                                        report.run.inputs_digest + '\x1f' + report.run.summary));
    out = std::move(report);
    return Status::Ok();
  }));
  return *out;
}

}  // namespace jincai::service
