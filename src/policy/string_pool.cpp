// Interning of strings to dense ids. The map's keys are views into the deque's strings
// (stable addresses), so lookups by string_view build no std::string.
#include "policy/string_pool.h"

namespace jincai::policy {

int64_t StringPool::Intern(std::string_view s) {
  if (auto it = ids_.find(s); it != ids_.end()) return it->second;
  const auto id = static_cast<int64_t>(strings_.size());
  const std::string& stored = strings_.emplace_back(s);
  ids_.emplace(std::string_view(stored), id);
  return id;
}

int64_t StringPool::Find(std::string_view s) const {
  auto it = ids_.find(s);
  return it == ids_.end() ? -1 : it->second;
}

}  // namespace jincai::policy
