// Texts that are not readable cards, each with the sentence the verifier gives: the
// prefix, the text's length, Base45, zlib (damage, truncation, bombs), CBOR, the
// envelope's structure and algorithm, and a signed payload that is not a card's.
#include <gtest/gtest.h>

#include "card/base45.h"
#include "card/card_codec.h"
#include "card/cbor.h"
#include "card/cose_sign1.h"
#include "card_fixture.h"

namespace jincai::card {
namespace {

using testing::kKeyId;
using testing::Open;
using testing::Parts;
using testing::SampleKeys;
using testing::SamplePayload;
using testing::Seal;
using testing::SignAnything;
using testing::TrustOnly;
using testing::Unhex;

class CardMalformed : public ::testing::Test {
 protected:
  CardKeyPair keys_ = SampleKeys();
  CardTrust trust_ = TrustOnly(kKeyId, keys_.public_key);
  std::string text_ = EncodeCard(SamplePayload(), kKeyId, keys_.secret_key).value();

  CardVerdict Check(std::string_view text) { return VerifyCard(text, trust_, CardDay(2027, 6, 1)); }
  std::string MalformedReason(std::string_view text) {
    CardVerdict v = Check(text);
    EXPECT_EQ(CardVerdictName(v.kind), "malformed");
    EXPECT_FALSE(v.reason_zh.empty());
    return v.reason;
  }
};

TEST_F(CardMalformed, Prefix) {
  EXPECT_EQ(MalformedReason("HC1:" + text_.substr(4)),
            "This is not a readable card: the text does not start with JC1: and is not a Jincai card.");
  EXPECT_EQ(MalformedReason(""), "This is not a readable card: the text does not start with JC1: and is not a Jincai card.");
  EXPECT_EQ(MalformedReason("jc1:" + text_.substr(4)),
            "This is not a readable card: the text does not start with JC1: and is not a Jincai card.");
  EXPECT_EQ(MalformedReason("JC2:" + text_.substr(4)),
            "This is not a readable card: the card is in format 2, which this version does not read (it reads JC1).");
  EXPECT_EQ(Check("JC2:" + text_.substr(4)).reason_zh, "无法读取此证书：证书格式版本为 2，本版本只能读取 JC1。");
}

TEST_F(CardMalformed, Base45) {
  std::string bad = text_;
  bad[10] = 'a';
  EXPECT_EQ(MalformedReason(bad),
            "This is not a readable card: after JC1:, Base45: the character at position 6 ('a') is not in the Base45 "
            "alphabet.");
  EXPECT_EQ(Check(bad).reason_zh, "无法读取此证书：JC1: 之后，Base45：第 6 个位置的字符（'a'）不在 Base45 字母表中。");
  EXPECT_EQ(MalformedReason(text_ + "\n"),
            "This is not a readable card: after JC1:, Base45: the character at position " +
                std::to_string(text_.size() - 4) + " (byte 0x0A) is not in the Base45 alphabet.");
}

TEST_F(CardMalformed, WhenTruncated) {
  EXPECT_EQ(MalformedReason(text_.substr(0, text_.size() - 3)),
            "This is not a readable card: the compressed data is cut short.");
  for (size_t cut = 0; cut < text_.size(); ++cut) ASSERT_EQ(CardVerdictName(Check(text_.substr(0, cut)).kind), "malformed");
}

TEST_F(CardMalformed, WhenTooLong) {
  EXPECT_EQ(MalformedReason("JC1:" + std::string(4093, '0')),
            "This is not a readable card: the text is 4097 characters long, more than a card's 4096.");
  EXPECT_EQ(MalformedReason("JC1:" + std::string(1 << 20, '0')),
            "This is not a readable card: the text is 1048580 characters long, more than a card's 4096.");
}

TEST_F(CardMalformed, ZlibBomb) {
  // 1 MiB of zeros deflates to about 1 KiB: a short text that would inflate hugely.
  const std::string bomb = WrapCardEnvelope(std::string(1 << 20, '\0'));
  ASSERT_LE(bomb.size(), kMaxCardText);
  EXPECT_EQ(MalformedReason(bomb), "This is not a readable card: the card inflates to more than 8192 bytes.");
  // Exactly at the bound inflates (and then is no envelope).
  EXPECT_EQ(MalformedReason(WrapCardEnvelope(std::string(kMaxEnvelopeBytes, '\0'))),
            "This is not a readable card: COSE_Sign1: CBOR: 8191 bytes follow the item that should be the whole input at "
            "byte 1.");
}

TEST_F(CardMalformed, Compression) {
  EXPECT_EQ(MalformedReason("JC1:" + Base45Encode("not zlib at all")),
            "This is not a readable card: the compressed data is damaged (zlib: incorrect header check).");
  std::string deflated = Base45Decode(text_.substr(4)).value();
  deflated[deflated.size() - 1] ^= 1;  // the Adler-32 checksum
  EXPECT_EQ(MalformedReason("JC1:" + Base45Encode(deflated)),
            "This is not a readable card: the compressed data is damaged (zlib: incorrect data check).");
  deflated[deflated.size() - 1] ^= 1;
  EXPECT_EQ(MalformedReason("JC1:" + Base45Encode(deflated + "x")),
            "This is not a readable card: the compressed data is followed by other bytes.");
}

TEST_F(CardMalformed, Cbor) {
  EXPECT_EQ(MalformedReason(WrapCardEnvelope(Unhex("ff"))),
            "This is not a readable card: COSE_Sign1: CBOR: a break (0xFF) outside an indefinite-length item is not "
            "accepted at byte 0.");
  EXPECT_EQ(MalformedReason(WrapCardEnvelope(Unhex("d2 84 40 a0 40"))),
            "This is not a readable card: COSE_Sign1: CBOR: an array of 4 elements cannot fit in the 3 bytes that remain "
            "at byte 1.");
}

TEST_F(CardMalformed, Envelope) {
  const Parts p = Open(text_);
  auto envelope = [](auto write) {
    CborWriter w;
    write(w);
    return WrapCardEnvelope(w.bytes());
  };
  EXPECT_EQ(MalformedReason(envelope([&](CborWriter& w) {
              w.Array(4).Bytes(p.protected_header).Map(0).Bytes(p.payload).Bytes(p.signature);
            })),
            "This is not a readable card: COSE_Sign1: the envelope must be tagged 18 (COSE_Sign1).");
  EXPECT_EQ(MalformedReason(envelope([&](CborWriter& w) {
              w.Tag(18).Array(3).Bytes(p.protected_header).Map(0).Bytes(p.payload);
            })),
            "This is not a readable card: COSE_Sign1: the envelope must be an array of four items.");
  EXPECT_EQ(MalformedReason(envelope([&](CborWriter& w) {
              w.Tag(18).Array(4).Bytes(p.protected_header).Map(0).Text("payload").Bytes(p.signature);
            })),
            "This is not a readable card: COSE_Sign1: the envelope must be [protected bstr, unprotected map, payload "
            "bstr, signature bstr].");
  EXPECT_EQ(MalformedReason(envelope([&](CborWriter& w) {
              w.Tag(18).Array(4).Bytes(p.protected_header).Map(1).Int(4).Bytes("jc-2025-09").Bytes(p.payload).Bytes(
                  p.signature);
            })),
            "This is not a readable card: COSE_Sign1: the unprotected header must be empty (nothing unsigned is "
            "trusted).");
  EXPECT_EQ(Check(Seal({"\x80", p.payload, p.signature})).reason_zh,
            "无法读取此证书：签名信封（COSE_Sign1）：受保护头部应恰好为 {1: 算法, 4: 密钥编号, -70000: 内容摘要}。");
}

TEST_F(CardMalformed, ProtectedHeader) {
  const Parts p = Open(text_);
  const std::string digest(32, '\x01');
  auto with_header = [&](auto write) {
    CborMapWriter map;
    write(map);
    CborWriter w;
    std::move(map).WriteTo(w);
    return Seal({w.bytes(), p.payload, p.signature});
  };
  EXPECT_EQ(MalformedReason(with_header([&](CborMapWriter& m) {
              m.Entry(1).Int(-7);  // ES256
              m.Entry(4).Bytes(kKeyId);
              m.Entry(-70000).Bytes(digest);
            })),
            "This is not a readable card: COSE_Sign1: the algorithm is -7, not EdDSA (-8).");
  EXPECT_EQ(MalformedReason(with_header([&](CborMapWriter& m) {
              m.Entry(1).Text("EdDSA");
              m.Entry(4).Bytes(kKeyId);
              m.Entry(-70000).Bytes(digest);
            })),
            "This is not a readable card: COSE_Sign1: the algorithm is not an integer, not EdDSA (-8).");
  EXPECT_EQ(MalformedReason(with_header([&](CborMapWriter& m) {
              m.Entry(1).Int(-8);
              m.Entry(4).Bytes("");
              m.Entry(-70000).Bytes(digest);
            })),
            "This is not a readable card: COSE_Sign1: the key id must be a byte string of 1 to 64 bytes.");
  EXPECT_EQ(MalformedReason(with_header([&](CborMapWriter& m) {
              m.Entry(1).Int(-8);
              m.Entry(4).Bytes(kKeyId);
              m.Entry(-70000).Bytes(digest.substr(1));
            })),
            "This is not a readable card: COSE_Sign1: the payload digest must be a byte string of 32 bytes.");
  const std::string extra = "This is not a readable card: COSE_Sign1: the protected header must be exactly {1: alg, 4: "
                            "kid, -70000: payload digest}.";
  EXPECT_EQ(MalformedReason(with_header([&](CborMapWriter& m) {
              m.Entry(1).Int(-8);
              m.Entry(4).Bytes(kKeyId);
            })),
            extra);
  EXPECT_EQ(MalformedReason(with_header([&](CborMapWriter& m) {
              m.Entry(1).Int(-8);
              m.Entry(3).Text("application/cbor");
              m.Entry(4).Bytes(kKeyId);
              m.Entry(-70000).Bytes(digest);
            })),
            extra);
  EXPECT_EQ(MalformedReason(Seal({"", p.payload, p.signature})),
            "This is not a readable card: COSE_Sign1: the protected header is not valid: CBOR: the input ends where an "
            "item should start at byte 0.");
}

TEST_F(CardMalformed, WhenTheIssuerSignedSomethingElse) {
  // Correctly signed, but not a version 1 payload: the signature is fine, the card is not.
  CardVerdict v = Check(SignAnything(Unhex("a0"), keys_.secret_key));
  EXPECT_EQ(CardVerdictName(v.kind), "malformed");
  EXPECT_EQ(v.reason, "This is not a readable card: card payload: card_id is missing.");
  EXPECT_EQ(v.reason_zh, "无法读取此证书：证书内容：卡号缺失。");
  EXPECT_EQ(v.key_id, "jc-2026-01");
  EXPECT_FALSE(v.payload.has_value());
}

}  // namespace
}  // namespace jincai::card
