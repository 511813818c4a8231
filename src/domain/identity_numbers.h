// Identity numbers the platform accepts: Chinese resident identity numbers (GB 11643,
// 18 characters with an ISO 7064 MOD 11-2 check character), unified social credit
// codes of employers (GB 32100, 18 characters with a MOD 31 check character), and
// passport numbers of foreign nationals (format only: no check digit is standard).
// Pure functions; each failure is a sentence naming what is wrong, in English or (zh)
// in Chinese.
#pragma once

#include <string>
#include <string_view>

namespace jincai::domain {

// Empty when valid, else why not: "the check character should be X, not 4".
// Accepts a lower-case final 'x'. Checks the region code is not 000000 and the birth
// date (characters 7-14) is a real day between 1900-01-01 and `today_yyyymmdd`.
std::string ResidentIdProblem(std::string_view id, int today_yyyymmdd = 99991231, bool zh = false);

// The check character GB 11643 gives the first 17 digits. REQUIRES: 17 ASCII digits.
char ResidentIdCheckCharacter(std::string_view first17);

// Empty when valid, else why not. Upper case only: the standard's alphabet is
// 0-9 and A-Z without I, O, S, V and Z.
std::string SocialCreditCodeProblem(std::string_view code, bool zh = false);

// The check character GB 32100 gives the first 17 characters. REQUIRES: valid alphabet.
char SocialCreditCodeCheckCharacter(std::string_view first17);

// Empty when plausible: 5 to 20 characters, ASCII letters and digits only.
std::string PassportNumberProblem(std::string_view number, bool zh = false);

}  // namespace jincai::domain
