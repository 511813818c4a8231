// A synthetic population of talent dossiers, for simulation, fairness checks and
// benchmarks. The dossiers have the shape of SPEC §3.2 (the inputs of
// policies/shanxi-2017.toml, in the order that file declares them) and realistic, skewed
// distributions: most talents hold no honor and few awards or patents, a few are leading
// talents; about 8% are foreign nationals; salaries, funding and revenue are long-tailed.
//
// Output is a pure function of the options: a PRNG of our own (splitmix64 seeding
// xoshiro256**, integer arithmetic only) makes the same options give the same bytes on
// every platform and standard library. Row i draws from its own stream (seed, i); the
// employers (E0001...) are drawn once per population, about one per 50 talents.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

namespace jincai::domain {

enum class PopulationFormat { kJsonl, kCsv };

struct PopulationOptions {
  int64_t count = 1000;
  uint64_t seed = 1;
  PopulationFormat format = PopulationFormat::kJsonl;
};

// Writes `count` dossiers of the SPEC §3.2 shape; the same options always give the same
// bytes. JSON Lines: one object per line, records and lists nested. CSV: a header row
// (id, then every input in declared order, records flattened as spouse.present), then one
// row per dossier; list<string> cells joined with '|', list<record> cells with elements
// joined by '|' and fields by ':'; money with two decimals; dates YYYY-MM-DD.
void WritePopulation(std::ostream& out, const PopulationOptions& options);

// The CSV header line, without the newline.
std::string PopulationCsvHeader();

// The date the generated population is "as of": ages, years of experience and the
// school stage of children are computed for this day (2020-06-01).
constexpr int kPopulationReferenceYear = 2020;
constexpr int kPopulationReferenceMonth = 6;
constexpr int kPopulationReferenceDay = 1;

}  // namespace jincai::domain
