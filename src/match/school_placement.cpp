// Deferred acceptance: every unplaced child proposes to the next school on its list;
// each school keeps the best `capacity` proposers by priority and rejects the rest,
// who propose again. Ends when no child has a school left to propose to.
#include "match/school_placement.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace jincai::match {
namespace {

// FNV-1a: a fixed tiebreak, independent of input order and of the platform.
uint64_t Tiebreak(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

Result<std::vector<Placement>> PlaceChildren(const std::vector<Child>& children, const std::vector<School>& schools) {
  std::unordered_map<std::string, size_t> school_index, child_index;
  for (size_t s = 0; s < schools.size(); ++s) {
    if (!school_index.emplace(schools[s].id, s).second) return Status::InvalidArgument("school '" + schools[s].id + "' is listed twice");
    if (schools[s].capacity < 0) return Status::InvalidArgument("school '" + schools[s].id + "' has a negative capacity");
  }
  for (size_t c = 0; c < children.size(); ++c) {
    if (!child_index.emplace(children[c].id, c).second) return Status::InvalidArgument("child '" + children[c].id + "' is listed twice");
    std::set<std::string> seen;
    for (const auto& s : children[c].ranking) {
      if (!school_index.count(s)) return Status::InvalidArgument("child '" + children[c].id + "' ranks unknown school '" + s + "'");
      if (!seen.insert(s).second) return Status::InvalidArgument("child '" + children[c].id + "' ranks school '" + s + "' twice");
    }
  }
  // rank[s][c]: smaller is higher priority. Listed children first, then the tiebreak.
  std::vector<std::vector<uint64_t>> rank(schools.size(), std::vector<uint64_t>(children.size()));
  for (size_t s = 0; s < schools.size(); ++s) {
    for (size_t c = 0; c < children.size(); ++c) rank[s][c] = (uint64_t{1} << 63) | (Tiebreak(children[c].id) >> 1);
    uint64_t k = 0;
    for (const auto& id : schools[s].priority) {
      auto it = child_index.find(id);
      if (it != child_index.end() && rank[s][it->second] >> 63) rank[s][it->second] = k++;
    }
  }
  std::vector<size_t> next(children.size(), 0);             // next choice to propose to
  std::vector<std::vector<size_t>> held(schools.size());    // children a school holds
  std::vector<size_t> free;
  for (size_t c = children.size(); c-- > 0;) free.push_back(c);
  while (!free.empty()) {
    size_t c = free.back();
    free.pop_back();
    if (next[c] >= children[c].ranking.size()) continue;  // list exhausted: unplaced
    size_t s = school_index.at(children[c].ranking[next[c]++]);
    auto& h = held[s];
    h.push_back(c);
    if (static_cast<int>(h.size()) > schools[s].capacity) {
      auto worst = std::max_element(h.begin(), h.end(), [&](size_t a, size_t b) { return rank[s][a] < rank[s][b]; });
      size_t out = *worst;
      h.erase(worst);
      free.push_back(out);
    }
  }
  std::vector<std::string> school_of(children.size());
  for (size_t s = 0; s < schools.size(); ++s)
    for (size_t c : held[s]) school_of[c] = schools[s].id;
  std::vector<Placement> out;
  out.reserve(children.size());
  for (size_t c = 0; c < children.size(); ++c) {
    Placement p;
    p.child = children[c].id;
    p.school = school_of[c];
    for (size_t k = 0; k < children[c].ranking.size(); ++k) {
      const std::string& want = children[c].ranking[k];
      if (want == p.school) {
        p.choice = static_cast<int>(k + 1);
        break;
      }
      size_t s = school_index.at(want);
      if (schools[s].capacity == 0) {
        p.not_given.push_back(want + ": it has no places");
        continue;
      }
      // The school is full of children it ranks higher (else the match would not be stable).
      std::string lowest;
      uint64_t worst = 0;
      for (size_t h : held[s])
        if (rank[s][h] >= worst) { worst = rank[s][h]; lowest = children[h].id; }
      p.not_given.push_back(want + ": all " + std::to_string(schools[s].capacity) +
                            " places went to children with higher priority there (the last admitted: " + lowest + ")");
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace jincai::match
