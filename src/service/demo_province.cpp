// The demo province (see demo_province.h). Every record is made by the service an actual
// user would call, as that user: registrations, dossier edits, submissions,
// endorsements, decisions. The expired card is driven through a platform whose clock
// runs six years behind, then expired by today's clock.
#include "service/demo_province.h"

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "domain/identity_numbers.h"
#include "domain/synthetic_population.h"
#include "policy/value.h"
#include "service/dossier_evaluation.h"

namespace jincai::service {
namespace {

using domain::Role;
using nlohmann::json;

struct DemoEmployer {
  const char *kind, *ownership, *city, *name, *credit_prefix;
  int64_t salary_fen;
};

constexpr DemoEmployer kEmployers[] = {
    {"enterprise", "private", "taiyuan", "太原晋能新材料有限公司", "91", 1285000},
    {"university", "state", "taiyuan", "晋阳理工大学", "12", 1050000},
    {"enterprise", "state", "datong", "大同煤机装备集团有限公司", "91", 986000},
    {"enterprise", "foreign", "jinzhong", "晋中中德精密制造有限公司", "91", 1420000},
    {"enterprise", "mixed", "changzhi", "长治光电科技股份有限公司", "91", 1110000},
    {"research_institute", "state", "taiyuan", "山西省先进材料研究院", "12", 1160000},
    {"hospital", "state", "yuncheng", "运城市第一人民医院", "12", 920000},
    {"public_institution", "state", "linfen", "临汾市数字经济服务中心", "12", 780000},
    {"social_organization", "collective", "xinzhou", "忻州市科技人才协会", "52", 650000},
    {"government", "state", "lvliang", "吕梁市科学技术局", "11", 830000},
};

// Where each talent's application is left. Tiered talents cycle through these; talents
// with no tier are rejected or left for an officer to decide.
constexpr const char* kTieredTargets[] = {"issued", "approved", "evaluated", "submitted", "returned", "draft",
                                          "revoked", "expired", "withdrawn", "issued"};
constexpr const char* kNoTierTargets[] = {"rejected", "evaluated", "draft"};

std::string CreditCode(const char* prefix, int index) {
  char body[32];
  std::snprintf(body, sizeof body, "%s140100MA%07d", prefix, 1000 + index);
  std::string first17(body, 17);
  return first17 + domain::SocialCreditCodeCheckCharacter(first17);
}

std::string ResidentId(const std::string& birth_date, int index) {
  std::string ymd = birth_date.substr(0, 4) + birth_date.substr(5, 2) + birth_date.substr(8, 2);
  char seq[8];
  std::snprintf(seq, sizeof seq, "%03d", 100 + index % 900);
  std::string first17 = "140105" + ymd + seq;
  return first17 + domain::ResidentIdCheckCharacter(first17);
}

Result<Actor> ActorNamed(store::Store& store, const std::string& username) {
  std::optional<store::UserRow> row;
  JINCAI_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) -> Status {
    auto u = store::FindUserByName(tx, username);
    if (!u.ok()) return u.status();
    row = std::move(*u);
    return Status::Ok();
  }));
  if (!row) return Status::NotFound("no user " + username);
  return Accounts::ActorOf(*row);
}

// Chooses demo dossiers from a synthetic population: per tier, foreign nationals first
// (so every tier shows several nationalities), then Chinese nationals.
Result<std::vector<std::pair<json, std::string>>> PickDossiers(const LoadedPolicy& policy, int32_t today) {
  std::stringstream population;
  domain::WritePopulation(population, {6000, 2026, domain::PopulationFormat::kJsonl});
  const std::map<std::string, int> wanted = {{"A", 4}, {"B", 6}, {"C", 8}, {"none", 5}};
  std::map<std::string, std::vector<json>> foreign, chinese;
  std::string line;
  while (std::getline(population, line)) {
    json d = json::parse(line);
    auto e = EvaluateDossier(policy, line, today);
    if (!e.ok()) continue;
    auto& bucket = d["nationality"] == "CN" ? chinese[e->tier] : foreign[e->tier];
    if (bucket.size() < 8) bucket.push_back(std::move(d));
  }
  std::vector<std::pair<json, std::string>> out;
  for (const auto& [tier, n] : wanted) {
    int taken = 0;
    for (int k = 0; k < 2 && k < static_cast<int>(foreign[tier].size()) && taken < n; ++k, ++taken)
      out.emplace_back(foreign[tier][k], tier);
    for (size_t k = 0; k < chinese[tier].size() && taken < n; ++k, ++taken) out.emplace_back(chinese[tier][k], tier);
  }
  return out;
}

// Moves a fresh application of `talent` to `target`, each step by the actor whose step it is.
Status Drive(Platform& p, const Actor& talent, const Actor& employer, const Actor& officer, const std::string& target,
             bool tiered) {
  auto app = p.applications.Create(talent, employer.employer_id);
  if (!app.ok()) return app.status();
  const int64_t id = app->row.id;
  auto act = [&](const Actor& who, const char* action, const std::string& reason = "") -> Result<std::string> {
    auto v = p.applications.Act(who, id, action, reason);
    if (!v.ok()) return v.status();
    return v->row.state;
  };
  auto step = [&](const Actor& who, const char* action, const std::string& reason = "") -> Status {
    auto r = act(who, action, reason);
    return r.status();
  };
  if (target == "draft") return Status::Ok();
  JINCAI_RETURN_IF_ERROR(step(talent, "submit"));
  if (target == "withdrawn") return step(talent, "withdraw", "已接受外省岗位 / took a position outside the province");
  if (target == "submitted") return Status::Ok();
  if (target == "returned") return step(employer, "return", "请补充近三年项目验收材料 / please add the acceptance records of recent projects");
  auto state = act(employer, "endorse");
  if (!state.ok()) return state.status();
  if (target == "evaluated" || *state == target) return Status::Ok();
  if (target == "rejected" || !tiered)
    return step(officer, "reject", "评估未达到任何层级 / the decision gives no tier");
  if (*state != "approved") JINCAI_RETURN_IF_ERROR(step(officer, "approve"));
  if (target == "approved") return Status::Ok();
  JINCAI_RETURN_IF_ERROR(step(officer, "issue"));
  if (target == "revoked") return step(officer, "revoke", "申报材料中的专利转化收益经核查不实 / patent revenue in the dossier was found untrue");
  return Status::Ok();  // issued; "expired" is issued in the past and expired by the caller
}

struct DemoSchool {
  const char *code, *name, *city, *stage;
  int64_t capacity;
  std::vector<std::string> priority;
};

const DemoSchool kSchools[] = {
    {"TY-P-01", "太原市实验小学", "taiyuan", "primary", 3, {"same_city", "tier"}},
    {"TY-P-02", "太原市杏花岭区第一小学", "taiyuan", "primary", 2, {"tier"}},
    {"DT-P-01", "大同市平城区实验小学", "datong", "primary", 2, {"same_city"}},
    {"TY-J-01", "山西大学附属中学初中部", "taiyuan", "junior", 2, {"tier", "first_claimed"}},
    {"JZ-J-01", "晋中市第一中学初中部", "jinzhong", "junior", 2, {"same_city"}},
    {"TY-S-01", "太原市第五中学", "taiyuan", "senior", 2, {"tier"}},
    {"CZ-S-01", "长治市第二中学", "changzhi", "senior", 2, {"same_city", "tier"}},
};

// Schools, flats, and for each talent whose card is in force a claim for every
// entitlement it grants, moved along as its holder and employer would; then the
// office's school placement and a settlement letter.
Status SeedClaims(Platform& p, const Actor& officer, const std::vector<std::pair<Actor, Actor>>& holders,
                  const std::vector<Actor>& employer_admins) {
  std::map<std::string, std::vector<int64_t>> schools_of_stage;
  for (const auto& d : kSchools) {
    auto row = p.schools.Add(officer, {d.code, d.name, d.city, d.stage, d.capacity, d.priority});
    if (!row.ok()) return row.status();
    schools_of_stage[d.stage].push_back(row->id);
  }
  const std::string today = ShanghaiDate(SystemClock()());
  std::map<int64_t, std::vector<int64_t>> free_flats;  // by employer
  int street = 1;
  for (const Actor& e : employer_admins)
    for (int k = 0; k < 2; ++k) {
      NewFlat f{std::nullopt, "人才公寓 " + std::to_string(street) + " 号楼 " + std::to_string(101 + k * 100) + " 室",
                k ? "92.5" : "68", k ? 3 : 2, today, std::to_string(std::stoi(today.substr(0, 4)) + 5) + today.substr(4)};
      ++street;
      auto flat = p.flats.Add(e, f);
      if (!flat.ok()) return flat.status();
      free_flats[*e.employer_id].push_back(flat->row.id);
    }
  bool letter_done = false;
  for (const auto& [talent, employer] : holders) {
    ApplicationQuery q;
    auto apps = p.applications.List(talent, q);
    if (!apps.ok()) return apps.status();
    for (const auto& a : *apps) {
      if (a.state != "issued") continue;
      auto full = p.applications.Get(talent, a.id);
      if (!full.ok()) return full.status();
      json decision = json::parse(full->row.decision, nullptr, false);
      for (const auto& g : decision["decision"].value("entitlements", json::array())) {
        const std::string id = g.value("id", "");
        auto claim = p.claims.Open(talent, id, g.contains("child") ? g.value("child", int64_t{0}) + 1 : 0);
        if (!claim.ok()) return claim.status();
        const int64_t cid = claim->row.id;
        ClaimInput in;
        if (id == "residence_choice") {
          auto emp = p.records.GetEmployer(talent, *a.employer_id);
          in.city = emp.ok() ? emp->city : "taiyuan";
          if (auto c = p.claims.Act(talent, cid, "choose", in); !c.ok()) return c.status();
          if (!letter_done) {
            if (auto c = p.claims.Act(officer, cid, "issue_letter", {}); !c.ok()) return c.status();
            letter_done = true;
          }
        } else if (id == "turnover_housing") {
          auto& flats = free_flats[employer.employer_id.value_or(0)];
          if (flats.empty()) continue;  // left open: the employer's obligation
          in.flat_id = flats.back();
          flats.pop_back();
          if (auto c = p.claims.Act(employer, cid, "assign", in); !c.ok()) return c.status();
          if (flats.empty()) continue;
          if (auto c = p.claims.Act(talent, cid, "occupy", {}); !c.ok()) return c.status();
        } else if (id == "school_choice") {
          const std::string stage = json::parse(claim->row.detail, nullptr, false).value("stage", "");
          in.schools = schools_of_stage[stage];
          if (in.schools.empty()) continue;
          if (auto c = p.claims.Act(talent, cid, "rank", in); !c.ok()) return c.status();
        }
      }
    }
  }
  if (auto run = p.schools.RunPlacement(officer); !run.ok()) return run.status();
  return Status::Ok();
}

// A few articles of the office, in both languages.
Status SeedNews(Platform& p, const Actor& officer) {
  const NewsArticle articles[] = {
      {"山西省人才绿卡制度实施细则解读", "policy", "zh-CN",
       "## 什么是人才绿卡\n\n人才绿卡按**能力、业绩和贡献**评价人才，不以学历、职称、论文为限。持卡人可以：\n\n"
       "- 在全省范围内自主选择落户地；\n- 申请用人单位的人才周转房；\n- 为子女自主选择中小学；\n"
       "- 配偶暂未就业的，由用人单位发放生活补贴并缴纳社会保险。\n\n持卡单位和个人可在[绿卡核验](/verify)页面核验证书。"},
      {"2026 年度高层次人才招聘公告", "recruitment", "zh-CN",
       "省内高校、科研院所和重点企业面向海内外招聘高层次人才，可采用**全职、顾问指导、短期兼职、项目合作**等方式。\n\n"
       "1. 登录平台完善个人档案；\n2. 由用人单位推荐申报；\n3. 经评估后发放人才绿卡。"},
      {"Shanxi talent green card: what it gives", "policy", "en",
       "The green card judges talents by *ability, performance and contribution*, not by degrees, titles or papers.\n\n"
       "> Talents flow between sectors with no barrier of household registration, region, identity, education or "
       "ownership.\n\nFollow the `jincai` feed for new openings."},
  };
  for (const auto& a : articles)
    if (auto row = p.news.Publish(officer, a); !row.ok()) return row.status();
  return Status::Ok();
}


// The recruitment market: positions of every employer in both languages, market
// profiles of some talents (demo.talent's among them), and applications at every stage
// of the pipeline to the first employer's positions.
Status SeedMarket(Platform& p, const std::vector<Actor>& employer_admins, const std::vector<Actor>& talents) {
  struct DemoPosition {
    size_t employer;
    PositionInput in;
  };
  const std::vector<DemoPosition> positions = {
      {0, {"新能源材料研发工程师", "full_time", "new_materials", {"锂电池", "材料表征", "Python"}, "taiyuan", 25000, 45000, "zh-CN",
           "负责高镍正极材料的配方与工艺研发，主导中试线验证。\n\n不限户籍、学历与职称，以能力、业绩和贡献论英雄。"}},
      {0, {"数据平台工程师", "full_time", "information_technology", {"C++", "SQL", "数据分析"}, "taiyuan", 20000, 38000, "zh-CN",
           "建设生产数据平台，打通从产线传感器到质量分析的数据链路。"}},
      {0, {"Battery safety consultant", "consultant", "new_materials", {"battery safety", "failure analysis"}, "taiyuan", 30000, 60000, "en",
           "Advise our cell engineering team two days a month on thermal runaway testing and failure analysis."}},
      {1, {"人工智能方向特聘教授", "full_time", "education", {"机器学习", "科研团队管理"}, "taiyuan", 40000, 80000, "zh-CN",
           "组建人工智能研究团队，研究方向、团队组建、经费使用由本人自主决定。"}},
      {1, {"材料学院短期讲学专家", "part_time", "education", {"新材料", "教学"}, "taiyuan", 15000, 30000, "zh-CN",
           "每学期来校讲授前沿课程四周，可远程指导研究生。"}},
      {2, {"智能采煤装备首席工程师", "full_time", "equipment_manufacturing", {"液压支架", "智能控制", "PLC"}, "datong", 30000, 55000, "zh-CN",
           "牵头智能综采工作面装备研发，负责整机集成与井下试验。"}},
      {2, {"煤矿安全监测项目合作", "project", "coal_and_energy", {"安全监测", "物联网"}, "datong", 20000, 40000, "zh-CN",
           "以项目合作方式共建井下安全监测系统，成果共享。"}},
      {3, {"Precision machining process engineer", "full_time", "equipment_manufacturing", {"CNC", "German", "lean production"}, "jinzhong", 22000, 40000, "en",
           "Own the machining processes of our gearbox housings; work with our partner plant in Stuttgart."}},
      {4, {"光电芯片封装工程师", "full_time", "information_technology", {"光电封装", "可靠性测试"}, "changzhi", 18000, 32000, "zh-CN",
           "负责激光器芯片封装工艺开发与可靠性验证。"}},
      {5, {"先进结构材料研究员", "full_time", "new_materials", {"镁合金", "材料表征", "有限元"}, "taiyuan", 25000, 50000, "zh-CN",
           "开展轻质高强镁合金研究，可自主组建团队、调整经费使用。"}},
      {6, {"心血管介入顾问专家", "consultant", "healthcare", {"心血管介入", "临床带教"}, "yuncheng", 20000, 40000, "zh-CN",
           "每月来院指导介入手术并带教青年医师。"}},
      {7, {"数字政务数据分析师", "full_time", "information_technology", {"数据分析", "SQL", "可视化"}, "linfen", 12000, 22000, "zh-CN",
           "为数字经济服务中心建设数据分析与决策支持能力。"}},
      {8, {"科技人才服务项目合作", "project", "education", {"人才评价", "项目管理"}, "xinzhou", 10000, 20000, "zh-CN",
           "合作开展科技人才评价与服务项目。"}},
      {9, {"科技成果转化顾问", "consultant", "finance", {"技术转移", "知识产权"}, "lvliang", 15000, 30000, "zh-CN",
           "为全市科技成果转化提供咨询，协助对接金融资源。"}},
  };
  std::vector<int64_t> first_employer_positions;
  for (const auto& d : positions) {
    auto v = p.market.Post(employer_admins[d.employer], d.in);
    if (!v.ok()) return Status(v.status().code(), "demo position " + d.in.title + ": " + v.status().message());
    if (d.employer == 0) first_employer_positions.push_back(v->row.id);
  }
  struct DemoProfile {
    const char* field;
    std::vector<std::string> skills, cities, engagements;
    int64_t min_pay;
    const char* summary;
  };
  const std::vector<DemoProfile> profiles = {
      {"new_materials", {"锂电池", "材料表征", "Python"}, {"taiyuan", "jinzhong"}, {"full_time"}, 25000, "十年动力电池材料研发经验，主持省级项目两项。"},
      {"information_technology", {"C++", "SQL", "数据分析"}, {"taiyuan"}, {"full_time", "project"}, 20000, "数据平台与工业软件开发。"},
      {"new_materials", {"battery safety", "failure analysis"}, {}, {"consultant", "part_time"}, 0, "Cell safety engineer, happy to advise."},
      {"equipment_manufacturing", {"液压支架", "PLC"}, {"datong", "shuozhou"}, {}, 28000, "智能综采装备整机集成。"},
      {"information_technology", {"数据分析", "可视化"}, {"linfen", "yuncheng"}, {"full_time"}, 12000, "政务数据分析与可视化。"},
      {"new_materials", {"镁合金", "有限元"}, {"taiyuan"}, {"full_time"}, 30000, "轻合金材料研究。"},
  };
  // demo.talent keeps the first profile; the next talents the others, all visible.
  std::vector<Actor> with_profile;
  for (size_t i = 0; i < profiles.size() && i < talents.size(); ++i) {
    const auto& d = profiles[i];
    ProfileInput in{d.field, d.skills, d.cities, d.engagements, d.min_pay, d.summary, true};
    if (auto r = p.market.PutProfile(talents[i], in); !r.ok()) return r.status();
    with_profile.push_back(talents[i]);
  }
  // Applications to the first employer's positions, left at each stage.
  const std::vector<std::vector<const char*>> paths = {
      {}, {"shortlist"}, {"shortlist", "interview"}, {"offer"}, {"offer", "accept"}, {"decline"}, {"withdraw"}};
  for (size_t i = 1; i < with_profile.size() + 2 && i < talents.size() && !first_employer_positions.empty(); ++i) {
    const int64_t position = first_employer_positions[i % first_employer_positions.size()];
    auto a = p.position_applications.Apply(talents[i], position, "您好，我对该岗位很感兴趣，附上我的主要业绩。");
    if (!a.ok()) return a.status();
    for (const char* action : paths[i % paths.size()]) {
      const bool by_talent = std::string(action) == "accept" || std::string(action) == "withdraw";
      const std::string reason = std::string(action) == "decline" ? "方向与岗位需求不符 / the direction does not fit the position" : "";
      auto v = p.position_applications.Act(by_talent ? talents[i] : employer_admins[0], a->row.id, action, reason);
      if (!v.ok()) return v.status();
    }
  }
  return Status::Ok();
}

// Talent flows and cadres' business leaves: a few moves recorded by the office (from
// abroad into an institute, from a state enterprise to a private one, from a private
// firm into a government bureau) and leaves of the bureau's and the institution's
// cadres: one on leave, one overdue, one returned. The market's hire adds its own flow.
Status SeedFlows(Platform& p, const Actor& officer, const std::vector<Actor>& employer_admins,
                 const std::vector<Actor>& talents, int32_t today) {
  auto employer_of = [&](const Actor& t) -> std::optional<int64_t> {
    auto row = p.records.GetTalent(officer, *t.talent_id);
    return row.ok() ? row->employer_id : std::nullopt;
  };
  std::map<int64_t, std::vector<const Actor*>> staff;  // by employer
  for (const auto& t : talents)
    if (auto e = employer_of(t)) staff[*e].push_back(&t);
  auto first_of = [&](size_t employer, size_t skip) -> const Actor* {
    auto& v = staff[*employer_admins[employer].employer_id];
    return skip < v.size() ? v[skip] : nullptr;
  };
  auto date = [&](int days_ago) { return policy::FormatDate(today - days_ago); };
  struct DemoFlow {
    std::optional<size_t> from, to;
    size_t talent;
    const char* engagement;
    int days_ago;
    const char* note;
  };
  const DemoFlow flows[] = {
      {std::nullopt, 5, 1, "full_time", 400, "海外归国，加入省先进材料研究院"},
      {2, 0, 2, "full_time", 250, "从国有煤机集团到民营新材料企业"},
      {0, 9, 3, "full_time", 120, "民营企业骨干调入市科技局"},
      {3, 1, 4, "consultant", 60, "担任晋阳理工大学顾问"},
  };
  for (const auto& f : flows) {
    const Actor* t = first_of(f.from.value_or(f.talent % employer_admins.size()), 2);
    if (!t) continue;
    FlowInput in{*t->talent_id,
                 f.from ? employer_admins[*f.from].employer_id : std::nullopt,
                 f.to ? employer_admins[*f.to].employer_id : std::nullopt,
                 f.engagement, date(f.days_ago), f.note};
    if (auto v = p.flows.Record(officer, in); !v.ok()) return Status(v.status().code(), "demo flow: " + v.status().message());
  }
  struct DemoLeave {
    size_t employer, skip;
    const char* business;
    int left_days_ago, window_days;
    const char* ends;  // "", "return"
  };
  const DemoLeave leaves[] = {
      {9, 0, "吕梁晋创数字科技有限公司", 200, 3 * 365, ""},
      {9, 1, "吕梁绿能农业科技有限公司", 1300, 3 * 365, ""},  // past its return date
      {7, 0, "临汾数智服务有限公司", 800, 2 * 365, "return"},
  };
  int n = 0;
  for (const auto& l : leaves) {
    const Actor* t = first_of(l.employer, l.skip);
    if (!t) continue;
    std::string first17 = "91141000MA" + std::to_string(3000000 + n++);
    LeaveInput in{*t->talent_id, std::nullopt, l.business, first17 + domain::SocialCreditCodeCheckCharacter(first17),
                  date(l.left_days_ago), date(l.left_days_ago - l.window_days), ""};
    auto v = p.flows.GrantLeave(employer_admins[l.employer], in);
    if (!v.ok()) return Status(v.status().code(), "demo business leave: " + v.status().message());
    if (std::string(l.ends) == "return")
      if (auto e = p.flows.EndLeave(employer_admins[l.employer], v->row.id, "return", date(30), "期满返岗"); !e.ok())
        return e.status();
  }
  return Status::Ok();
}

}  // namespace

Result<DemoReport> EnsureDemoProvince(store::Store& store, Platform& platform) {
  DemoReport report;
  report.accounts = {{"admin", "demo.admin", kDemoPassword},        {"officer", "demo.officer", kDemoPassword},
                     {"policy_analyst", "demo.analyst", kDemoPassword}, {"employer_admin", "demo.employer", kDemoPassword},
                     {"employer_staff", "demo.staff", kDemoPassword},   {"talent", "demo.talent", kDemoPassword}};
  if (ActorNamed(store, "demo.admin").ok()) return report;
  report.created = true;
  const Actor system = Actor::System();
  for (const auto& [role, name] : std::vector<std::pair<std::string, std::string>>{
           {"admin", "demo.admin"}, {"officer", "demo.officer"}, {"policy_analyst", "demo.analyst"}}) {
    auto id = platform.accounts.CreateAccount(system, {name, kDemoPassword, name, role, std::nullopt});
    if (!id.ok()) return id.status();
  }
  std::vector<Actor> employer_admins;
  int index = 0;
  for (const auto& e : kEmployers) {
    std::string username = index == 0 ? "demo.employer" : "employer" + std::to_string(index + 1);
    store::EmployerRow row{0, CreditCode(e.credit_prefix, index), e.name, e.kind, e.ownership, e.city, e.salary_fen, "", ""};
    auto id = platform.accounts.RegisterEmployer({username, kDemoPassword, std::string(e.name) + " 人事处", row});
    if (!id.ok()) return id.status();
    auto actor = ActorNamed(store, username);
    if (!actor.ok()) return actor.status();
    employer_admins.push_back(*actor);
    ++index;
  }
  report.employers = index;
  if (auto st = platform.accounts.CreateAccount(
          employer_admins[0], {"demo.staff", kDemoPassword, "人事专员", "employer_staff", std::nullopt});
      !st.ok())
    return st.status();
  auto officer = ActorNamed(store, "demo.officer");
  if (!officer.ok()) return officer.status();

  const int64_t now = SystemClock()();
  const int32_t today = ShanghaiDay(now);
  auto policy = platform.policies.InForce(today);
  if (!policy.ok()) return policy.status();
  auto picked = PickDossiers(**policy, today);
  if (!picked.ok()) return picked.status();
  // Six years back: long enough for a five-year card to have expired by today.
  Platform past(store, [now] { return now - 6 * 366 * 86400; }, platform.cards.ring());

  int tiered = 0, untiered = 0, n = 0;
  bool demo_talent_done = false;
  std::vector<std::pair<Actor, Actor>> holders;  // talents whose card is in force, with their employer
  std::vector<Actor> talents;                     // demo.talent first
  for (auto& [dossier, tier] : *picked) {
    const bool has_tier = tier != "none";
    std::string target = has_tier ? kTieredTargets[tiered++ % std::size(kTieredTargets)]
                                  : kNoTierTargets[untiered++ % std::size(kNoTierTargets)];
    const std::string nationality = dossier["nationality"];
    // demo.talent: the first Chinese tier-B talent, whose card is issued.
    std::string username = "talent" + std::to_string(n + 1);
    if (!demo_talent_done && tier == "B" && nationality == "CN" && target == "issued") {
      username = "demo.talent";
      demo_talent_done = true;
    }
    TalentRegistration reg{username, kDemoPassword, dossier["name"], nationality == "CN" ? "resident_id" : "passport",
                           nationality == "CN" ? ResidentId(dossier["birth_date"], n) : "P" + std::to_string(40000000 + n),
                           nationality};
    auto uid = platform.accounts.RegisterTalent(reg);
    if (!uid.ok()) return Status(uid.status().code(), "demo talent " + username + ": " + uid.status().message());
    auto talent = ActorNamed(store, username);
    if (!talent.ok()) return talent.status();
    const Actor& employer = employer_admins[static_cast<size_t>(n) % employer_admins.size()];
    for (const std::string& k : RecordOwnedInputs()) dossier.erase(k);
    TalentChange change;
    change.employer_id = employer.employer_id;
    change.dossier = dossier.dump();
    Platform& driver = target == "expired" ? past : platform;
    if (auto t = driver.records.ChangeTalent(*talent, *talent->talent_id, change); !t.ok()) return t.status();
    JINCAI_RETURN_IF_ERROR(Drive(driver, *talent, employer, *officer, target == "expired" ? "issued" : target, has_tier));
    if (target == "issued") holders.emplace_back(*talent, employer);
    if (username == "demo.talent") talents.insert(talents.begin(), *talent);
    else talents.push_back(*talent);
    ++n;
  }
  // If no Chinese tier-B talent landed on "issued", the first talent account stays demo-less:
  // make sure the printed account exists all the same.
  if (!demo_talent_done) {
    TalentRegistration reg{"demo.talent", kDemoPassword, "示例人才", "resident_id", ResidentId("1985-06-15", 999), "CN"};
    if (auto uid = platform.accounts.RegisterTalent(reg); !uid.ok()) return uid.status();
    auto talent = ActorNamed(store, "demo.talent");
    if (!talent.ok()) return talent.status();
    talents.insert(talents.begin(), *talent);
    ++n;
  }
  if (auto expired = platform.applications.ExpireDue(today); !expired.ok()) return expired.status();
  JINCAI_RETURN_IF_ERROR(SeedClaims(platform, *officer, holders, employer_admins));
  JINCAI_RETURN_IF_ERROR(SeedNews(platform, *officer));
  JINCAI_RETURN_IF_ERROR(SeedMarket(platform, employer_admins, talents));
  JINCAI_RETURN_IF_ERROR(SeedFlows(platform, *officer, employer_admins, talents, today));
  report.talents = n;
  report.applications = static_cast<int>(picked->size());
  return report;
}

}  // namespace jincai::service
