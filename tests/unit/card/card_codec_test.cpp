// The card's text: a golden vector from a fixed key, the envelope's exact bytes, and
// the verdicts on cards that can be read — valid, expired, not_yet_valid,
// unknown_key, bad_signature, altered_payload — with the sentences people read.
// card_malformed_test.cpp has the texts that cannot be read.
#include "card/card_codec.h"

#include <gtest/gtest.h>

#include "card/cbor.h"
#include "card/cose_sign1.h"
#include "card_fixture.h"

namespace jincai::card {
namespace {

using testing::Hex;
using testing::Open;
using testing::Parts;
using testing::Seal;
using testing::SignAnything;
using testing::kKeyId;
using testing::SampleKeys;
using testing::SamplePayload;
using testing::TrustOnly;
using testing::Unhex;

// SamplePayload() signed by SampleKeys() under kKeyId. Checked apart from this code:
// Python's zlib and a Base45 decoder unwrap it to the same envelope, and OpenSSL
// verifies the signature over the Sig_structure (and signs it identically). If zlib
// ever deflates differently, kGoldenSignature (which does not depend on zlib) still
// pins the signed bytes; the text then needs a new pin, and old texts still verify.
constexpr std::string_view kGolden =
    "JC1:NCFOXNPE2Y3NDEAU-ORL5PCRWGO6W9+GO.MH*BA*:78ECYMQZL6TG5RSLZSGASEKM3:ZJ$ 3-3D JNUHG5%JZZN V2N*"
    "7FI1X3M2MC.YUU:G9L6A46WG6WI9C-6LEU$WHS3T3+G%U53LHEW59+59FN.S7N.6FAUME22NMP-CPAWIA4K-VJUJIOOY2A4R"
    "4738WR834NTZ84MV9PV5:OOIFIPUD+K5:OPB5$R9ZTR+.C%18DSM0IDK*O U1WVH$R1Q.3OS9-*6JTR3*B/OVCX6*/E7-78T"
    "N$*O62R/XDJ2OPVH80PYC3 MV6LUEC7AMP9LN8EF$R9TI9YX1SV6T6DLWN BW5*143277Q SS9*OYLHC$BEI6+V8N31FVHNI"
    "6.-V7U5EHK/0S21FT6QQ3D-M67/B3NR6H2IUMU0DG3WER9J*0*:JEM7H3LXVVFNO4KN1AN0:LNMVD6FD3U$TJ69W3I6R6WAZ"
    "0HB0513YOJ";
constexpr std::string_view kGoldenSignature =
    "d1be69b4fb1972b82f974c7d9ab9abccbb02f3a96988245a8caf1cb3dfeda4fd"
    "51bb971d9a1c857bf4c1779dddb506acb9e66d90db73d9614fba695afe195201";

const int32_t kFirstDay = CardDay(2026, 1, 1);
const int32_t kLastDay = CardDay(2028, 12, 31);

class CardCodec : public ::testing::Test {
 protected:
  CardKeyPair keys_ = SampleKeys();
  CardTrust trust_ = TrustOnly(kKeyId, keys_.public_key);
  std::string text_ = EncodeCard(SamplePayload(), kKeyId, keys_.secret_key).value();

  CardVerdict Check(std::string_view text, int32_t today = CardDay(2027, 6, 1)) { return VerifyCard(text, trust_, today); }
};

TEST_F(CardCodec, GoldenVector) {
  EXPECT_EQ(text_, kGolden);
  EXPECT_EQ(Hex(Open(text_).signature), kGoldenSignature);
  EXPECT_TRUE(text_.starts_with("JC1:"));
  EXPECT_EQ(EncodeCard(SamplePayload(), kKeyId, keys_.secret_key).value(), text_) << "encoding is deterministic";
  CardVerdict v = Check(kGolden);
  EXPECT_TRUE(v.valid()) << v.reason;
  EXPECT_EQ(v.payload, SamplePayload());
}

TEST_F(CardCodec, KeyPairFromSeedFollowsRfc8032) {
  // RFC 8032 §7.1, TEST 1.
  const std::string seed = Unhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  std::array<uint8_t, 32> s;
  std::copy(seed.begin(), seed.end(), s.begin());
  const CardKeyPair pair = CardKeyPairFromSeed(s);
  EXPECT_EQ(Hex(std::string_view(reinterpret_cast<const char*>(pair.public_key.data()), 32)),
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
}

TEST_F(CardCodec, EnvelopeBytes) {
  PayloadDigest d;
  d.fill(0x22);
  EXPECT_EQ(Hex(EncodeProtectedHeader("jc-2026-01", d)),
            Hex(Unhex("a3 0127 04 4a 6a632d323032362d3031 3a0001116f 5820" + std::string(64, '2'))));
  // ["Signature1", h'a0', h'', h'7879']
  EXPECT_EQ(Hex(SigStructure(Unhex("a0"), "xy")), "846a5369676e617475726531" "41a0" "40" "427879");
  EXPECT_EQ(Hex(EncodeCoseSign1(Unhex("a0"), "xy", "zz")), "d284" "41a0" "a0" "427879" "427a7a");
  const Parts p = Open(text_);
  EXPECT_EQ(p.payload, EncodeCardPayload(SamplePayload()));
  EXPECT_EQ(p.protected_header, EncodeProtectedHeader(kKeyId, DigestOfPayload(p.payload)));
}

TEST_F(CardCodec, ValidFromTheFirstDayToTheLastDay) {
  for (int32_t today : {kFirstDay, CardDay(2027, 6, 1), kLastDay}) {
    CardVerdict v = Check(text_, today);
    EXPECT_EQ(CardVerdictName(v.kind), "valid");
    EXPECT_TRUE(v.SignatureVerified());
  }
  CardVerdict v = Check(text_);
  EXPECT_EQ(v.reason, "The card is valid: signed with key jc-2026-01, valid from 2026-01-01 to 2028-12-31.");
  EXPECT_EQ(v.reason_zh, "证书有效：由密钥 jc-2026-01 签发，有效期 2026-01-01 至 2028-12-31。");
  EXPECT_EQ(v.key_id, "jc-2026-01");
  EXPECT_EQ(v.payload->holder_name, "李明");
}

TEST_F(CardCodec, ExpiredTheDayAfterTheLastDay) {
  CardVerdict v = Check(text_, kLastDay + 1);
  EXPECT_EQ(CardVerdictName(v.kind), "expired");
  EXPECT_EQ(v.reason, "The card has expired: it was valid until 2028-12-31 (today is 2029-01-01).");
  EXPECT_EQ(v.reason_zh, "证书已过期：有效期至 2028-12-31（今天是 2029-01-01）。");
  EXPECT_TRUE(v.SignatureVerified());
  EXPECT_EQ(v.payload, SamplePayload());
}

TEST_F(CardCodec, NotYetValidTheDayBeforeTheFirstDay) {
  CardVerdict v = Check(text_, kFirstDay - 1);
  EXPECT_EQ(CardVerdictName(v.kind), "not_yet_valid");
  EXPECT_EQ(v.reason, "The card is not valid yet: it is valid from 2026-01-01 (today is 2025-12-31).");
  EXPECT_EQ(v.reason_zh, "证书尚未生效：自 2026-01-01 起生效（今天是 2025-12-31）。");
  EXPECT_TRUE(v.SignatureVerified());
}

TEST_F(CardCodec, UnknownKey) {
  CardVerdict v = VerifyCard(text_, TrustOnly("jc-2025-09", keys_.public_key), kFirstDay);
  EXPECT_EQ(CardVerdictName(v.kind), "unknown_key");
  EXPECT_EQ(v.reason, "The card was signed with key jc-2026-01, which is not among the keys trusted here.");
  EXPECT_EQ(v.reason_zh, "此证书由密钥 jc-2026-01 签发，该密钥不在本处信任的密钥之中。");
  EXPECT_EQ(v.key_id, "jc-2026-01");
  EXPECT_EQ(v.payload, SamplePayload()) << "what the card claims, though unverified";
  EXPECT_FALSE(v.SignatureVerified());
  // A key id that is not printable is shown in hex.
  v = VerifyCard(SignAnything(EncodeCardPayload(SamplePayload()), keys_.secret_key, "\x01\xfe"), trust_, kFirstDay);
  EXPECT_EQ(v.reason, "The card was signed with key 0x01fe, which is not among the keys trusted here.");
}

TEST_F(CardCodec, BadSignatureWhenASignatureByteIsFlipped) {
  Parts p = Open(text_);
  p.signature[10] ^= 0x01;
  CardVerdict v = Check(Seal(p));
  EXPECT_EQ(CardVerdictName(v.kind), "bad_signature");
  EXPECT_EQ(v.reason,
            "The signature does not verify with key jc-2026-01: the card was not signed by that key, or its signature "
            "was damaged or forged.");
  EXPECT_EQ(v.reason_zh, "签名无法用密钥 jc-2026-01 验证：此证书不是由该密钥签发，或签名已损坏或被伪造。");
  EXPECT_EQ(v.payload, SamplePayload());
  EXPECT_FALSE(v.SignatureVerified());
}

TEST_F(CardCodec, BadSignatureWhenTheSignatureIsNot64Bytes) {
  Parts p = Open(text_);
  p.signature.pop_back();
  EXPECT_EQ(CardVerdictName(Check(Seal(p)).kind), "bad_signature");
  p.signature.clear();
  EXPECT_EQ(CardVerdictName(Check(Seal(p)).kind), "bad_signature");
}

TEST_F(CardCodec, BadSignatureFromAnotherKeyUnderTheSameKeyId) {
  std::array<uint8_t, 32> seed{};
  seed.fill(7);
  const std::string forged = EncodeCard(SamplePayload(), kKeyId, CardKeyPairFromSeed(seed).secret_key).value();
  EXPECT_EQ(CardVerdictName(Check(forged).kind), "bad_signature");
}

TEST_F(CardCodec, BadSignatureWhenTheDigestIsRewrittenWithThePayload) {
  // A forger who changes the payload and fixes the digest too: the header no longer
  // matches the signature, and nothing tells the two changes apart from a bad one.
  Parts p = Open(text_);
  CardPayload changed = SamplePayload();
  changed.tier = "A";
  p.payload = EncodeCardPayload(changed);
  p.protected_header = EncodeProtectedHeader(kKeyId, DigestOfPayload(p.payload));
  CardVerdict v = Check(Seal(p));
  EXPECT_EQ(CardVerdictName(v.kind), "bad_signature");
  EXPECT_EQ(v.payload->tier, "A");
}

TEST_F(CardCodec, AlteredPayloadWhenTheContentIsChangedAfterSigning) {
  Parts p = Open(text_);
  CardPayload changed = SamplePayload();
  changed.expires_on = CardDay(2038, 12, 31);
  p.payload = EncodeCardPayload(changed);
  CardVerdict v = Check(Seal(p));
  EXPECT_EQ(CardVerdictName(v.kind), "altered_payload");
  EXPECT_EQ(v.reason,
            "The card's content was changed after it was signed: it no longer matches the digest key jc-2026-01 signed.");
  EXPECT_EQ(v.reason_zh, "证书内容在签发后被改动：与密钥 jc-2026-01 签名的内容摘要不符。");
  EXPECT_EQ(v.payload, changed) << "shows what the altered card claims";
  EXPECT_FALSE(v.SignatureVerified());
}

TEST_F(CardCodec, AlteredPayloadWhenOnePayloadByteChanges) {
  Parts p = Open(text_);
  const size_t at = p.payload.find("000123");
  ASSERT_NE(at, std::string::npos);
  p.payload[at + 5] = '4';  // JC-2026-000123 -> JC-2026-000124
  CardVerdict v = Check(Seal(p));
  EXPECT_EQ(CardVerdictName(v.kind), "altered_payload");
  EXPECT_EQ(v.payload->card_id, "JC-2026-000124");
  // A change that leaves no readable payload is still an altered payload.
  p.payload[0] = '\x80';
  v = Check(Seal(p));
  EXPECT_EQ(CardVerdictName(v.kind), "altered_payload");
  EXPECT_FALSE(v.payload.has_value());
}

TEST_F(CardCodec, EncodeRefusesWhatNoVerifierWouldAccept) {
  CardPayload p = SamplePayload();
  p.nationality = "China";
  EXPECT_EQ(EncodeCard(p, kKeyId, keys_.secret_key).status().field(), "card.nationality");
  EXPECT_EQ(EncodeCard(SamplePayload(), "", keys_.secret_key).status().message(),
            "a card's key id has 1 to 64 bytes, this one has 0");
  EXPECT_FALSE(EncodeCard(SamplePayload(), std::string(65, 'k'), keys_.secret_key).ok());
  EXPECT_TRUE(EncodeCard(SamplePayload(), std::string(64, 'k'), keys_.secret_key).ok());
  p = SamplePayload();
  p.entitlements.push_back({"long", std::string(9000, 'a')});  // compresses well, but too big to inflate
  EXPECT_TRUE(EncodeCard(p, kKeyId, keys_.secret_key).status().message().starts_with("the card's envelope would be "));
  p = SamplePayload();
  // Random text hardly compresses: 4000 characters of it cannot fit in 4096 of Base45.
  std::string noise;
  uint32_t x = 1;
  for (int i = 0; i < 4000; ++i) noise += static_cast<char>('!' + ((x = x * 1103515245 + 12345) >> 16) % 90);
  p.entitlements.push_back({"long", noise});
  Result<std::string> r = EncodeCard(p, kKeyId, keys_.secret_key);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.status().message().starts_with("the card would be ")) << r.status().message();
  EXPECT_TRUE(r.status().message().ends_with("characters long, more than the 4096 a verifier reads: shorten the "
                                             "entitlements' clauses"));
}

TEST_F(CardCodec, VerdictNames) {
  EXPECT_EQ(CardVerdictName(CardVerdictKind::kValid), "valid");
  EXPECT_EQ(CardVerdictName(CardVerdictKind::kExpired), "expired");
  EXPECT_EQ(CardVerdictName(CardVerdictKind::kNotYetValid), "not_yet_valid");
  EXPECT_EQ(CardVerdictName(CardVerdictKind::kBadSignature), "bad_signature");
  EXPECT_EQ(CardVerdictName(CardVerdictKind::kAlteredPayload), "altered_payload");
  EXPECT_EQ(CardVerdictName(CardVerdictKind::kUnknownKey), "unknown_key");
  EXPECT_EQ(CardVerdictName(CardVerdictKind::kMalformed), "malformed");
}

}  // namespace
}  // namespace jincai::card
