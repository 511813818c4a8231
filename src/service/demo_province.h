// The demo province of `jincai serve --demo`: employers of every kind, talents of every
// tier and of several nationalities with dossiers from the synthetic population,
// applications in every state a case can rest in, and one account per role. Created
// once through the same services users call (so it is audited like real work); a later
// start finds it and only prints the accounts again.
#pragma once

#include <string>
#include <vector>

#include "service/platform.h"

namespace jincai::service {

struct DemoAccount {
  std::string role, username, password;
};

struct DemoReport {
  bool created = false;  // false: the demo was there already
  std::vector<DemoAccount> accounts;
  int employers = 0, talents = 0, applications = 0;
};

// The demo's accounts share this password (printed by serve --demo; change it or use a
// fresh database for anything but a demonstration).
inline constexpr const char* kDemoPassword = "jincai-demo-2026";

Result<DemoReport> EnsureDemoProvince(store::Store& store, Platform& platform);

}  // namespace jincai::service
