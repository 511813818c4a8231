// jincai keys generate|rotate|export-public [--dir DIR]: the card signing key ring
// (card/key_ring.h). generate makes the first key; rotate adds one and makes it current
// (cards signed by earlier keys still verify); export-public prints the trust list.
#include <cstdio>
#include <memory>

#include "card/key_ring.h"
#include "cli/cli_support.h"
#include "cli/commands.h"

namespace jincai::cli {
namespace {

card::KeyRing OrExit(Result<card::KeyRing> ring) {
  if (!ring.ok()) throw CommandExit{kExitBadInput, "jincai: " + ring.status().message()};
  return std::move(*ring);
}

}  // namespace

void SetupKeys(CLI::App& keys) {
  auto dir = std::make_shared<std::string>("data/keys");
  CLI::App* gen = keys.add_subcommand("generate", "Make the first signing key in the directory");
  gen->add_option("--dir", *dir, "Key directory (default data/keys)");
  gen->callback([dir] {
    RunCommand([&] {
      card::KeyRing ring = OrExit(card::KeyRing::Generate(*dir));
      std::printf("generated key %s in %s\n", ring.current().key_id.c_str(), dir->c_str());
    });
  });
  CLI::App* rot = keys.add_subcommand("rotate", "Add a signing key and make it current; earlier keys still verify");
  rot->add_option("--dir", *dir, "Key directory (default data/keys)");
  rot->callback([dir] {
    RunCommand([&] {
      card::KeyRing ring = OrExit(card::KeyRing::Rotate(*dir));
      std::printf("current key is now %s (%zu key(s) in %s)\n", ring.current().key_id.c_str(), ring.keys().size(),
                  dir->c_str());
    });
  });
  CLI::App* exp = keys.add_subcommand("export-public", "Print the trust list: every public key by key id (JSON)");
  exp->add_option("--dir", *dir, "Key directory (default data/keys)");
  exp->callback([dir] { RunCommand([&] { std::printf("%s\n", OrExit(card::KeyRing::Open(*dir)).TrustListJson().c_str()); }); });
}

}  // namespace jincai::cli
