// The card payload: its deterministic bytes written out by hand, round trips, the
// document digest, day numbers, and each decoding refusal with its field and message.
#include "card/card_payload.h"

#include <gtest/gtest.h>

#include "card/cbor.h"
#include "card_fixture.h"

namespace jincai::card {
namespace {

using testing::Hex;
using testing::SamplePayload;
using testing::Unhex;

// The sample payload's CBOR with the value under `key` replaced by `raw` (an encoded
// item), or removed when `raw` is nullopt; added when the key was not there.
std::string WithEntry(int64_t key, std::optional<std::string> raw, const CardPayload& p = SamplePayload()) {
  const std::string cbor = EncodeCardPayload(p);
  const CborItem map = ParseCbor(cbor).value();
  CborMapWriter out;
  bool found = false;
  for (size_t k = 0; k < map.items.size(); k += 2) {
    const int64_t at = *map.items[k].AsInt();
    if (at != key) {
      out.Entry(at).Raw(map.items[k + 1].encoded);
    } else {
      found = true;
      if (raw) out.Entry(at).Raw(*raw);
    }
  }
  if (!found && raw) out.Entry(key).Raw(*raw);
  CborWriter w;
  std::move(out).WriteTo(w);
  return std::move(w).Release();
}

Status DecodeError(const std::string& cbor) {
  Result<CardPayload> r = DecodeCardPayload(cbor);
  return r.ok() ? Status::Ok() : r.status();
}

std::string Encoded(auto write) {
  CborWriter w;
  write(w);
  return std::move(w).Release();
}

TEST(CardPayload, KnownPayloadHasKnownBytes) {
  CardPayload p;
  p.card_id = "C1";
  p.holder_name = "Li";
  p.document_digest.fill(0x11);
  p.nationality = "CN";
  p.tier = "A";
  p.entitlements = {{"h", "s1"}};
  p.issued_on = CardDay(2026, 1, 1);     // 20454 = 0x4fe6
  p.expires_on = CardDay(2028, 12, 31);  // 21549 = 0x542d
  p.policy_id = "P";
  p.policy_version = "1";
  const std::string expected = "aa"                                   // map of 10 pairs
                               "01 62 4331"                           // 1: "C1"
                               "02 62 4c69"                           // 2: "Li"
                               "03 5820" + std::string(64, '1') +     // 3: 32 bytes
                               "04 62 434e"                           // 4: "CN"
                               "05 61 41"                             // 5: "A"
                               "06 81 a2 01 61 68 02 62 7331"         // 6: [{1: "h", 2: "s1"}]
                               "07 19 4fe6"                           // 7: 20454
                               "08 19 542d"                           // 8: 21549
                               "09 61 50"                             // 9: "P"
                               "0a 61 31";                            // 10: "1"
  EXPECT_EQ(Hex(EncodeCardPayload(p)), Hex(Unhex(expected)));
  EXPECT_EQ(DecodeCardPayload(Unhex(expected)).value(), p);
}

TEST(CardPayload, RoundTrip) {
  const CardPayload p = SamplePayload();
  const std::string cbor = EncodeCardPayload(p);
  EXPECT_EQ(EncodeCardPayload(p), cbor) << "the same payload always gives the same bytes";
  Result<CardPayload> back = DecodeCardPayload(cbor);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(*back, p);
  CardPayload none = p;
  none.entitlements.clear();
  EXPECT_EQ(DecodeCardPayload(EncodeCardPayload(none)).value(), none);
}

TEST(CardPayload, HolderDocumentDigest) {
  // sha256("resident_id:CN:11010519491231002X"), computed apart from this code.
  const DocumentDigest d = HolderDocumentDigest("resident_id", "CN", "11010519491231002X");
  EXPECT_EQ(Hex(std::string_view(reinterpret_cast<const char*>(d.data()), d.size())),
            "d9046f218484b8d1c8dd63959b0dfbf8184a1d909941fef811c7c0461920a249");
  EXPECT_EQ(HolderDocumentDigest("resident_id", "CN", "11010519491231002x"), d);
  EXPECT_NE(HolderDocumentDigest("passport", "CN", "11010519491231002X"), d);
}

TEST(CardPayload, DayNumbers) {
  EXPECT_EQ(CardDay(1970, 1, 1), 0);
  EXPECT_EQ(CardDay(2000, 3, 1), 11017);
  EXPECT_EQ(CardDay(2026, 11, 28), 20785);
  EXPECT_EQ(CardDayText(0), "1970-01-01");
  EXPECT_EQ(CardDayText(11016), "2000-02-29");
  EXPECT_EQ(CardDayText(21549), "2028-12-31");
  for (int32_t d = -1000; d < 80000; d += 7) {
    const std::string t = CardDayText(d);
    ASSERT_EQ(CardDay(std::stoi(t.substr(0, 4)), std::stoi(t.substr(5, 2)), std::stoi(t.substr(8, 2))), d) << t;
  }
}

TEST(CardPayload, RefusesWhatIsNotAPayloadMap) {
  EXPECT_EQ(DecodeError(Unhex("ff")).message(),
            "card payload: CBOR: a break (0xFF) outside an indefinite-length item is not accepted at byte 0");
  EXPECT_EQ(DecodeError(Unhex("80")).message(), "card payload: must be a CBOR map");
  EXPECT_EQ(DecodeError(Unhex("80")).message_zh(), "证书内容应为 CBOR 映射");
  EXPECT_EQ(DecodeError(Unhex("a1 6161 00")).message(), "card payload: key of another type is not a field of a version 1 card");
}

TEST(CardPayload, RefusesUnknownAndMissingKeys) {
  EXPECT_EQ(DecodeError(WithEntry(11, Encoded([](CborWriter& w) { w.Int(1); }))).message(),
            "card payload: key 11 is not a field of a version 1 card");
  EXPECT_EQ(DecodeError(WithEntry(-1, Encoded([](CborWriter& w) { w.Int(1); }))).message(),
            "card payload: key -1 is not a field of a version 1 card");
  const Status missing = DecodeError(WithEntry(5, std::nullopt));
  EXPECT_EQ(missing.message(), "card payload: tier is missing");
  EXPECT_EQ(missing.field(), "card.tier");
  EXPECT_EQ(missing.message_zh(), "证书内容：人才层级缺失");
  EXPECT_EQ(DecodeError(WithEntry(10, std::nullopt)).message(), "card payload: policy_version is missing");
}

TEST(CardPayload, RefusesValuesOfTheWrongType) {
  const std::string bytes = Encoded([](CborWriter& w) { w.Bytes("JC"); });
  const Status s = DecodeError(WithEntry(1, bytes));
  EXPECT_EQ(s.message(), "card payload: card_id must be a text string");
  EXPECT_EQ(s.field(), "card.card_id");
  EXPECT_EQ(s.message_zh(), "证书内容：卡号应为文本");
  EXPECT_EQ(DecodeError(WithEntry(3, Encoded([](CborWriter& w) { w.Bytes(std::string(31, 'x')); }))).message(),
            "card payload: document_digest must be a byte string of 32 bytes (SHA-256)");
  EXPECT_EQ(DecodeError(WithEntry(7, Encoded([](CborWriter& w) { w.Int(-1); }))).message(),
            "card payload: issued_on must be a day number (an unsigned integer of days since 1970-01-01)");
  EXPECT_EQ(DecodeError(WithEntry(8, Encoded([](CborWriter& w) { w.Uint(uint64_t{1} << 31); }))).field(),
            "card.expires_on");
  EXPECT_EQ(DecodeError(WithEntry(6, Encoded([](CborWriter& w) { w.Map(0); }))).message(),
            "card payload: entitlements must be an array");
  EXPECT_EQ(DecodeError(WithEntry(6, Encoded([](CborWriter& w) { w.Array(1).Map(1).Int(1).Text("h"); }))).message(),
            "card payload: entitlements entry 1 must be a map {1: id text, 2: clause text}");
  EXPECT_EQ(DecodeError(WithEntry(6, Encoded([](CborWriter& w) {
                          w.Array(1).Map(3).Int(1).Text("h").Int(2).Text("c").Int(3).Text("x");
                        }))).message(),
            "card payload: entitlements entry 1 must be a map {1: id text, 2: clause text}");
}

TEST(CardPayload, RefusesValuesBreakingTheRules) {
  EXPECT_EQ(DecodeError(WithEntry(4, Encoded([](CborWriter& w) { w.Text("cn"); }))).message(),
            "card payload: nationality must be an ISO 3166-1 alpha-2 code in capitals, like CN");
  EXPECT_EQ(DecodeError(WithEntry(2, Encoded([](CborWriter& w) { w.Text(""); }))).message(),
            "card payload: holder_name must not be empty");
  EXPECT_EQ(DecodeError(WithEntry(8, Encoded([](CborWriter& w) { w.Uint(20453); }))).message(),
            "card payload: expires_on (2025-12-31) is before the issue date (2026-01-01)");
  EXPECT_EQ(DecodeError(WithEntry(6, Encoded([](CborWriter& w) { w.Array(1).Map(2).Int(1).Text("h").Int(2).Text(""); })))
                .message(),
            "card payload: entitlements entry 1 needs an id and a clause");
}

TEST(CardPayload, IssuingChecksTheSameRules) {
  EXPECT_TRUE(CheckCardPayload(SamplePayload()).ok());
  CardPayload p = SamplePayload();
  p.holder_name = "\xc3\x28";
  EXPECT_EQ(CheckCardPayload(p).message(), "card payload: holder_name is not valid UTF-8 text");
  p = SamplePayload();
  p.issued_on = -1;
  EXPECT_EQ(CheckCardPayload(p).message(), "card payload: issued_on must not be before 1970-01-01");
  p = SamplePayload();
  p.entitlements[1].id = "\xff";
  EXPECT_EQ(CheckCardPayload(p).message(), "card payload: entitlements entry 2 is not valid UTF-8 text");
  p = SamplePayload();
  p.nationality = "CHN";
  EXPECT_EQ(CheckCardPayload(p).field(), "card.nationality");
}

}  // namespace
}  // namespace jincai::card
