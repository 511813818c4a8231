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

std::string ResidentIdProblem(std::string_view id, int today_yyyymmdd, bool zh) {
  auto say = [zh](std::string en, std::string cn) { return zh ? cn : en; };
  if (id.size() != 18)
    return say("a resident identity number has 18 characters, this one has " + std::to_string(id.size()),
               "居民身份证号码应为 18 位，此号码为 " + std::to_string(id.size()) + " 位");
  for (size_t i = 0; i < 17; ++i)
    if (!std::isdigit(static_cast<unsigned char>(id[i])))
      return say("character " + std::to_string(i + 1) + " of a resident identity number must be a digit",
                 "居民身份证号码第 " + std::to_string(i + 1) + " 位应为数字");
  char last = id[17] == 'x' ? 'X' : id[17];
  if (!std::isdigit(static_cast<unsigned char>(last)) && last != 'X')
    return say("the last character of a resident identity number is a digit or X", "居民身份证号码最后一位应为数字或 X");
  if (id.substr(0, 6) == "000000")
    return say("the region code (characters 1-6) cannot be 000000", "地址码（第 1-6 位）不能为 000000");
  int y = std::stoi(std::string(id.substr(6, 4))), m = std::stoi(std::string(id.substr(10, 2))),
      d = std::stoi(std::string(id.substr(12, 2)));
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool date_ok = y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
  if (!date_ok)
    return say("characters 7-14 of a resident identity number must be a birth date (YYYYMMDD)",
               "第 7-14 位应为出生日期（YYYYMMDD）");
  if (y * 10000 + m * 100 + d > today_yyyymmdd)
    return say("the birth date in the resident identity number is in the future", "号码中的出生日期晚于今天");
  char want = ResidentIdCheckCharacter(id.substr(0, 17));
  if (want != last)
    return say(std::string("the check character should be ") + want + ", not " + id[17],
               std::string("校验码应为 ") + want + "，而不是 " + id[17]);
  return {};
}

char SocialCreditCodeCheckCharacter(std::string_view first17) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += CreditValue(first17[static_cast<size_t>(i)]) * kCreditWeights[i];
  int c = 31 - sum % 31;
  return kCreditAlphabet[c == 31 ? 0 : c];
}

std::string SocialCreditCodeProblem(std::string_view code, bool zh) {
  auto say = [zh](std::string en, std::string cn) { return zh ? cn : en; };
  if (code.size() != 18)
    return say("a unified social credit code has 18 characters, this one has " + std::to_string(code.size()),
               "统一社会信用代码应为 18 位，此代码为 " + std::to_string(code.size()) + " 位");
  for (size_t i = 0; i < 18; ++i) {
    if (CreditValue(code[i]) < 0)
      return say("character " + std::to_string(i + 1) + " ('" + std::string(1, code[i]) +
                     "') is not allowed in a unified social credit code (digits and capitals without I, O, S, V, Z)",
                 "第 " + std::to_string(i + 1) + " 位（'" + std::string(1, code[i]) +
                     "'）不允许出现在统一社会信用代码中（只能是数字和除 I、O、S、V、Z 以外的大写字母）");
  }
  char want = SocialCreditCodeCheckCharacter(code.substr(0, 17));
  if (want != code[17])
    return say(std::string("the check character should be ") + want + ", not " + code[17],
               std::string("校验码应为 ") + want + "，而不是 " + code[17]);
  return {};
}

std::string PassportNumberProblem(std::string_view number, bool zh) {
  if (number.size() < 5 || number.size() > 20) return zh ? "护照号码应为 5 至 20 个字符" : "a passport number has 5 to 20 characters";
  for (char c : number)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      return zh ? "护照号码只能包含字母和数字" : "a passport number holds letters and digits only";
  return {};
}

}  // namespace jincai::domain
