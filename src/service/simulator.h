// The analyst's simulator (SPEC §3.4 in the web UI): a stored version of the policy
// against itself with some parameters changed, over a population kept in memory, fast
// enough to redraw charts as a slider moves. The population is the synthetic one of
// `jincai population generate` (count and seed), read once into the engine's batches
// and kept for the next run with the same version, count and seed.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "policy/analysis/simulation.h"
#include "service/actor.h"
#include "service/clock.h"
#include "service/policy_registry.h"

namespace jincai::service {

// The largest population a simulation may ask for (memory: about 300 bytes a dossier).
inline constexpr int64_t kMaxSimulationPopulation = 200000;

struct SimulationParameter {
  std::string name, kind;  // kind: number, money, bool, date, string
  std::string value;       // in force on the date asked, as text ("0.6", "5000.00", "true")
  std::string assumption, cite;
};

struct SimulationRequest {
  std::optional<int64_t> policy_version_id;  // default: the version in force today
  int64_t count = 100000;
  uint64_t seed = 1;
  std::optional<int32_t> as_of;               // default: the population's reference date
  std::map<std::string, std::string> set;     // parameter -> value text
};

struct SimulationResult {
  store::PolicyVersionRow policy;
  int32_t as_of = 0;
  policy::SimulationReport report;
  double elapsed_ms = 0;       // deciding both sides
  bool population_cached = false;
};

class Simulator {
 public:
  explicit Simulator(PolicyRegistry& policies, Clock clock = SystemClock());
  // Analysts, officers and admins: the version's parameters with their values on `as_of`
  // (default: the population's reference date).
  Result<std::pair<store::PolicyVersionRow, std::vector<SimulationParameter>>> Parameters(
      const Actor& by, std::optional<int64_t> policy_version_id, std::optional<int32_t> as_of);
  // InvalidArgument (field "set.NAME", "count") for an unknown parameter, a value of the
  // wrong type, or a population out of range.
  Result<SimulationResult> Run(const Actor& by, const SimulationRequest& request);
  // The reform as a policy file: the version's text with each parameter of `set` given
  // its one value and [policy] version set to `version` (default: the base's plus
  // "-reform"); checked like an upload before it is returned.
  Result<std::string> ReformFile(const Actor& by, std::optional<int64_t> policy_version_id,
                                 const std::map<std::string, std::string>& set, const std::string& version);
  static int32_t ReferenceDay();

 private:
  Result<std::shared_ptr<const LoadedPolicy>> VersionFor(std::optional<int64_t> id);
  struct Population;
  // The synthetic population read into the policy's batches: the kept one when it
  // matches, else read now (and kept when `keep`). REQUIRES: lp.mu held.
  Result<std::shared_ptr<const Population>> PopulationFor(const LoadedPolicy& lp, int64_t count, uint64_t seed,
                                                          bool keep, bool* cached);
  PolicyRegistry& policies_;
  Clock clock_;
  std::mutex mu_;  // the cached population
  std::shared_ptr<Population> population_;
};

}  // namespace jincai::service
