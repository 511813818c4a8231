// The platform's roles (SPEC §1). `system` is the platform itself acting on a rule
// (evaluation by the engine, auto-approval, expiry), never a person's account.
#pragma once

#include <optional>
#include <string_view>

namespace jincai::domain {

enum class Role { kTalent, kEmployerAdmin, kEmployerStaff, kOfficer, kPolicyAnalyst, kAdmin, kSystem };

std::string_view RoleName(Role r);  // "talent", "employer_admin", ...
std::string_view RoleNameZh(Role r);  // "人才", "单位管理员", ...
std::optional<Role> ParseRole(std::string_view s);

}  // namespace jincai::domain
