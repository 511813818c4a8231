// Deferred acceptance: every unplaced child proposes to the next school on its list;
// each school keeps the best `capacity` proposers by priority and rejects the rest,
// who propose again. Ends when no child has a school left to propose to.
#include "match/school_placement.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace jincai::match {

// FNV-1a: a fixed tiebreak, independent of input order and of the platform.
uint64_t PlacementTiebreak(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

Result<std::vector<Placement>> PlaceChildren(const std::vector<Child>& children, const std::vector<School>& schools) {
  std::unordered_map<std::string_view, uint32_t> school_index, child_index;
  school_index.reserve(schools.size());
  child_index.reserve(children.size());
  for (size_t s = 0; s < schools.size(); ++s) {
    if (!school_index.emplace(schools[s].id, static_cast<uint32_t>(s)).second)
      return Status::InvalidArgument("school '" + schools[s].id + "' is listed twice");
    if (schools[s].capacity < 0) return Status::InvalidArgument("school '" + schools[s].id + "' has a negative capacity");
  }
  // Each child's choices as school indices, checked once.
  std::vector<std::vector<uint32_t>> choices(children.size());
  for (size_t c = 0; c < children.size(); ++c) {
    if (!child_index.emplace(children[c].id, static_cast<uint32_t>(c)).second)
      return Status::InvalidArgument("child '" + children[c].id + "' is listed twice");
    auto& mine = choices[c];
    mine.reserve(children[c].ranking.size());
    for (const auto& id : children[c].ranking) {
      auto it = school_index.find(id);
      if (it == school_index.end())
        return Status::InvalidArgument("child '" + children[c].id + "' ranks unknown school '" + id + "'");
      if (std::find(mine.begin(), mine.end(), it->second) != mine.end())
        return Status::InvalidArgument("child '" + children[c].id + "' ranks school '" + id + "' twice");
      mine.push_back(it->second);
    }
  }
  // A school's priority of a child, smaller first: its place in the school's list, or
  // after every listed child by the fixed tiebreak. Only listed children are stored.
  std::vector<uint64_t> tiebreak(children.size());
  for (size_t c = 0; c < children.size(); ++c) tiebreak[c] = (uint64_t{1} << 63) | (PlacementTiebreak(children[c].id) >> 1);
  std::vector<std::unordered_map<uint32_t, uint64_t>> listed(schools.size());
  for (size_t s = 0; s < schools.size(); ++s) {
    uint64_t k = 0;
    for (const auto& id : schools[s].priority) {
      auto it = child_index.find(id);
      if (it != child_index.end() && listed[s].emplace(it->second, k).second) ++k;
    }
  }
  auto rank = [&](size_t s, uint32_t c) {
    if (!listed[s].empty()) {
      auto it = listed[s].find(c);
      if (it != listed[s].end()) return it->second;
    }
    return tiebreak[c];
  };
  // Each school holds its tentative admits as a max-heap by rank: the worst on top,
  // the one to reject when a better child proposes to a full school.
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> held(schools.size());
  std::vector<uint32_t> next(children.size(), 0);
  std::vector<uint32_t> free;
  free.reserve(children.size());
  for (size_t c = children.size(); c-- > 0;) free.push_back(static_cast<uint32_t>(c));
  while (!free.empty()) {
    uint32_t c = free.back();
    free.pop_back();
    if (next[c] >= choices[c].size()) continue;  // list exhausted: unplaced
    uint32_t s = choices[c][next[c]++];
    auto& h = held[s];
    const size_t cap = static_cast<size_t>(schools[s].capacity);
    if (cap == 0) {
      free.push_back(c);
      continue;
    }
    const uint64_t r = rank(s, c);
    if (h.size() < cap) {
      h.emplace_back(r, c);
      std::push_heap(h.begin(), h.end());
    } else if (r < h.front().first) {
      std::pop_heap(h.begin(), h.end());
      free.push_back(h.back().second);
      h.back() = {r, c};
      std::push_heap(h.begin(), h.end());
    } else {
      free.push_back(c);
    }
  }
  std::vector<int32_t> school_of(children.size(), -1);
  for (size_t s = 0; s < schools.size(); ++s)
    for (const auto& [r, c] : held[s]) school_of[c] = static_cast<int32_t>(s);
  // The last child a full school admitted (its worst rank), for the reasons.
  std::vector<std::string_view> last_admitted(schools.size());
  for (size_t s = 0; s < schools.size(); ++s)
    if (!held[s].empty()) last_admitted[s] = children[held[s].front().second].id;
  std::vector<Placement> out;
  out.reserve(children.size());
  for (size_t c = 0; c < children.size(); ++c) {
    Placement p;
    p.child = children[c].id;
    if (school_of[c] >= 0) p.school = schools[static_cast<size_t>(school_of[c])].id;
    for (size_t k = 0; k < choices[c].size(); ++k) {
      const uint32_t s = choices[c][k];
      if (static_cast<int32_t>(s) == school_of[c]) {
        p.choice = static_cast<int>(k + 1);
        break;
      }
      const std::string& want = schools[s].id;
      if (schools[s].capacity == 0) {
        p.not_given.push_back(want + ": it has no places");
        continue;
      }
      // The school is full of children it ranks higher (else the match would not be stable).
      p.not_given.push_back(want + ": all " + std::to_string(schools[s].capacity) +
                            " places went to children with higher priority there (the last admitted: " +
                            std::string(last_admitted[s]) + ")");
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace jincai::match
