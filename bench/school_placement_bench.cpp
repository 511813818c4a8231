// School placement at the size the product owner named: 200,000 children over 3,000
// schools with 10 ranked choices each, student-proposing deferred acceptance on one
// core. Choices lean towards popular schools (a Zipf-like draw) so that many children
// are rejected and propose again, the costly case. Prints RESULT lines for bench/run.
// Target: under 1 second.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "match/school_placement.h"

using namespace jincai::match;

int main() {
  const int kChildren = 200000, kSchools = 3000, kChoices = 10;
  uint64_t s = 42;
  auto next = [&s] {
    s ^= s << 13, s ^= s >> 7, s ^= s << 17;
    return s;
  };
  std::vector<School> schools(kSchools);
  for (int k = 0; k < kSchools; ++k) {
    schools[k].id = "S" + std::to_string(k);
    schools[k].capacity = 50 + static_cast<int>(next() % 40);  // about 200,000 seats in all
  }
  std::vector<Child> children(kChildren);
  for (int i = 0; i < kChildren; ++i) {
    children[i].id = "C" + std::to_string(i);
    std::vector<int> picked;
    while (static_cast<int>(picked.size()) < kChoices) {
      // Popular schools first: the square of a uniform draw favours low indices.
      double u = static_cast<double>(next() % 1000000) / 1e6;
      int k = static_cast<int>(u * u * kSchools);
      bool dup = false;
      for (int q : picked) dup |= q == k;
      if (!dup) picked.push_back(k);
    }
    for (int k : picked) children[i].ranking.push_back(schools[k].id);
  }
  // Each school gives priority to a tenth of the children (say, its district).
  for (int k = 0; k < kSchools; ++k)
    for (int j = 0; j < kChildren / kSchools / 10 + 1; ++j)
      schools[k].priority.push_back("C" + std::to_string(next() % kChildren));
  for (auto& sc : schools) {  // no duplicates in a priority list
    std::vector<std::string> uniq;
    for (auto& c : sc.priority) {
      bool dup = false;
      for (auto& u : uniq) dup |= u == c;
      if (!dup) uniq.push_back(c);
    }
    sc.priority = std::move(uniq);
  }
  double best = 1e9;
  size_t placed = 0, first_choice = 0;
  for (int round = 0; round < 3; ++round) {
    auto t0 = std::chrono::steady_clock::now();
    auto result = PlaceChildren(children, schools);
    auto t1 = std::chrono::steady_clock::now();
    if (!result.ok()) {
      std::fprintf(stderr, "%s\n", result.status().message().c_str());
      return 1;
    }
    best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
    placed = first_choice = 0;
    for (const auto& p : *result) {
      placed += !p.school.empty();
      first_choice += p.choice == 1;
    }
  }
  std::printf("RESULT children %d\nRESULT schools %d\nRESULT choices %d\n", kChildren, kSchools, kChoices);
  std::printf("RESULT placed %zu\nRESULT first_choice %zu\n", placed, first_choice);
  std::printf("RESULT placement_s %.3f\n", best);
  return 0;
}
