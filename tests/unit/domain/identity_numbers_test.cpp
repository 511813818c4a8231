// Identity numbers: the standards' own examples are valid, each kind of mistake is
// caught with its own message, and every single-character substitution of a valid
// resident identity number is caught by the check character.
#include "domain/identity_numbers.h"

#include <gtest/gtest.h>

namespace jincai::domain {
namespace {

TEST(ResidentId, StandardExamplesAreValid) {
  EXPECT_EQ(ResidentIdProblem("11010519491231002X"), "");
  EXPECT_EQ(ResidentIdProblem("11010519491231002x"), "");
  EXPECT_EQ(ResidentIdProblem("440524188001010014"), "characters 7-14 of a resident identity number must be a birth date (YYYYMMDD)")
      << "1880 is before 1900";
}

TEST(ResidentId, EachMistakeHasItsMessage) {
  EXPECT_EQ(ResidentIdProblem("110105194912310021"), "the check character should be X, not 1");
  EXPECT_EQ(ResidentIdProblem("1101051949123100"), "a resident identity number has 18 characters, this one has 16");
  EXPECT_EQ(ResidentIdProblem("11010519491231A02X"), "character 15 of a resident identity number must be a digit");
  EXPECT_EQ(ResidentIdProblem("11010519491231002Y"), "the last character of a resident identity number is a digit or X");
  EXPECT_NE(ResidentIdProblem("000000194912310020").find("cannot be 000000"), std::string::npos);
  EXPECT_NE(ResidentIdProblem("110105194902300020").find("birth date"), std::string::npos);  // 30 February
  EXPECT_NE(ResidentIdProblem("110105203001010020", 20261128).find("in the future"), std::string::npos);
}

TEST(ResidentId, EverySingleSubstitutionIsCaught) {
  const std::string good = "11010519491231002X";
  for (size_t i = 0; i < 17; ++i) {
    for (char c = '0'; c <= '9'; ++c) {
      if (c == good[i]) continue;
      std::string bad = good;
      bad[i] = c;
      EXPECT_NE(ResidentIdProblem(bad), "") << bad;
    }
  }
}

TEST(SocialCreditCode, StandardExamplesAreValid) {
  EXPECT_EQ(SocialCreditCodeProblem("91350100M000100Y43"), "");
  EXPECT_EQ(SocialCreditCodeProblem("91110000600037341L"), "");
}

TEST(SocialCreditCode, EachMistakeHasItsMessage) {
  EXPECT_EQ(SocialCreditCodeProblem("91350100M000100Y44"), "the check character should be 3, not 4");
  EXPECT_EQ(SocialCreditCodeProblem("91350100M000100Y4"), "a unified social credit code has 18 characters, this one has 17");
  EXPECT_NE(SocialCreditCodeProblem("91350100M0001O0Y43").find("character 14 ('O') is not allowed"), std::string::npos);
  EXPECT_NE(SocialCreditCodeProblem("91350100m000100Y43").find("is not allowed"), std::string::npos);
}

TEST(PassportNumber, Format) {
  EXPECT_EQ(PassportNumberProblem("E12345678"), "");
  EXPECT_NE(PassportNumberProblem("E12"), "");
  EXPECT_NE(PassportNumberProblem("E123 45678"), "");
}

}  // namespace
}  // namespace jincai::domain
