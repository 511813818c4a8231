// What an employer record may say: its kind of organisation, its ownership (the same
// values as the policy's employer_ownership input) and its city, one of Shanxi's
// eleven prefecture-level cities; and the codes the recruitment market shares with
// dossiers: professional fields and modes of engagement. Pure lookups for validation
// and display.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jincai::domain {

// A code with its Chinese and English labels.
struct Labelled {
  std::string_view code, zh, en;
};

const std::vector<Labelled>& EmployerKinds();      // enterprise, public_institution, ...
const std::vector<Labelled>& EmployerOwnerships();  // state, collective, private, foreign, mixed
const std::vector<Labelled>& ShanxiCities();        // taiyuan, datong, ...
const std::vector<Labelled>& ProfessionalFields();  // new_materials, information_technology, ...
const std::vector<Labelled>& EngagementModes();     // full_time, consultant, part_time, project

// The entry with this code, or nullptr.
const Labelled* FindLabelled(const std::vector<Labelled>& list, std::string_view code);
// "a, b, c": the codes, for error messages.
std::string JoinCodes(const std::vector<Labelled>& list);

}  // namespace jincai::domain
