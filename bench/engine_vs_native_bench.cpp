// Engine vs native: Evaluator::Evaluate over 1,000,000 in-memory dossiers (one core; in
// batches of kMemoryRows, as the simulator keeps a population) against the hand-written
// bench/native_shanxi.h over row structs of the same dossiers.
// Reading and conversion are not timed. Before timing, every dossier's tier, points,
// entitlements (id, element, monthly) and extra amounts are compared; any mismatch
// aborts with the dossier. Each side is timed 3 times; the best run is reported.
// Usage: engine_vs_native_bench POLICY [POPULATION.csv|jsonl] [DATE]
//   (without a population, 1,000,000 dossiers of seed 42 are generated to a temp file).
// Prints "RESULT key value" lines for bench/run.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <tuple>
#include <unistd.h>
#include <vector>

#include "domain/synthetic_population.h"
#include "native_shanxi.h"
#include "policy/engine.h"
#include "policy/eval/evaluator.h"
#include "policy/io/dossier_reader.h"

using namespace jincai::policy;
namespace ns = native_shanxi;

namespace {

[[noreturn]] void Die(const std::string& msg) {
  std::fprintf(stderr, "engine_vs_native_bench: %s\n", msg.c_str());
  std::exit(1);
}

int64_t Str(StringPool& pool, const char* s) { return pool.Intern(s); }

// Row structs from the engine's batches (same dossiers, same encodings).
ns::Population ToNative(const std::vector<Batch>& batches, const BatchLayout& l, StringPool& pool) {
  auto sc = [&](const char* name) {
    auto it = l.scalar_index.find(name);
    if (it == l.scalar_index.end()) Die(std::string("no input ") + name);
    return static_cast<size_t>(it->second);
  };
  auto li = [&](const char* name) {
    auto it = l.list_index.find(name);
    if (it == l.list_index.end()) Die(std::string("no list input ") + name);
    return static_cast<size_t>(it->second);
  };
  const size_t nat = sc("nationality"), sal = sc("annual_salary_cny"), yrs = sc("years_experience"),
               inv = sc("invention_patents"), com = sc("patents_commercialized"), rev = sc("revenue_generated_cny"),
               tax = sc("tax_paid_cny"), jobs = sc("jobs_created"), std_ = sc("standards_drafted"),
               avg = sc("employer_avg_monthly_salary_cny"), eng = sc("engagement"), sp = sc("spouse.present"),
               se = sc("spouse.employed");
  const size_t hon = li("honors"), awd = li("awards"), prj = li("projects_led"), chl = li("children");
  const int64_t cn = Str(pool, "CN");
  const int64_t levels[3] = {Str(pool, "national"), Str(pool, "provincial"), Str(pool, "municipal")};
  const int64_t modes[4] = {Str(pool, "full_time"), Str(pool, "consultant"), Str(pool, "part_time"), Str(pool, "project")};
  const char* honor_names[6] = {"academician", "national_talent_program", "provincial_talent_program",
                                "state_council_special_allowance", "national_skill_master", "provincial_skill_master"};
  int64_t honors[6];
  for (int i = 0; i < 6; ++i) honors[i] = Str(pool, honor_names[i]);
  const int64_t none = Str(pool, "none");
  auto index_of = [](const int64_t* arr, int n, int64_t v) {
    for (int i = 0; i < n; ++i) if (arr[i] == v) return i;
    Die("unexpected string id " + std::to_string(v));
  };
  ns::Population pop;
  for (const Batch& b : batches) {
    for (int32_t r = 0; r < b.rows; ++r) {
      auto v = [&](size_t slot) { return b.scalars[slot][static_cast<size_t>(r)]; };
      ns::Dossier d{};
      d.foreign = v(nat) != cn;
      d.engagement = static_cast<uint8_t>(index_of(modes, 4, v(eng)));
      d.spouse_present = v(sp) != 0;
      d.spouse_employed = v(se) != 0;
      d.salary_fen = v(sal);
      d.years_experience = v(yrs);
      d.invention_patents = v(inv);
      d.patents_commercialized = v(com);
      d.revenue_fen = v(rev);
      d.tax_fen = v(tax);
      d.jobs_created = v(jobs);
      d.standards_drafted = v(std_);
      d.employer_avg_fen = v(avg);
      const ListColumn& h = b.lists[hon];
      for (int32_t e = h.offsets[static_cast<size_t>(r)]; e < h.offsets[static_cast<size_t>(r) + 1]; ++e)
        d.honors |= static_cast<uint8_t>(1u << index_of(honors, 6, h.elements[0][static_cast<size_t>(e)]));
      const ListColumn& a = b.lists[awd];
      d.awards_at = static_cast<uint32_t>(pop.awards.size());
      for (int32_t e = a.offsets[static_cast<size_t>(r)]; e < a.offsets[static_cast<size_t>(r) + 1]; ++e)
        pop.awards.push_back({a.elements[1][static_cast<size_t>(e)],
                              static_cast<uint8_t>(index_of(levels, 3, a.elements[0][static_cast<size_t>(e)]))});
      d.n_awards = static_cast<uint16_t>(pop.awards.size() - d.awards_at);
      const ListColumn& p = b.lists[prj];
      d.projects_at = static_cast<uint32_t>(pop.projects.size());
      for (int32_t e = p.offsets[static_cast<size_t>(r)]; e < p.offsets[static_cast<size_t>(r) + 1]; ++e)
        pop.projects.push_back({p.elements[1][static_cast<size_t>(e)],
                                static_cast<uint8_t>(index_of(levels, 3, p.elements[0][static_cast<size_t>(e)]))});
      d.n_projects = static_cast<uint16_t>(pop.projects.size() - d.projects_at);
      const ListColumn& c = b.lists[chl];
      d.children_at = static_cast<uint32_t>(pop.children.size());
      for (int32_t e = c.offsets[static_cast<size_t>(r)]; e < c.offsets[static_cast<size_t>(r) + 1]; ++e)
        pop.children.push_back({static_cast<int32_t>(c.elements[0][static_cast<size_t>(e)]),
                                c.elements[1][static_cast<size_t>(e)] != none});
      d.n_children = static_cast<uint16_t>(pop.children.size() - d.children_at);
      pop.rows.push_back(d);
    }
  }
  return pop;
}

// One dossier's decision, in comparable form.
struct Summary {
  std::string tier;
  int64_t points[4];
  std::vector<std::tuple<std::string, int, int64_t>> grants;  // id, element, monthly (fen)
  int64_t monthly = 0, amounts = 0;
  bool operator==(const Summary& o) const {
    return tier == o.tier && std::equal(points, points + 4, o.points) && grants == o.grants &&
           monthly == o.monthly && amounts == o.amounts;
  }
};

std::string Describe(const Summary& s) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "tier %s points %.6g/%.6g/%.6g/%.6g grants %zu monthly %lld fen amounts %lld fen:",
                s.tier.c_str(), s.points[0] / 1e6, s.points[1] / 1e6, s.points[2] / 1e6, s.points[3] / 1e6,
                s.grants.size(), static_cast<long long>(s.monthly), static_cast<long long>(s.amounts));
  std::string out = buf;
  for (const auto& [id, el, m] : s.grants) out += " " + id + (el >= 0 ? "[" + std::to_string(el) + "]" : "") + "=" + std::to_string(m);
  return out;
}

double Seconds(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) Die("usage: engine_vs_native_bench POLICY [POPULATION] [DATE]");
  const std::string policy_path = argv[1];
  std::string pop_path = argc > 2 ? argv[2] : "";
  const std::string date_text = argc > 3 ? argv[3] : "2021-01-01";
  bool temp = false;
  if (pop_path.empty()) {  // generate 1M dossiers into a temp file
    char tmpl[] = "/tmp/jincai-bench-XXXXXX.csv";
    int fd = mkstemps(tmpl, 4);
    if (fd < 0) Die("cannot create a temp file");
    close(fd);
    pop_path = tmpl;
    temp = true;
    std::ofstream f(pop_path, std::ios::binary);
    jincai::domain::WritePopulation(f, {1'000'000, 42, jincai::domain::PopulationFormat::kCsv});
  }

  auto built = BuildPolicyFile(policy_path);
  if (!built.ok()) Die(built.status().message());
  if (!built->policy) Die(built->diags.Render());
  const CompiledPolicy& policy = *built->policy;
  auto date = ParseDate(date_text);
  if (!date) Die("bad date " + date_text);
  ns::Params params;
  if (!ns::ParamsFor(*date, &params)) Die("the native policy has no parameters on " + date_text);

  // Read (untimed).
  std::vector<Batch> batches;
  {
    auto reader = DossierReader::Open(pop_path, policy.layout(), policy.pool(), ReaderOptions{});
    if (!reader.ok()) Die(reader.status().message());
    while (true) {
      Batch b;
      auto n = (*reader)->Next(b, kMemoryRows);
      if (!n.ok()) Die(pop_path + ": " + n.status().message());
      if (*n == 0) break;
      batches.push_back(std::move(b));
    }
  }
  if (temp) std::remove(pop_path.c_str());
  const ns::Population pop = ToNative(batches, policy.layout(), policy.pool());
  const size_t n = pop.rows.size();
  std::printf("dossiers: %zu in %zu batches of up to %d rows; date %s\n", n, batches.size(), kMemoryRows, date_text.c_str());

  // Verify (untimed): both sides over every dossier.
  const auto& doc = policy.doc();
  std::vector<int> ent_map(ns::kEntCount, -1);  // native entitlement -> engine entitlement
  for (int e = 0; e < ns::kEntCount; ++e)
    for (size_t k = 0; k < doc.entitlements.size(); ++k)
      if (doc.entitlements[k].id == ns::kEntNames[e]) ent_map[static_cast<size_t>(e)] = static_cast<int>(k);
  for (int e = 0; e < ns::kEntCount; ++e)
    if (ent_map[static_cast<size_t>(e)] < 0) Die(std::string("the policy has no entitlement ") + ns::kEntNames[e]);
  if (doc.entitlements.size() != ns::kEntCount) Die("the policy has entitlements the native code does not know");

  Evaluator ev(policy);
  if (auto st = ev.SetDate(*date); !st.ok()) Die(st.message());
  Decisions dec;
  std::vector<ns::Decision> nd(kMemoryRows);
  std::vector<ns::Grant> ng;
  std::vector<int64_t> na;
  std::vector<uint32_t> order, start;
  int64_t tier_counts[4] = {0, 0, 0, 0}, grants_total = 0, monthly_total = 0, errors = 0;
  size_t base = 0, mismatches = 0;
  for (const Batch& b : batches) {
    ev.Evaluate(b, &dec);
    dec.IndexByRow(&order, &start);
    ng.clear();
    na.clear();
    for (int32_t r = 0; r < b.rows; ++r) ns::Decide(pop, static_cast<int32_t>(base) + r, *date, params, &nd[static_cast<size_t>(r)], &ng, &na);
    std::vector<Summary> native(static_cast<size_t>(b.rows));
    for (int32_t r = 0; r < b.rows; ++r) {
      Summary& s = native[static_cast<size_t>(r)];
      const ns::Decision& d = nd[static_cast<size_t>(r)];
      s.tier = d.tier < 0 ? "none" : ns::kTierNames[d.tier];
      std::copy(d.points, d.points + 4, s.points);
    }
    for (const ns::Grant& g : ng) {
      Summary& s = native[static_cast<size_t>(g.row - static_cast<int32_t>(base))];
      s.grants.emplace_back(ns::kEntNames[g.ent], g.element, g.has_monthly ? g.monthly : 0);
      s.monthly += g.has_monthly ? g.monthly : 0;
      if (g.ent == ns::kSpouseInsurance)
        for (int k = 0; k < 5; ++k) s.amounts += na[g.amounts_at + static_cast<uint32_t>(k)];
    }
    for (int32_t r = 0; r < b.rows; ++r) {
      Summary e;
      const int32_t t = dec.tier[static_cast<size_t>(r)];
      e.tier = t < 0 ? "none" : doc.tiers[static_cast<size_t>(t)].id;
      for (int k = 0; k < 4; ++k) e.points[k] = dec.points[k][static_cast<size_t>(r)];
      for (uint32_t k = start[static_cast<size_t>(r)]; k < start[static_cast<size_t>(r) + 1]; ++k) {
        const Grant& g = dec.grants[order[k]];
        e.grants.emplace_back(doc.entitlements[static_cast<size_t>(g.entitlement)].id, g.element, g.has_monthly ? g.monthly : 0);
        e.monthly += g.has_monthly ? g.monthly : 0;
        const size_t extra = policy.entitlements[static_cast<size_t>(g.entitlement)].amounts.size();
        for (size_t a = 0; a < extra; ++a) e.amounts += dec.amounts[g.amounts_at + a];
      }
      Summary& s = native[static_cast<size_t>(r)];
      std::sort(e.grants.begin(), e.grants.end());
      std::sort(s.grants.begin(), s.grants.end());
      errors += dec.error[static_cast<size_t>(r)] != EvalError::kNone;
      if (!(e == s)) {
        if (++mismatches <= 20)
          std::fprintf(stderr, "MISMATCH %s (line %lld)%s\n  engine: %s\n  native: %s\n", b.ids[static_cast<size_t>(r)].c_str(),
                       static_cast<long long>(b.lines[static_cast<size_t>(r)]),
                       dec.error[static_cast<size_t>(r)] != EvalError::kNone ? " engine evaluation error" : "",
                       Describe(e).c_str(), Describe(s).c_str());
      }
      tier_counts[t < 0 ? 3 : t]++;
      grants_total += static_cast<int64_t>(e.grants.size());
      monthly_total += e.monthly;
    }
    base += static_cast<size_t>(b.rows);
  }
  std::printf("tiers A %lld, B %lld, C %lld, none %lld; grants %lld; monthly %.2f CNY; engine errors %lld\n",
              (long long)tier_counts[0], (long long)tier_counts[1], (long long)tier_counts[2], (long long)tier_counts[3],
              (long long)grants_total, monthly_total / 100.0, (long long)errors);
  if (mismatches) {
    std::fprintf(stderr, "engine_vs_native_bench: %zu of %zu dossiers differ between engine and native; aborting\n", mismatches, n);
    return 2;
  }
  std::printf("verified: engine and native agree on every dossier (tier, points, entitlements, amounts)\n");

  // Timing: best of 3 on each side, one core.
  double best_engine = 1e300, best_native = 1e300;
  int64_t sink = 0;
  for (int rep = 0; rep < 3; ++rep) {
    auto t0 = std::chrono::steady_clock::now();
    for (const Batch& b : batches) {
      ev.Evaluate(b, &dec);
      sink += static_cast<int64_t>(dec.grants.size()) + dec.tier[0];
    }
    auto t1 = std::chrono::steady_clock::now();
    size_t row = 0;
    for (const Batch& b : batches) {  // same chunks, same outputs (decisions, grants, amounts)
      ng.clear();
      na.clear();
      for (int32_t r = 0; r < b.rows; ++r) ns::Decide(pop, static_cast<int32_t>(row + static_cast<size_t>(r)), *date, params, &nd[static_cast<size_t>(r)], &ng, &na);
      row += static_cast<size_t>(b.rows);
      sink += static_cast<int64_t>(ng.size()) + nd[0].tier;
    }
    auto t2 = std::chrono::steady_clock::now();
    best_engine = std::min(best_engine, Seconds(t0, t1));
    best_native = std::min(best_native, Seconds(t1, t2));
    std::printf("run %d: engine %.1f ms, native %.1f ms\n", rep + 1, Seconds(t0, t1) * 1e3, Seconds(t1, t2) * 1e3);
  }
  const double engine_ns = best_engine * 1e9 / static_cast<double>(n);
  const double native_ns = best_native * 1e9 / static_cast<double>(n);
  std::printf("(sink %lld)\n", static_cast<long long>(sink));
  std::printf("RESULT dossiers %zu\n", n);
  std::printf("RESULT engine_ns_per_dossier %.1f\n", engine_ns);
  std::printf("RESULT native_ns_per_dossier %.1f\n", native_ns);
  std::printf("RESULT ratio_native_over_engine %.3f\n", native_ns / engine_ns);
  std::printf("RESULT mismatches 0\n");
  return 0;
}
