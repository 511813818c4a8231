// The office's signing keys: a directory of Ed25519 seeds, one file per key id
// (KID.key, 64 hex characters, mode 0600), and `current` naming the key new cards are
// signed with. Rotation adds a key and makes it current; earlier keys stay, so cards
// they signed still verify until they expire. The directory lives outside the
// database; a key file that others can read is refused.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "card/card_codec.h"
#include "common/result.h"

namespace jincai::card {

struct RingKey {
  std::string key_id;
  CardKeyPair pair;
};

class KeyRing {
 public:
  // Loads every key. NotFound when `dir` has no key; InvalidArgument naming the file
  // when a key file is readable or writable by group or others, or malformed.
  static Result<KeyRing> Open(const std::string& dir);
  // Creates `dir` (mode 0700) and its first key when it has none; Conflict when it has.
  static Result<KeyRing> Generate(const std::string& dir);
  // Adds a new key to an existing ring and makes it current.
  static Result<KeyRing> Rotate(const std::string& dir);

  const RingKey& current() const { return keys_.at(current_); }
  const std::map<std::string, RingKey>& keys() const { return keys_; }
  // The trust callback VerifyCard takes: every key of the ring.
  CardTrust Trust() const;
  // The public trust list: {"keys":[{"kid":...,"alg":"EdDSA","public_key":"<hex>","current":bool}]}.
  std::string TrustListJson() const;

 private:
  std::map<std::string, RingKey> keys_;
  std::string current_;
};

// Parses a trust list written by TrustListJson (for offline verification).
Result<std::map<std::string, CardPublicKey>> ParseTrustList(const std::string& json);

}  // namespace jincai::card
