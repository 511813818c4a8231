// Offline card verification on one core beside its floor: the full VerifyCard
// (prefix, Base45, inflate, CBOR, COSE, Ed25519, payload, dates) against bare
// crypto_sign_verify_detached calls on a message of the same size as the card's signed
// structure, in the same run. Prints RESULT lines for bench/run. Target: VerifyCard at
// least 80% of the bare rate.
#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "card/card_codec.h"

using namespace jincai::card;
using Clock = std::chrono::steady_clock;

int main() {
  if (sodium_init() < 0) return 1;
  const CardKeyPair key = CardKeyPairFromSeed({7, 7, 7});
  CardPayload p;
  p.card_id = "GC-123456-3";
  p.holder_name = "Keller Anna Maria";
  p.document_digest = HolderDocumentDigest("passport", "DE", "C01X00T47");
  p.nationality = "DE";
  p.tier = "A";
  p.entitlements = {{"residence_choice", "¶11 \"can choose their own residence within Shanxi\""},
                    {"turnover_housing", "¶11 \"the employer is responsible for implementing the turnover house\""},
                    {"school_choice", "¶11 \"Relocated children can voluntarily choose primary and secondary schools\""},
                    {"residence_permit_5y", "¶12 \"a five-year valid residence permit at one time\""},
                    {"permanent_residence_priority", "¶12 \"priority for permanent residence\""}};
  p.issued_on = 20000;
  p.expires_on = 21826;
  p.policy_id = "shanxi-2017";
  p.policy_version = "1.0.0";
  auto text = EncodeCard(p, "k20261128-bench", key.secret_key);
  if (!text.ok()) return 1;
  const CardTrust trust = [&](std::string_view kid) -> std::optional<CardPublicKey> {
    if (kid == "k20261128-bench") return key.public_key;
    return std::nullopt;
  };
  // The bare floor: a message as long as the card's payload and protected header
  // together (what Ed25519 hashes for it), signed once, verified n times.
  auto envelope = UnwrapCardText(*text);
  const size_t msg_size = envelope.ok() ? envelope->size() : 400;
  std::vector<unsigned char> msg(msg_size, 'x'), sig(crypto_sign_BYTES);
  crypto_sign_detached(sig.data(), nullptr, msg.data(), msg.size(), key.secret_key.data());

  const int n = 20000;
  double best_card = 1e9, best_bare = 1e9;
  for (int round = 0; round < 5; ++round) {
    auto t0 = Clock::now();
    int ok = 0;
    for (int i = 0; i < n; ++i) ok += VerifyCard(*text, trust, 20500).valid();
    auto t1 = Clock::now();
    for (int i = 0; i < n; ++i)
      ok += crypto_sign_verify_detached(sig.data(), msg.data(), msg.size(), key.public_key.data()) == 0;
    auto t2 = Clock::now();
    if (ok != 2 * n) {
      std::fprintf(stderr, "verification failed\n");
      return 1;
    }
    best_card = std::min(best_card, std::chrono::duration<double>(t1 - t0).count() / n);
    best_bare = std::min(best_bare, std::chrono::duration<double>(t2 - t1).count() / n);
  }
  std::printf("RESULT card_text_chars %zu\n", text->size());
  std::printf("RESULT signed_bytes %zu\n", msg_size);
  std::printf("RESULT verify_card_us %.2f\n", best_card * 1e6);
  std::printf("RESULT bare_verify_us %.2f\n", best_bare * 1e6);
  std::printf("RESULT verify_card_per_s %.0f\n", 1 / best_card);
  std::printf("RESULT bare_verify_per_s %.0f\n", 1 / best_bare);
  std::printf("RESULT ratio_card_over_bare %.3f\n", best_bare / best_card);
  return 0;
}
