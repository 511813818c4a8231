// Issuing and verifying the card's text. The verify path copies little: the text is
// decoded once into the envelope bytes, the envelope is parsed in place, and the only
// other buffer is the Sig_structure the signature covers; its cost is the Ed25519
// verification (crypto_sign_verify_detached).
#include "card/card_codec.h"

#include <sodium.h>
#include <zlib.h>

#include "card/base45.h"
#include "card/cose_sign1.h"

namespace jincai::card {
namespace {

constexpr size_t kSignatureBytes = crypto_sign_BYTES;
static_assert(sizeof(CardPublicKey) == crypto_sign_PUBLICKEYBYTES);
static_assert(sizeof(CardSecretKey) == crypto_sign_SECRETKEYBYTES);

// libsodium asks for sodium_init() before use; it is idempotent and thread-safe.
void EnsureSodium() {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
}

Status Malformed(const std::string& en, const std::string& zh) { return Status::InvalidArgument(en).Zh(zh); }

// The key id as people can read it: printable ASCII as it is, anything else in hex.
std::string KeyIdText(std::string_view kid) {
  bool printable = true;
  for (char c : kid) printable = printable && c >= 0x21 && c < 0x7f;
  if (printable) return std::string(kid);
  static const char kHex[] = "0123456789abcdef";
  std::string hex = "0x";
  for (char c : kid) hex += {kHex[static_cast<uint8_t>(c) >> 4], kHex[static_cast<uint8_t>(c) & 15]};
  return hex;
}

// Inflates a zlib stream into at most kMaxEnvelopeBytes: the output buffer is fixed,
// so a small text that inflates to gigabytes stops at the bound.
Result<std::string> Inflate(std::string_view in) {
  unsigned char out[kMaxEnvelopeBytes + 1];
  z_stream zs{};
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = out;
  zs.avail_out = sizeof out;
  if (inflateInit(&zs) != Z_OK) return Status::Internal("zlib could not initialise");
  const int rc = inflate(&zs, Z_FINISH);
  const size_t produced = sizeof out - zs.avail_out;
  const bool trailing = zs.avail_in != 0;
  const char* zlib_says = zs.msg;  // zlib's messages are static strings
  inflateEnd(&zs);
  if (rc == Z_STREAM_END && produced <= kMaxEnvelopeBytes && !trailing)
    return std::string(reinterpret_cast<char*>(out), produced);
  if (produced > kMaxEnvelopeBytes)
    return Malformed("the card inflates to more than " + std::to_string(kMaxEnvelopeBytes) + " bytes",
                     "证书解压后超过 " + std::to_string(kMaxEnvelopeBytes) + " 字节");
  if (rc == Z_STREAM_END)
    return Malformed("the compressed data is followed by other bytes", "压缩数据之后还有多余的字节");
  if (rc == Z_BUF_ERROR)
    return Malformed("the compressed data is cut short", "压缩数据不完整（被截断）");
  const std::string why = zlib_says ? zlib_says : "error " + std::to_string(rc);
  return Malformed("the compressed data is damaged (zlib: " + why + ")", "压缩数据已损坏（zlib：" + why + "）");
}

CardVerdict Verdict(CardVerdictKind kind, std::string en, std::string zh) {
  CardVerdict v;
  v.kind = kind;
  v.reason = std::move(en);
  v.reason_zh = std::move(zh);
  return v;
}

}  // namespace

CardKeyPair CardKeyPairFromSeed(const std::array<uint8_t, 32>& seed) {
  EnsureSodium();
  CardKeyPair pair;
  crypto_sign_seed_keypair(pair.public_key.data(), pair.secret_key.data(), seed.data());
  return pair;
}

std::string WrapCardEnvelope(std::string_view envelope) {
  uLongf size = compressBound(static_cast<uLong>(envelope.size()));
  std::string deflated(size, '\0');
  // compress2 fails only for lack of memory or room, and compressBound gives the room.
  compress2(reinterpret_cast<Bytef*>(deflated.data()), &size, reinterpret_cast<const Bytef*>(envelope.data()),
            static_cast<uLong>(envelope.size()), 9);
  deflated.resize(size);
  return std::string(kCardPrefix) + Base45Encode(deflated);
}

Result<std::string> UnwrapCardText(std::string_view text) {
  if (text.size() > kMaxCardText)
    return Malformed("the text is " + std::to_string(text.size()) + " characters long, more than a card's " +
                         std::to_string(kMaxCardText),
                     "文本长 " + std::to_string(text.size()) + " 个字符，超过证书上限 " + std::to_string(kMaxCardText));
  if (!text.starts_with(kCardPrefix)) {
    if (text.starts_with("JC") && text.find(':') != std::string_view::npos && text.find(':') < 8)
      return Malformed("the card is in format " + std::string(text.substr(2, text.find(':') - 2)) +
                           ", which this version does not read (it reads JC1)",
                       "证书格式版本为 " + std::string(text.substr(2, text.find(':') - 2)) + "，本版本只能读取 JC1");
    return Malformed("the text does not start with JC1: and is not a Jincai card", "文本不以 JC1: 开头，不是金才证书");
  }
  Result<std::string> deflated = Base45Decode(text.substr(kCardPrefix.size()));
  if (!deflated.ok()) {
    // Base45 positions count from the first character after the prefix.
    return Malformed("after JC1:, " + deflated.status().message(), "JC1: 之后，" + deflated.status().message_zh());
  }
  return Inflate(*deflated);
}

Result<std::string> EncodeCard(const CardPayload& payload, std::string_view key_id, const CardSecretKey& secret_key) {
  EnsureSodium();
  JINCAI_RETURN_IF_ERROR(CheckCardPayload(payload));
  if (key_id.empty() || key_id.size() > kMaxKeyIdBytes)
    return Status::InvalidArgument("a card's key id has 1 to 64 bytes, this one has " + std::to_string(key_id.size()))
        .Field("card.key_id")
        .Zh("证书的密钥编号应为 1 至 64 字节，此编号为 " + std::to_string(key_id.size()) + " 字节");
  const std::string cbor = EncodeCardPayload(payload);
  const std::string protected_header = EncodeProtectedHeader(key_id, DigestOfPayload(cbor));
  const std::string signed_bytes = SigStructure(protected_header, cbor);
  std::string signature(kSignatureBytes, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(signed_bytes.data()), signed_bytes.size(),
                       secret_key.data());
  const std::string envelope = EncodeCoseSign1(protected_header, cbor, signature);
  std::string text = WrapCardEnvelope(envelope);
  if (envelope.size() > kMaxEnvelopeBytes)
    return Status::InvalidArgument("the card's envelope would be " + std::to_string(envelope.size()) +
                                   " bytes, more than the " + std::to_string(kMaxEnvelopeBytes) +
                                   " a verifier inflates: shorten the entitlements' clauses")
        .Zh("证书信封将有 " + std::to_string(envelope.size()) + " 字节，超过验证方可解压的 " +
            std::to_string(kMaxEnvelopeBytes) + " 字节：请缩短权益条款");
  if (text.size() > kMaxCardText)
    return Status::InvalidArgument("the card would be " + std::to_string(text.size()) +
                                   " characters long, more than the " + std::to_string(kMaxCardText) +
                                   " a verifier reads: shorten the entitlements' clauses")
        .Zh("证书将长达 " + std::to_string(text.size()) + " 个字符，超过验证方可读取的 " + std::to_string(kMaxCardText) +
            " 个：请缩短权益条款");
  return text;
}

std::string_view CardVerdictName(CardVerdictKind kind) {
  switch (kind) {
    case CardVerdictKind::kValid: return "valid";
    case CardVerdictKind::kExpired: return "expired";
    case CardVerdictKind::kNotYetValid: return "not_yet_valid";
    case CardVerdictKind::kBadSignature: return "bad_signature";
    case CardVerdictKind::kAlteredPayload: return "altered_payload";
    case CardVerdictKind::kUnknownKey: return "unknown_key";
    case CardVerdictKind::kMalformed: return "malformed";
  }
  return "malformed";
}

CardVerdict VerifyCard(std::string_view text, const CardTrust& trust, int32_t today) {
  EnsureSodium();
  using K = CardVerdictKind;
  auto malformed = [](const Status& s) {
    return Verdict(K::kMalformed, "This is not a readable card: " + s.message() + ".",
                   "无法读取此证书：" + s.message_zh() + "。");
  };
  Result<std::string> envelope = UnwrapCardText(text);
  if (!envelope.ok()) return malformed(envelope.status());
  Result<CoseSign1> cose = ParseCoseSign1(*envelope);
  if (!cose.ok()) return malformed(cose.status());
  const CoseSign1& env = *cose;
  const std::string kid = KeyIdText(env.key_id);
  // Decoded before the signature is checked so that every verdict can show what the
  // card claims; VerifyCard says which verdicts make it authentic.
  Result<CardPayload> payload = DecodeCardPayload(env.payload);
  auto with = [&](CardVerdict v) {
    v.key_id = std::string(env.key_id);
    if (payload.ok()) v.payload = std::move(payload).value();
    return v;
  };

  const std::optional<CardPublicKey> key = trust(env.key_id);
  if (!key)
    return with(Verdict(K::kUnknownKey, "The card was signed with key " + kid + ", which is not among the keys trusted here.",
                        "此证书由密钥 " + kid + " 签发，该密钥不在本处信任的密钥之中。"));

  bool verified = false;
  if (env.signature.size() == kSignatureBytes) {
    const std::string signed_bytes = SigStructure(env.protected_header, env.payload);
    verified = crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(env.signature.data()),
                                           reinterpret_cast<const unsigned char*>(signed_bytes.data()),
                                           signed_bytes.size(), key->data()) == 0;
  }
  // Only a failed signature needs the digest: to tell an altered payload from a bad signature.
  auto digest_matches = [&] {
    const PayloadDigest digest = DigestOfPayload(env.payload);
    return std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()) == env.payload_digest;
  };
  if (!verified && !digest_matches())
    return with(Verdict(K::kAlteredPayload,
                        "The card's content was changed after it was signed: it no longer matches the digest key " +
                            kid + " signed.",
                        "证书内容在签发后被改动：与密钥 " + kid + " 签名的内容摘要不符。"));
  if (!verified)
    return with(Verdict(K::kBadSignature,
                        "The signature does not verify with key " + kid +
                            ": the card was not signed by that key, or its signature was damaged or forged.",
                        "签名无法用密钥 " + kid + " 验证：此证书不是由该密钥签发，或签名已损坏或被伪造。"));
  // Signed, so this can only be the issuer's own mistake.
  if (!payload.ok()) return with(malformed(payload.status()));

  const CardPayload& p = *payload;
  const std::string from = CardDayText(p.issued_on), until = CardDayText(p.expires_on), now = CardDayText(today);
  if (today < p.issued_on)
    return with(Verdict(K::kNotYetValid, "The card is not valid yet: it is valid from " + from + " (today is " + now + ").",
                        "证书尚未生效：自 " + from + " 起生效（今天是 " + now + "）。"));
  if (today > p.expires_on)
    return with(Verdict(K::kExpired, "The card has expired: it was valid until " + until + " (today is " + now + ").",
                        "证书已过期：有效期至 " + until + "（今天是 " + now + "）。"));
  return with(Verdict(K::kValid, "The card is valid: signed with key " + kid + ", valid from " + from + " to " + until + ".",
                      "证书有效：由密钥 " + kid + " 签发，有效期 " + from + " 至 " + until + "。"));
}

}  // namespace jincai::card
