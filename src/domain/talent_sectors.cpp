// The sectors of talent flow (see talent_sectors.h).
#include "domain/talent_sectors.h"

namespace jincai::domain {

const std::vector<Labelled>& TalentSectors() {
  static const std::vector<Labelled> kAll = {
      {"party_government", "党政机关", "Party and government organs"},
      {"public_institution", "事业单位", "Public institutions"},
      {"state_enterprise", "国有企业", "State-owned enterprises"},
      {"non_public_enterprise", "非公企业", "Non-public enterprises"},
      {"social_organization", "社会组织", "Social organisations"},
      {"none", "省外或无单位", "Outside the province or no employer"},
  };
  return kAll;
}

std::string SectorOf(const std::string& kind, const std::string& ownership) {
  if (kind == "government") return "party_government";
  if (kind == "public_institution" || kind == "university" || kind == "research_institute" || kind == "hospital")
    return "public_institution";
  if (kind == "social_organization") return "social_organization";
  if (kind == "enterprise") return ownership == "state" ? "state_enterprise" : "non_public_enterprise";
  return "none";
}

bool InsideTheSystem(const std::string& sector) {
  return sector == "party_government" || sector == "public_institution" || sector == "state_enterprise";
}

bool GrantsBusinessLeave(const std::string& kind) {
  return kind == "government" || SectorOf(kind, "") == "public_institution";
}

}  // namespace jincai::domain
