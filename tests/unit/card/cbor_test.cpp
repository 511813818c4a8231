// CBOR: the writer's shortest forms against RFC 8949 Appendix A, deterministic map
// order, round trips through the reader, and every refusal of the reader with its
// message and byte offset; truncations and random bytes never crash it.
#include "card/cbor.h"

#include <gtest/gtest.h>

#include <random>

#include "card_fixture.h"

namespace jincai::card {
namespace {

using testing::Hex;
using testing::Unhex;

std::string Int(int64_t v) { return Hex(CborWriter().Int(v).bytes()); }

std::string ParseError(std::string_view hex, const CborLimits& limits = {}) {
  const std::string bytes = Unhex(hex);
  Result<CborItem> r = ParseCbor(bytes, limits);
  return r.ok() ? "(accepted)" : r.status().message();
}

// Writes an item back from what the reader made of it: equal bytes show the reader
// kept everything and the writer and reader agree on the deterministic form.
void Rewrite(const CborItem& item, CborWriter& out) {
  switch (item.kind) {
    case CborKind::kUnsigned: out.Uint(item.argument); break;
    case CborKind::kNegative: out.Int(*item.AsInt()); break;
    case CborKind::kBytes: out.Bytes(item.content); break;
    case CborKind::kText: out.Text(item.content); break;
    case CborKind::kArray: out.Array(item.argument); break;
    case CborKind::kMap: out.Map(item.argument); break;
    case CborKind::kTag: out.Tag(item.argument); break;
  }
  for (const CborItem& child : item.items) Rewrite(child, out);
}

TEST(Cbor, IntegersTakeTheirShortestForm) {  // RFC 8949 Appendix A
  EXPECT_EQ(Int(0), "00");
  EXPECT_EQ(Int(23), "17");
  EXPECT_EQ(Int(24), "1818");
  EXPECT_EQ(Int(255), "18ff");
  EXPECT_EQ(Int(256), "190100");
  EXPECT_EQ(Int(65535), "19ffff");
  EXPECT_EQ(Int(65536), "1a00010000");
  EXPECT_EQ(Int(1000000), "1a000f4240");
  EXPECT_EQ(Int(4294967296), "1b0000000100000000");
  EXPECT_EQ(Hex(CborWriter().Uint(18446744073709551615u).bytes()), "1bffffffffffffffff");
  EXPECT_EQ(Int(-1), "20");
  EXPECT_EQ(Int(-24), "37");
  EXPECT_EQ(Int(-25), "3818");
  EXPECT_EQ(Int(-100), "3863");
  EXPECT_EQ(Int(-1000), "3903e7");
  EXPECT_EQ(Int(-70000), "3a0001116f");
  EXPECT_EQ(Int(INT64_MIN), "3b7fffffffffffffff");
}

TEST(Cbor, StringsArraysMapsAndTags) {
  EXPECT_EQ(Hex(CborWriter().Bytes("").bytes()), "40");
  EXPECT_EQ(Hex(CborWriter().Bytes(Unhex("01020304")).bytes()), "4401020304");
  EXPECT_EQ(Hex(CborWriter().Text("").bytes()), "60");
  EXPECT_EQ(Hex(CborWriter().Text("IETF").bytes()), "6449455446");
  EXPECT_EQ(Hex(CborWriter().Text("水").bytes()), "63e6b0b4");
  EXPECT_EQ(Hex(CborWriter().Text(std::string(24, 'a')).bytes()), "7818" + Hex(std::string(24, 'a')));
  EXPECT_EQ(Hex(CborWriter().Array(3).Int(1).Int(2).Int(3).bytes()), "83010203");
  EXPECT_EQ(Hex(CborWriter().Map(0).bytes()), "a0");
  EXPECT_EQ(Hex(CborWriter().Tag(18).Array(0).bytes()), "d280");
}

TEST(Cbor, MapWriterSortsKeysBytewise) {
  // Core deterministic order compares encoded keys: 1 (01) < 4 (04) < 10 (0a) <
  // 100 (1864) < -1 (20) < -70000 (3a0001116f), whatever order they were added in.
  CborMapWriter map;
  map.Entry(-70000).Int(6);
  map.Entry(100).Int(4);
  map.Entry(-1).Int(5);
  map.Entry(10).Int(3);
  CborWriter& kept = map.Entry(1);  // stays valid while later entries are added
  map.Entry(4).Int(2);
  kept.Int(1);
  CborWriter out;
  std::move(map).WriteTo(out);
  EXPECT_EQ(Hex(out.bytes()), "a6" "0101" "0402" "0a03" "186404" "2005" "3a0001116f06");
  EXPECT_TRUE(ParseCbor(out.bytes()).ok());
}

TEST(Cbor, RoundTripKeepsEveryItem) {
  CborWriter w;
  CborMapWriter inner;
  inner.Entry(1).Text("金才");
  inner.Entry(2).Bytes(Unhex("00ff10"));
  inner.Entry(-8).Array(2).Uint(4294967296).Int(-4294967297);
  w.Tag(18).Array(3).Uint(0).Text(std::string(300, 'x'));
  std::move(inner).WriteTo(w);
  const uint64_t tags[] = {18};
  Result<CborItem> r = ParseCbor(w.bytes(), {.allowed_tags = tags});
  ASSERT_TRUE(r.ok()) << r.status().message();
  CborWriter again;
  Rewrite(*r, again);
  EXPECT_EQ(Hex(again.bytes()), Hex(w.bytes()));
  const CborItem& array = r->items[0];
  EXPECT_EQ(array.items[1].content.size(), 300u);
  EXPECT_EQ(array.items[1].offset, 3u);
  const CborItem& map = array.items[2];
  ASSERT_NE(map.Find(1), nullptr);
  EXPECT_EQ(map.Find(1)->content, "金才");
  EXPECT_EQ(map.Find(-8)->items[1].AsInt(), -4294967297);
  EXPECT_EQ(map.Find(3), nullptr);
  EXPECT_EQ(map.encoded, std::string_view(w.bytes()).substr(map.offset));
}

TEST(Cbor, AsIntOutsideInt64) {
  EXPECT_EQ(ParseCbor(Unhex("3b7fffffffffffffff"))->AsInt(), INT64_MIN);
  EXPECT_EQ(ParseCbor(Unhex("3b8000000000000000"))->AsInt(), std::nullopt);
  EXPECT_EQ(ParseCbor(Unhex("1b7fffffffffffffff"))->AsInt(), INT64_MAX);
  EXPECT_EQ(ParseCbor(Unhex("1b8000000000000000"))->AsInt(), std::nullopt);
  EXPECT_EQ(ParseCbor(Unhex("40"))->AsInt(), std::nullopt);
}

TEST(Cbor, RefusesTruncatedInput) {
  EXPECT_EQ(ParseError(""), "CBOR: the input ends where an item should start at byte 0");
  EXPECT_EQ(ParseError("1901"), "CBOR: the input ends inside the head of an item (2 argument bytes needed, 1 remain) at byte 0");
  EXPECT_EQ(ParseError("440102"), "CBOR: a string of 4 bytes is longer than the 2 bytes that remain at byte 0");
  EXPECT_EQ(ParseError("830102"), "CBOR: an array of 3 elements cannot fit in the 2 bytes that remain at byte 0");
  EXPECT_EQ(ParseError("a20102"), "CBOR: a map of 2 pairs cannot fit in the 2 bytes that remain at byte 0");
  EXPECT_EQ(ParseError("828101"), "CBOR: the input ends where an item should start at byte 3");
  // Lengths near 2^64 are compared with what remains, never added to an offset.
  EXPECT_EQ(ParseError("5bffffffffffffffff00"),
            "CBOR: a string of 18446744073709551615 bytes is longer than the 1 bytes that remain at byte 0");
  EXPECT_EQ(ParseError("9bffffffffffffffff00"),
            "CBOR: an array of 18446744073709551615 elements cannot fit in the 1 bytes that remain at byte 0");
}

TEST(Cbor, RefusesBytesAfterTheItem) {
  EXPECT_EQ(ParseError("0000"), "CBOR: 1 byte follows the item that should be the whole input at byte 1");
  EXPECT_EQ(ParseError("80000000"), "CBOR: 3 bytes follow the item that should be the whole input at byte 1");
}

TEST(Cbor, RefusesIndefiniteLengthsAndReservedForms) {
  for (const char* hex : {"5f40ff", "7f60ff", "9fff", "bfff"})
    EXPECT_EQ(ParseError(hex), "CBOR: an indefinite-length item is not accepted at byte 0") << hex;
  EXPECT_EQ(ParseError("8201ff"), "CBOR: a break (0xFF) outside an indefinite-length item is not accepted at byte 2");
  EXPECT_EQ(ParseError("1f"), "CBOR: additional information 31 is not valid for major type 0 at byte 0");
  EXPECT_EQ(ParseError("df00"), "CBOR: additional information 31 is not valid for major type 6 at byte 0");
  EXPECT_EQ(ParseError("1c"), "CBOR: reserved additional information 28 is not valid at byte 0");
  EXPECT_EQ(ParseError("5e"), "CBOR: reserved additional information 30 is not valid at byte 0");
}

TEST(Cbor, RefusesFloatsAndSimpleValues) {
  for (const char* hex : {"f93c00", "fa47c35000", "fb3ff199999999999a"})
    EXPECT_EQ(ParseError(hex), "CBOR: a floating-point number is not accepted at byte 0") << hex;
  for (const char* hex : {"f4", "f5", "f6", "f7", "f0", "f820"})
    EXPECT_EQ(ParseError(hex), "CBOR: a simple value (false, true, null, undefined or other) is not accepted at byte 0")
        << hex;
}

TEST(Cbor, RefusesTagsNotAllowed) {
  EXPECT_EQ(ParseError("d280"), "CBOR: tag 18 is not accepted here at byte 0");
  EXPECT_EQ(ParseError("c074323031332d30332d32315432303a30343a30305a"), "CBOR: tag 0 is not accepted here at byte 0");
  const uint64_t cose[] = {18};
  EXPECT_EQ(ParseError("d280", {.allowed_tags = cose}), "(accepted)");
  EXPECT_EQ(ParseError("81d9d9f700", {.allowed_tags = cose}), "CBOR: tag 55799 is not accepted here at byte 1");
}

TEST(Cbor, RefusesFormsThatAreNotShortest) {
  EXPECT_EQ(ParseError("1805"), "CBOR: the value 5 is not in its shortest form (not deterministic) at byte 0");
  EXPECT_EQ(ParseError("1900ff"), "CBOR: the value 255 is not in its shortest form (not deterministic) at byte 0");
  EXPECT_EQ(ParseError("1a0000ffff"), "CBOR: the value 65535 is not in its shortest form (not deterministic) at byte 0");
  EXPECT_EQ(ParseError("1b00000000ffffffff"),
            "CBOR: the value 4294967295 is not in its shortest form (not deterministic) at byte 0");
  EXPECT_EQ(ParseError("38 00"), "CBOR: the value 0 is not in its shortest form (not deterministic) at byte 0");
  EXPECT_EQ(ParseError("81 5801 00"), "CBOR: the value 1 is not in its shortest form (not deterministic) at byte 1");
}

TEST(Cbor, RefusesMapKeysOutOfOrderOrRepeated) {
  EXPECT_EQ(ParseError("a2 0100 2000"), "(accepted)");  // 1 (01) before -1 (20)
  EXPECT_EQ(ParseError("a2 2000 0100"), "CBOR: map keys are not in deterministic (bytewise) order at byte 3");
  EXPECT_EQ(ParseError("a2 0200 0100"), "CBOR: map keys are not in deterministic (bytewise) order at byte 3");
  EXPECT_EQ(ParseError("a2 0100 0100"), "CBOR: a map key is repeated at byte 3");
  EXPECT_EQ(ParseError("a2 616200 616100"), "CBOR: map keys are not in deterministic (bytewise) order at byte 4");
  // Shorter encodings sort first: "b" (6162) before "aa" (626161).
  EXPECT_EQ(ParseError("a2 616200 62616100"), "(accepted)");
}

TEST(Cbor, RefusesTextThatIsNotUtf8) {
  EXPECT_EQ(ParseError("63e4b8ad"), "(accepted)");  // 中
  EXPECT_EQ(ParseError("62c328"), "CBOR: a text string is not valid UTF-8 at byte 0");
  EXPECT_EQ(ParseError("62c080"), "CBOR: a text string is not valid UTF-8 at byte 0");      // overlong NUL
  EXPECT_EQ(ParseError("63eda080"), "CBOR: a text string is not valid UTF-8 at byte 0");    // a surrogate
  EXPECT_EQ(ParseError("64f4908080"), "CBOR: a text string is not valid UTF-8 at byte 0");  // above U+10FFFF
  EXPECT_EQ(ParseError("62e4b8"), "CBOR: a text string is not valid UTF-8 at byte 0");      // cut inside
  EXPECT_EQ(ParseError("42c328"), "(accepted)");  // byte strings may hold anything
}

std::string NestedArrays(int n) {
  std::string hex;
  for (int i = 0; i < n; ++i) hex += "81";
  return hex + "00";
}

TEST(Cbor, BoundsNestingDepth) {
  EXPECT_EQ(ParseError(NestedArrays(16)), "(accepted)");
  EXPECT_EQ(ParseError(NestedArrays(17)), "CBOR: items nest deeper than 16 levels at byte 17");
  EXPECT_EQ(ParseError(NestedArrays(4), {.max_depth = 3, .allowed_tags = {}}), "CBOR: items nest deeper than 3 levels at byte 4");
  // As deep as an envelope could be: refused at the bound, long before the stack is.
  EXPECT_EQ(ParseError(NestedArrays(8000)), "CBOR: items nest deeper than 16 levels at byte 17");
}

TEST(Cbor, EveryTruncationIsRefused) {
  CborWriter w;
  CborMapWriter map;
  map.Entry(1).Text("李明");
  map.Entry(2).Array(2).Bytes(std::string(40, '\x01')).Uint(70000);
  map.Entry(-70000).Int(-8);
  std::move(map).WriteTo(w);
  const std::string& whole = w.bytes();
  ASSERT_TRUE(ParseCbor(whole).ok());
  for (size_t cut = 0; cut < whole.size(); ++cut)
    EXPECT_FALSE(ParseCbor(std::string_view(whole).substr(0, cut)).ok()) << "cut at " << cut;
}

TEST(Cbor, RandomBytesNeverCrash) {
  std::mt19937 rng(8949);
  const uint64_t tags[] = {18};
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string bytes(rng() % 64, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() % 4 == 0 ? 0x80 + rng() % 0x40 : rng());
    Result<CborItem> r = ParseCbor(bytes, {.allowed_tags = tags});
    if (r.ok()) {
      ++accepted;
      CborWriter again;
      Rewrite(*r, again);
      ASSERT_EQ(again.bytes(), bytes) << Hex(bytes);  // accepted means deterministic
    }
  }
  EXPECT_GT(accepted, 0);
}

}  // namespace
}  // namespace jincai::card
