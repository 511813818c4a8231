// What the card tests share: a sample payload, a key pair from a fixed seed, a trust
// lookup that knows only that key, opening and resealing envelopes, and hex.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include <sodium.h>

#include "card/card_codec.h"
#include "card/card_payload.h"
#include "card/cose_sign1.h"

namespace jincai::card::testing {

inline constexpr std::string_view kKeyId = "jc-2026-01";

inline CardPayload SamplePayload() {
  CardPayload p;
  p.card_id = "JC-2026-000123";
  p.holder_name = "李明";
  p.document_digest = HolderDocumentDigest("resident_id", "CN", "11010519491231002X");
  p.nationality = "CN";
  p.tier = "B";
  p.entitlements = {{"housing_subsidy", "晋政发〔2017〕32号 第三条第二款"},
                    {"school_placement", "晋政发〔2017〕32号 第五条"}};
  p.issued_on = CardDay(2026, 1, 1);
  p.expires_on = CardDay(2028, 12, 31);
  p.policy_id = "shanxi-2017";
  p.policy_version = "3";
  return p;
}

// Seed bytes 0, 1, ..., 31: a fixed key, so signatures (Ed25519 is deterministic)
// and the card text are fixed too.
inline CardKeyPair SampleKeys() {
  std::array<uint8_t, 32> seed;
  for (size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<uint8_t>(i);
  return CardKeyPairFromSeed(seed);
}

inline CardTrust TrustOnly(std::string_view key_id, const CardPublicKey& key) {
  return [id = std::string(key_id), key](std::string_view asked) -> std::optional<CardPublicKey> {
    if (asked == id) return key;
    return std::nullopt;
  };
}

inline std::string Hex(std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (char c : bytes) out += {kHex[static_cast<uint8_t>(c) >> 4], kHex[static_cast<uint8_t>(c) & 15]};
  return out;
}

// Spaces are ignored, so expected bytes can be grouped by item.
inline std::string Unhex(std::string_view hex) {
  auto v = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string digits, out;
  for (char c : hex)
    if (c != ' ') digits += c;
  for (size_t i = 0; i + 1 < digits.size(); i += 2) out += static_cast<char>(v(digits[i]) * 16 + v(digits[i + 1]));
  return out;
}

// An envelope's three byte strings: open a card, change one, seal it again.
struct Parts {
  std::string protected_header, payload, signature;
};

inline Parts Open(std::string_view text) {
  const std::string envelope = UnwrapCardText(text).value();
  const CoseSign1 cose = ParseCoseSign1(envelope).value();
  return {std::string(cose.protected_header), std::string(cose.payload), std::string(cose.signature)};
}

inline std::string Seal(const Parts& p) { return WrapCardEnvelope(EncodeCoseSign1(p.protected_header, p.payload, p.signature)); }

// A correctly signed card around any payload bytes, as a careless issuer could make.
inline std::string SignAnything(std::string_view payload, const CardSecretKey& sk, std::string_view kid = kKeyId) {
  Parts p;
  p.payload = std::string(payload);
  p.protected_header = EncodeProtectedHeader(kid, DigestOfPayload(payload));
  const std::string signed_bytes = SigStructure(p.protected_header, p.payload);
  p.signature.resize(crypto_sign_BYTES);
  crypto_sign_detached(reinterpret_cast<unsigned char*>(p.signature.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(signed_bytes.data()), signed_bytes.size(), sk.data());
  return Seal(p);
}

}  // namespace jincai::card::testing
