// School placement for the children of green-card holders (SPEC §5.3): each child's
// parents rank schools; each school has a capacity and a priority order over children;
// the office places children by student-proposing deferred acceptance (Gale–Shapley),
// which is stable (no child and school would both rather be matched to each other)
// and strategy-proof for children (ranking schools truthfully is always best).
// Pure and deterministic: the same input always gives the same placement.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"

namespace jincai::match {

struct Child {
  std::string id;
  std::vector<std::string> ranking;  // school ids, most wanted first
};

struct School {
  std::string id;
  int capacity = 0;
  // Priority of children at this school: higher first. Children missing from it rank
  // after every listed child, among themselves in the order of `Child.id`'s tiebreak.
  std::vector<std::string> priority;
};

struct Placement {
  std::string child;
  std::string school;                 // empty: no school could take the child
  int choice = 0;                     // 1-based rank of the school obtained; 0 when none
  // For each school ranked above the one obtained: why it was not given.
  std::vector<std::string> not_given;
};

// The fixed tiebreak between children a school's priority leaves equal: lower first.
uint64_t PlacementTiebreak(const std::string& child_id);

// Fails (InvalidArgument, naming the record) on a duplicate child or school id, a
// ranking naming an unknown school or the same school twice, or a negative capacity.
// Ties in priority are broken by a fixed hash of the child id, so results never
// depend on input order.
Result<std::vector<Placement>> PlaceChildren(const std::vector<Child>& children, const std::vector<School>& schools);

}  // namespace jincai::match
