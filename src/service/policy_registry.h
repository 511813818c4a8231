// The policy versions the office has stored, compiled on first use and kept: an
// analyst uploads a file (checked like `jincai policy check`; refused with its
// diagnostics when it has errors), scheduled to take effect on a date; decisions
// use the version in force on the application's submission date.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "policy/compile/compiled_policy.h"
#include "service/actor.h"
#include "service/clock.h"
#include "store/records/policy_versions_table.h"
#include "store/store.h"

namespace jincai::service {

// A stored version, compiled. The compiled policy's string pool is not thread-safe, so
// whoever reads dossiers into it or evaluates holds `mu`.
struct LoadedPolicy {
  store::PolicyVersionRow row;  // without text
  std::shared_ptr<policy::CompiledPolicy> compiled;
  mutable std::mutex mu;
};

// What checking a policy text found: the diagnostics as `policy check` prints them.
struct PolicyCheckReport {
  bool ok = false;
  std::string policy_id, version, effective;  // from [policy], when it loaded
  struct Item {
    std::string severity, code, message;
    int line = 0, column = 0;
    std::string rendered;  // "file:line:col: error: ...\n  source\n  ^"
  };
  std::vector<Item> items;
};

class PolicyRegistry {
 public:
  explicit PolicyRegistry(store::Store& store, Clock clock = SystemClock());

  static PolicyCheckReport Check(const std::string& name, const std::string& text);

  // Policy analysts and admins. effective_from "YYYY-MM-DD", or empty for the file's
  // [policy].effective. InvalidArgument (field "text", with the report's first error)
  // when the policy has errors; Conflict when its id and version are stored.
  Result<store::PolicyVersionRow> Upload(const Actor& by, const std::string& text, const std::string& effective_from,
                                         PolicyCheckReport* report = nullptr);
  // Stores `path` as the first version when no version is stored yet (serve, demo).
  Status SeedFromFile(const std::string& path);

  // NotFound when no version is in force on `day` (days since 1970-01-01).
  Result<std::shared_ptr<const LoadedPolicy>> InForce(int32_t day);
  Result<std::shared_ptr<const LoadedPolicy>> Version(int64_t id);
  // The same, inside a caller's transaction.
  Result<std::shared_ptr<const LoadedPolicy>> InForce(store::Tx& tx, int32_t day);
  Result<std::shared_ptr<const LoadedPolicy>> Version(store::Tx& tx, int64_t id);
  Result<std::vector<store::PolicyVersionRow>> List();
  Result<store::PolicyVersionRow> Text(int64_t id);  // with the text

 private:
  Result<std::shared_ptr<const LoadedPolicy>> Load(const store::PolicyVersionRow& row);
  store::Store& store_;
  Clock clock_;
  std::mutex mu_;
  std::map<int64_t, std::shared_ptr<const LoadedPolicy>> cache_;
};

}  // namespace jincai::service
