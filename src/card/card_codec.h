// A green card as text for a QR code, and its verification. The text is
//   "JC1:" + Base45( zlib( COSE_Sign1 envelope (cose_sign1.h) over the payload ) )
// in the manner of the EU Digital COVID Certificate ("HC1:"); "1" is the format version.
// Pure functions, safe to call from any number of threads at once.
//
// Verification gives one verdict, decided in this order:
//   malformed        the text is not a card at all: a prefix other than "JC1:", more
//                    than kMaxCardText characters, not Base45, not zlib, more than
//                    kMaxEnvelopeBytes once inflated, not CBOR, not the envelope, an
//                    algorithm other than EdDSA. Also, once the signature verifies, a
//                    payload that is not a version 1 payload (the issuer's fault, but
//                    still not a card).
//   unknown_key      the envelope names a key id the trust lookup does not know.
//   altered_payload  the signature does not verify, and the payload's SHA-256 differs
//                    from the digest in the signed protected header: the content was
//                    changed after signing.
//   bad_signature    the signature does not verify (or is not 64 bytes) although the
//                    payload matches the header's digest: a forged or damaged signature,
//                    the wrong key, or a header changed together with the payload.
//   not_yet_valid    signature good, today is before the issue date.
//   expired          signature good, today is after the expiry date.
//   valid            signature good, issued_on <= today <= expires_on.
// altered_payload vs bad_signature is a diagnosis for the person at the desk, not a
// security boundary: both are refusals, and a forger who also rewrites the digest gets
// bad_signature. The digest is unsigned evidence until the signature verifies, and it is
// computed only when the signature fails: what a good signature covers is the card.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "card/card_payload.h"
#include "common/result.h"

namespace jincai::card {

inline constexpr std::string_view kCardPrefix = "JC1:";
inline constexpr size_t kMaxCardText = 4096;      // characters, prefix included
inline constexpr size_t kMaxEnvelopeBytes = 8192;  // after inflating: a bound on zlib bombs

using CardPublicKey = std::array<uint8_t, 32>;  // Ed25519
using CardSecretKey = std::array<uint8_t, 64>;  // libsodium's form: the seed, then the public key
struct CardKeyPair {
  CardPublicKey public_key;
  CardSecretKey secret_key;
};

// The key pair a 32-byte seed determines (crypto_sign_seed_keypair): the same seed
// always gives the same keys, so tests and golden vectors can fix one.
CardKeyPair CardKeyPairFromSeed(const std::array<uint8_t, 32>& seed);

// The public key for a key id, or nullopt when the key id is not trusted.
using CardTrust = std::function<std::optional<CardPublicKey>(std::string_view key_id)>;

// The card's text. InvalidArgument when the payload breaks CheckCardPayload, the key
// id is not 1 to 64 bytes, or the envelope or text would exceed kMaxEnvelopeBytes or
// kMaxCardText (VerifyCard would refuse it): a card no verifier accepts is never
// issued. Deterministic: the same payload, key id and key give the same text (Ed25519
// signatures are).
Result<std::string> EncodeCard(const CardPayload& payload, std::string_view key_id, const CardSecretKey& secret_key);

enum class CardVerdictKind { kValid, kExpired, kNotYetValid, kBadSignature, kAlteredPayload, kUnknownKey, kMalformed };

// "valid", "expired", "not_yet_valid", "bad_signature", "altered_payload",
// "unknown_key", "malformed": stable names for logs and the API.
std::string_view CardVerdictName(CardVerdictKind kind);

struct CardVerdict {
  CardVerdictKind kind = CardVerdictKind::kMalformed;
  std::string reason;     // a sentence for the person checking the card, in English
  std::string reason_zh;  // the same sentence in Chinese
  std::string key_id;     // the envelope's key id once it was read, else empty
  // The payload when it decoded. Authentic only when SignatureVerified(): for
  // unknown_key, bad_signature and altered_payload it shows what the card claims.
  std::optional<CardPayload> payload;

  bool valid() const { return kind == CardVerdictKind::kValid; }
  bool SignatureVerified() const {
    return kind == CardVerdictKind::kValid || kind == CardVerdictKind::kExpired ||
           kind == CardVerdictKind::kNotYetValid;
  }
};

// The verdict on `text` (rules above) on `today`, in days since 1970-01-01 in the
// office's calendar. Never fails otherwise and never reads beyond its bounds, whatever
// the text; `trust` is called at most once.
CardVerdict VerifyCard(std::string_view text, const CardTrust& trust, int32_t today);

// The transport layers alone, for tools and tests that build envelopes by hand:
// zlib level 9, Base45 and the prefix; and back, with VerifyCard's limits and its
// malformed messages (English and Chinese).
std::string WrapCardEnvelope(std::string_view envelope);
Result<std::string> UnwrapCardText(std::string_view text);

}  // namespace jincai::card
