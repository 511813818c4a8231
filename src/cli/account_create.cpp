// jincai account create --username U --role R [--display-name N] [--employer-id ID]:
// creates an account from the command line (the first admin of a new installation,
// for one). The password is read from standard input (one line), never from a flag,
// so that it does not land in the shell's history or the process list.
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/store_support.h"
#include "service/credentials.h"
#include "service/platform.h"

namespace jincai::cli {
namespace {

struct AccountOptions {
  std::string db = kDefaultDbUrl;
  std::string username, role, display_name;
  int64_t employer_id = 0;
};

void RunAccountCreate(const AccountOptions& o) {
  auto store = OpenStoreOrExit(o.db, /*create=*/true);
  if (auto m = store->Migrate(); !m.ok()) throw CommandExit{kExitBadInput, "jincai: " + m.status().message()};
  if (auto st = service::InitCredentials(); !st.ok()) throw CommandExit{kExitBadInput, "jincai: " + st.message()};
  std::string password;
  if (!std::getline(std::cin, password)) throw CommandExit{kExitUsage, "jincai: give the password on standard input"};
  if (!password.empty() && password.back() == '\r') password.pop_back();
  service::Platform platform(*store);
  service::NewAccount a{o.username, password, o.display_name.empty() ? o.username : o.display_name, o.role,
                        o.employer_id ? std::optional<int64_t>(o.employer_id) : std::nullopt};
  auto id = platform.accounts.CreateAccount(service::Actor::System(), a);
  if (!id.ok()) {
    std::string field = id.status().field().empty() ? "" : id.status().field() + ": ";
    throw CommandExit{kExitBadInput, "jincai: " + field + id.status().message()};
  }
  std::printf("created account %lld: %s (%s)\n", static_cast<long long>(*id), o.username.c_str(), o.role.c_str());
}

}  // namespace

void SetupAccountCreate(CLI::App& account) {
  auto o = std::make_shared<AccountOptions>();
  CLI::App* cmd = account.add_subcommand("create", "Create an account; the password is read from standard input");
  cmd->add_option("--db", o->db, kDbFlagHelp);
  cmd->add_option("--username", o->username, "User name: 3 to 64 of a-z 0-9 . _ -")->required();
  cmd->add_option("--role", o->role, "admin, officer, policy_analyst, employer_admin or employer_staff")->required();
  cmd->add_option("--display-name", o->display_name, "Name shown in the platform (default: the user name)");
  cmd->add_option("--employer-id", o->employer_id, "The employer of an employer_admin or employer_staff account");
  cmd->callback([o] { RunCommand([&] { RunAccountCreate(*o); }); });
}

}  // namespace jincai::cli
