// Base45: RFC 9285's own examples, round trips of random bytes of every small length,
// and each error with its message (position and character, length, group value).
#include "card/base45.h"

#include <gtest/gtest.h>

#include <random>

namespace jincai::card {
namespace {

TEST(Base45, Rfc9285Examples) {
  EXPECT_EQ(Base45Encode("AB"), "BB8");
  EXPECT_EQ(Base45Encode("Hello!!"), "%69 VD92EX0");
  EXPECT_EQ(Base45Encode("base-45"), "UJCLQE7W581");
  EXPECT_EQ(Base45Encode("ietf!"), "QED8WEX0");
  EXPECT_EQ(Base45Decode("QED8WEX0").value(), "ietf!");
  EXPECT_EQ(Base45Decode("BB8").value(), "AB");
  EXPECT_EQ(Base45Decode("%69 VD92EX0").value(), "Hello!!");
  EXPECT_EQ(Base45Decode("UJCLQE7W581").value(), "base-45");
}

TEST(Base45, EmptyAndEdgeValues) {
  EXPECT_EQ(Base45Encode(""), "");
  EXPECT_EQ(Base45Decode("").value(), "");
  EXPECT_EQ(Base45Encode(std::string(2, '\0')), "000");
  EXPECT_EQ(Base45Encode("\xff\xff"), "FGW");  // 65535 = 15 + 16*45 + 32*2025
  EXPECT_EQ(Base45Encode("\xff"), "U5");       // 255 = 30 + 5*45
  EXPECT_EQ(Base45Decode("FGW").value(), "\xff\xff");
  EXPECT_EQ(Base45Decode("U5").value(), "\xff");
}

TEST(Base45, RandomBytesRoundTrip) {
  std::mt19937 rng(45);
  for (size_t len = 0; len < 200; ++len) {
    for (int rep = 0; rep < 5; ++rep) {
      std::string bytes(len, '\0');
      for (char& c : bytes) c = static_cast<char>(rng());
      const std::string text = Base45Encode(bytes);
      ASSERT_EQ(text.size(), len / 2 * 3 + len % 2 * 2);
      Result<std::string> back = Base45Decode(text);
      ASSERT_TRUE(back.ok()) << back.status().message();
      ASSERT_EQ(*back, bytes);
    }
  }
}

TEST(Base45, CharacterOutsideTheAlphabet) {
  Result<std::string> r = Base45Decode("BB8b");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "Base45: the character at position 3 ('b') is not in the Base45 alphabet");
  EXPECT_EQ(r.status().message_zh(), "Base45：第 3 个位置的字符（'b'）不在 Base45 字母表中");
  EXPECT_EQ(Base45Decode("BB\n").status().message(),
            "Base45: the character at position 2 (byte 0x0A) is not in the Base45 alphabet");
  // The alphabet is checked before the length: the first problem a person would see.
  EXPECT_EQ(Base45Decode("=").status().message(), "Base45: the character at position 0 ('=') is not in the Base45 alphabet");
}

TEST(Base45, LengthLeavingOneCharacterOver) {
  EXPECT_EQ(Base45Decode("BB8B").status().message(),
            "Base45: a length of 4 characters leaves one character over (the length must not be 1 more than a multiple of 3)");
  EXPECT_FALSE(Base45Decode("A").ok());
}

TEST(Base45, TripletAbove65535) {
  EXPECT_EQ(Base45Decode("BB8GGW").status().message(),
            "Base45: the group at position 3 (\"GGW\") is 65536, more than two bytes can hold (65535)");
  EXPECT_EQ(Base45Decode(":::").status().message(),
            "Base45: the group at position 0 (\":::\") is 91124, more than two bytes can hold (65535)");
}

TEST(Base45, FinalPairAbove255) {
  EXPECT_EQ(Base45Decode("BB8V5").status().message(),
            "Base45: the final pair at position 3 (\"V5\") is 256, more than one byte can hold (255)");
  EXPECT_EQ(Base45Decode("::").status().message(),
            "Base45: the final pair at position 0 (\"::\") is 2024, more than one byte can hold (255)");
}

}  // namespace
}  // namespace jincai::card
