// Check characters per GB 11643-1999 (weights 2^(17-i) mod 11) and GB 32100-2015
// (weights 3^i mod 31 over a 31-character alphabet).
#include "domain/identity_numbers.h"

#include <cctype>

namespace jincai::domain {
namespace {

constexpr int kIdWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr const char* kIdChecks = "10X98765432";
constexpr const char* kCreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kCreditWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int CreditValue(char c) {
  for (int i = 0; kCreditAlphabet[i]; ++i)
    if (kCreditAlphabet[i] == c) return i;
  return -1;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

char ResidentIdCheckCharacter(std::string_view first17) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[static_cast<size_t>(i)] - '0') * kIdWeights[i];
  return kIdChecks[sum % 11];
}

std::string ResidentIdProblem(std::string_view id, int today_yyyymmdd) {
  if (id.size() != 18) return "a resident identity number has 18 characters, this one has " + std::to_string(id.size());
  for (size_t i = 0; i < 17; ++i)
    if (!std::isdigit(static_cast<unsigned char>(id[i])))
      return "character " + std::to_string(i + 1) + " of a resident identity number must be a digit";
  char last = id[17] == 'x' ? 'X' : id[17];
  if (!std::isdigit(static_cast<unsigned char>(last)) && last != 'X')
    return "the last character of a resident identity number is a digit or X";
  if (id.substr(0, 6) == "000000") return "the region code (characters 1-6) cannot be 000000";
  int y = std::stoi(std::string(id.substr(6, 4))), m = std::stoi(std::string(id.substr(10, 2))),
      d = std::stoi(std::string(id.substr(12, 2)));
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool date_ok = y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
  if (!date_ok) return "characters 7-14 of a resident identity number must be a birth date (YYYYMMDD)";
  if (y * 10000 + m * 100 + d > today_yyyymmdd) return "the birth date in the resident identity number is in the future";
  char want = ResidentIdCheckCharacter(id.substr(0, 17));
  if (want != last) return std::string("the check character should be ") + want + ", not " + id[17];
  return {};
}

char SocialCreditCodeCheckCharacter(std::string_view first17) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += CreditValue(first17[static_cast<size_t>(i)]) * kCreditWeights[i];
  int c = 31 - sum % 31;
  return kCreditAlphabet[c == 31 ? 0 : c];
}

std::string SocialCreditCodeProblem(std::string_view code) {
  if (code.size() != 18) return "a unified social credit code has 18 characters, this one has " + std::to_string(code.size());
  for (size_t i = 0; i < 18; ++i) {
    if (CreditValue(code[i]) < 0)
      return "character " + std::to_string(i + 1) + " ('" + std::string(1, code[i]) +
             "') is not allowed in a unified social credit code (digits and capitals without I, O, S, V, Z)";
  }
  char want = SocialCreditCodeCheckCharacter(code.substr(0, 17));
  if (want != code[17]) return std::string("the check character should be ") + want + ", not " + code[17];
  return {};
}

std::string PassportNumberProblem(std::string_view number) {
  if (number.size() < 5 || number.size() > 20) return "a passport number has 5 to 20 characters";
  for (char c : number)
    if (!std::isalnum(static_cast<unsigned char>(c))) return "a passport number holds letters and digits only";
  return {};
}

}  // namespace jincai::domain
