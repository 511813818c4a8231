// The names of talents and employers a view shows beside their ids, each read once per
// transaction however many rows name it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "store/records/employers_table.h"
#include "store/records/talents_table.h"
#include "store/store.h"

namespace jincai::service {

class RecordNames {
 public:
  explicit RecordNames(store::Tx& tx) : tx_(tx) {}
  // "" for a record that does not exist.
  Result<std::string> Talent(int64_t id) {
    if (auto it = talents_.find(id); it != talents_.end()) return it->second;
    auto t = store::FindTalent(tx_, id);
    if (!t.ok()) return t.status();
    return talents_[id] = *t ? (*t)->name : std::string();
  }
  // "" for none (no employer) or a record that does not exist.
  Result<std::string> Employer(std::optional<int64_t> id) {
    if (!id) return std::string();
    if (auto it = employers_.find(*id); it != employers_.end()) return it->second;
    auto e = store::FindEmployer(tx_, *id);
    if (!e.ok()) return e.status();
    return employers_[*id] = *e ? (*e)->name : std::string();
  }

 private:
  store::Tx& tx_;
  std::map<int64_t, std::string> talents_, employers_;
};

}  // namespace jincai::service
