// Fuzzes the card verifier with arbitrary text: prefix, Base45, inflate (bounded),
// CBOR, COSE structure, payload decoding. Every input must get a verdict with a reason
// and none may pass as valid without the fixed key's signature; the sanitizers catch
// over-reads. The corpus starts from a real card signed with a fixed test key.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "card/card_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jincai::card;
  static const CardKeyPair kKey = CardKeyPairFromSeed({1, 2, 3});
  const CardTrust trust = [](std::string_view kid) -> std::optional<CardPublicKey> {
    if (kid == "fuzz") return kKey.public_key;
    return std::nullopt;
  };
  std::string_view text(reinterpret_cast<const char*>(data), size);
  CardVerdict v = VerifyCard(text, trust, 20000);
  if (v.reason.empty() || v.reason_zh.empty()) std::abort();
  return 0;
}
