// Interns strings to dense int64 ids so that string columns compare as integers.
// Not thread-safe: one pool per evaluation context. Ids are stable for the pool's life.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace jincai::policy {

class StringPool {
 public:
  StringPool() { Intern(""); }  // id 0 is the empty string
  int64_t Intern(std::string_view s);
  // Returns -1 when s was never interned (it then equals no interned string).
  int64_t Find(std::string_view s) const;
  const std::string& Get(int64_t id) const { return strings_[static_cast<size_t>(id)]; }
  size_t size() const { return strings_.size(); }

 private:
  std::deque<std::string> strings_;  // deque: stable addresses for the map's keys
  std::unordered_map<std::string_view, int64_t> ids_;
};

}  // namespace jincai::policy
