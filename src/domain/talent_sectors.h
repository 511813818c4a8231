// The sectors talents flow between (SPEC §5.5; the policy opens channels "inside and
// outside the system" and encourages cadres to leave their posts to start businesses).
// An employer's sector follows from its kind and ownership: party and government
// organs, public institutions (universities, institutes, hospitals among them) and
// state-owned enterprises are inside the system; other enterprises and social
// organisations are outside; `none` is no employer in the province (from abroad or
// another province). A cadre who stays with a new business moves to non-public enterprises.
#pragma once

#include <string>
#include <vector>

#include "domain/employer_profile.h"

namespace jincai::domain {

const std::vector<Labelled>& TalentSectors();  // party_government, public_institution, ...
// The sector of an employer of this kind and ownership (codes of employer_profile.h).
std::string SectorOf(const std::string& employer_kind, const std::string& ownership);
bool InsideTheSystem(const std::string& sector);
// Whether cadres of employers of this kind may take leave to start a business: party and
// government organs and public institutions.
bool GrantsBusinessLeave(const std::string& employer_kind);

}  // namespace jincai::domain
