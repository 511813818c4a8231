// School placement by deferred acceptance: stable (no blocking pair), within capacity,
// independent of input order, strategy-proof for children (checked exhaustively on
// small markets), and every refusal of a higher choice explained.
#include "match/school_placement.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <random>

namespace jincai::match {
namespace {

// Position of a school in a ranking (smaller is better); ranking size when absent.
size_t Pos(const std::vector<std::string>& ranking, const std::string& s) {
  auto it = std::find(ranking.begin(), ranking.end(), s);
  return static_cast<size_t>(it - ranking.begin());
}

// Every child who prefers a school to its own finds it full of higher-priority children.
void ExpectStable(const std::vector<Child>& children, const std::vector<School>& schools, const std::vector<Placement>& out) {
  std::map<std::string, std::string> of;
  for (const auto& p : out) of[p.child] = p.school;
  std::map<std::string, int> filled;
  for (const auto& p : out) if (!p.school.empty()) ++filled[p.school];
  auto prio = [&](const School& s, const std::string& c) {
    auto it = std::find(s.priority.begin(), s.priority.end(), c);
    return static_cast<size_t>(it - s.priority.begin());
  };
  for (const auto& s : schools) {
    EXPECT_LE(filled[s.id], s.capacity) << s.id;
  }
  for (const auto& c : children) {
    size_t mine = of[c.id].empty() ? c.ranking.size() : Pos(c.ranking, of[c.id]);
    for (size_t k = 0; k < mine; ++k) {
      const School& s = *std::find_if(schools.begin(), schools.end(), [&](const School& x) { return x.id == c.ranking[k]; });
      ASSERT_EQ(filled[s.id], s.capacity) << c.id << " could take a free place at " << s.id;
      for (const auto& p : out) {
        if (p.school == s.id) {
          EXPECT_LT(prio(s, p.child), prio(s, c.id)) << c.id << " and " << s.id << " block";
        }
      }
    }
  }
}

TEST(SchoolPlacement, SmallExampleWithReasons) {
  std::vector<School> schools = {{"S1", 1, {"b", "a", "c"}}, {"S2", 1, {"a", "b", "c"}}, {"S3", 2, {}}};
  std::vector<Child> children = {{"a", {"S1", "S2"}}, {"b", {"S1", "S3"}}, {"c", {"S1", "S2", "S3"}}};
  auto r = PlaceChildren(children, schools);
  ASSERT_TRUE(r.ok());
  const auto& out = r.value();
  EXPECT_EQ(out[0].school, "S2");  // a loses S1 to b
  EXPECT_EQ(out[0].choice, 2);
  ASSERT_EQ(out[0].not_given.size(), 1u);
  EXPECT_EQ(out[0].not_given[0], "S1: all 1 places went to children with higher priority there (the last admitted: b)");
  EXPECT_EQ(out[1].school, "S1");
  EXPECT_EQ(out[2].school, "S3");
  EXPECT_EQ(out[2].choice, 3);
  ExpectStable(children, schools, out);
}

TEST(SchoolPlacement, BadInputIsRefused) {
  EXPECT_EQ(PlaceChildren({{"a", {"X"}}}, {{"S1", 1, {}}}).status().message(), "child 'a' ranks unknown school 'X'");
  EXPECT_EQ(PlaceChildren({{"a", {"S1", "S1"}}}, {{"S1", 1, {}}}).status().message(), "child 'a' ranks school 'S1' twice");
  EXPECT_EQ(PlaceChildren({{"a", {}}, {"a", {}}}, {}).status().message(), "child 'a' is listed twice");
  EXPECT_EQ(PlaceChildren({}, {{"S1", -1, {}}}).status().message(), "school 'S1' has a negative capacity");
}

TEST(SchoolPlacement, StableWithinCapacityAndOrderIndependentOnRandomMarkets) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    int nc = 1 + static_cast<int>(rng() % 12), ns = 1 + static_cast<int>(rng() % 5);
    std::vector<School> schools;
    std::vector<Child> children;
    std::vector<std::string> ids;
    for (int c = 0; c < nc; ++c) ids.push_back("c" + std::to_string(c));
    for (int s = 0; s < ns; ++s) {
      School sc{"s" + std::to_string(s), static_cast<int>(rng() % 3), ids};
      std::shuffle(sc.priority.begin(), sc.priority.end(), rng);
      schools.push_back(sc);
    }
    for (int c = 0; c < nc; ++c) {
      Child ch{ids[static_cast<size_t>(c)], {}};
      for (const auto& s : schools) if (rng() % 3) ch.ranking.push_back(s.id);
      std::shuffle(ch.ranking.begin(), ch.ranking.end(), rng);
      children.push_back(ch);
    }
    auto out = PlaceChildren(children, schools);
    ASSERT_TRUE(out.ok());
    ExpectStable(children, schools, out.value());
    auto shuffled = children;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    auto again = PlaceChildren(shuffled, schools);
    std::map<std::string, std::string> a, b;
    for (const auto& p : out.value()) a[p.child] = p.school;
    for (const auto& p : again.value()) b[p.child] = p.school;
    EXPECT_EQ(a, b) << "the placement must not depend on input order";
  }
}

// No child gets a school it truly prefers by ranking schools otherwise: every ranking
// (every ordered subset of the schools) is tried for every child.
TEST(SchoolPlacement, NoChildGainsByMisreporting) {
  std::mt19937 rng(11);
  for (int round = 0; round < 40; ++round) {
    std::vector<std::string> ids = {"a", "b", "c"};
    std::vector<School> schools;
    for (int s = 0; s < 3; ++s) {
      School sc{"s" + std::to_string(s), 1, ids};
      std::shuffle(sc.priority.begin(), sc.priority.end(), rng);
      schools.push_back(sc);
    }
    std::vector<Child> truth;
    for (const auto& id : ids) {
      Child c{id, {"s0", "s1", "s2"}};
      std::shuffle(c.ranking.begin(), c.ranking.end(), rng);
      truth.push_back(c);
    }
    auto honest = PlaceChildren(truth, schools).value();
    for (size_t who = 0; who < truth.size(); ++who) {
      size_t honest_pos = honest[who].school.empty() ? 3 : Pos(truth[who].ranking, honest[who].school);
      std::vector<std::string> all = {"s0", "s1", "s2"};
      // Every ordered subset of the schools as a reported ranking.
      for (int mask = 0; mask < 8; ++mask) {
        std::vector<std::string> subset;
        for (int k = 0; k < 3; ++k) if (mask & (1 << k)) subset.push_back(all[static_cast<size_t>(k)]);
        std::sort(subset.begin(), subset.end());
        do {
          auto lie = truth;
          lie[who].ranking = subset;
          auto got = PlaceChildren(lie, schools).value();
          size_t pos = got[who].school.empty() ? 3 : Pos(truth[who].ranking, got[who].school);
          EXPECT_GE(pos, honest_pos) << "child " << truth[who].id << " gains by misreporting";
        } while (std::next_permutation(subset.begin(), subset.end()));
      }
    }
  }
}

}  // namespace
}  // namespace jincai::match
