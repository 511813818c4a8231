// Who is calling: the account behind a session, its role, and the record it acts for
// (an employer for employer roles, a talent for the talent role). Every service call
// takes one, and decides from it what the caller may see and do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/roles.h"

namespace jincai::service {

struct Actor {
  int64_t user_id = 0;  // 0 for the system
  std::string username;
  domain::Role role = domain::Role::kSystem;
  std::optional<int64_t> employer_id;  // employer_admin, employer_staff
  std::optional<int64_t> talent_id;    // talent

  bool IsEmployer() const { return role == domain::Role::kEmployerAdmin || role == domain::Role::kEmployerStaff; }
  // Officers and admins see the whole province.
  bool SeesProvince() const { return role == domain::Role::kOfficer || role == domain::Role::kAdmin; }
  static Actor System() { return Actor{0, "system", domain::Role::kSystem, std::nullopt, std::nullopt}; }
  // The audit log's actor: "user:17" or "system".
  std::string AuditName() const { return user_id ? "user:" + std::to_string(user_id) : "system"; }
};

}  // namespace jincai::service
