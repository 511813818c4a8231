// RFC 9285 §4: a pair of bytes n = a*256 + b is written as c + 45*d + 45*45*e with
// the characters c, d, e in that order (least significant first); a final odd byte
// as c + 45*d.
#include "card/base45.h"

#include <array>
#include <cstdint>

namespace jincai::card {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

// Character -> value, -1 outside the alphabet: a table beats a search of 45
// characters for each of up to 4096 input characters.
constexpr std::array<int8_t, 256> kValues = [] {
  std::array<int8_t, 256> t{};
  t.fill(-1);
  for (size_t i = 0; i < kAlphabet.size(); ++i) t[static_cast<uint8_t>(kAlphabet[i])] = static_cast<int8_t>(i);
  return t;
}();

std::string Shown(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7f) return std::string("'") + c + "'";
  static const char kHex[] = "0123456789ABCDEF";
  return std::string("byte 0x") + kHex[u >> 4] + kHex[u & 15];
}

}  // namespace

std::string Base45Encode(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() / 2 * 3 + 2);
  size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    unsigned n = static_cast<uint8_t>(bytes[i]) * 256u + static_cast<uint8_t>(bytes[i + 1]);
    out += kAlphabet[n % 45];
    out += kAlphabet[n / 45 % 45];
    out += kAlphabet[n / 2025];
  }
  if (i < bytes.size()) {
    unsigned n = static_cast<uint8_t>(bytes[i]);
    out += kAlphabet[n % 45];
    out += kAlphabet[n / 45];
  }
  return out;
}

Result<std::string> Base45Decode(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (kValues[static_cast<uint8_t>(text[i])] < 0)
      return Status::InvalidArgument("Base45: the character at position " + std::to_string(i) + " (" +
                                     Shown(text[i]) + ") is not in the Base45 alphabet")
          .Zh("Base45：第 " + std::to_string(i) + " 个位置的字符（" + Shown(text[i]) + "）不在 Base45 字母表中");
  }
  if (text.size() % 3 == 1)
    return Status::InvalidArgument("Base45: a length of " + std::to_string(text.size()) +
                                   " characters leaves one character over (the length must not be 1 more than a multiple of 3)")
        .Zh("Base45：长度 " + std::to_string(text.size()) + " 多出一个字符（长度不能是 3 的倍数加 1）");
  std::string out;
  out.reserve(text.size() / 3 * 2 + 1);
  auto v = [&](size_t i) { return static_cast<unsigned>(kValues[static_cast<uint8_t>(text[i])]); };
  size_t i = 0;
  for (; i + 3 <= text.size(); i += 3) {
    unsigned n = v(i) + v(i + 1) * 45 + v(i + 2) * 2025;
    if (n > 65535)
      return Status::InvalidArgument("Base45: the group at position " + std::to_string(i) + " (\"" +
                                     std::string(text.substr(i, 3)) + "\") is " + std::to_string(n) +
                                     ", more than two bytes can hold (65535)")
          .Zh("Base45：第 " + std::to_string(i) + " 个位置的三字符组（\"" + std::string(text.substr(i, 3)) + "\"）值为 " +
              std::to_string(n) + "，超过两个字节的上限 65535");
    out += static_cast<char>(n >> 8);
    out += static_cast<char>(n & 0xff);
  }
  if (i < text.size()) {
    unsigned n = v(i) + v(i + 1) * 45;
    if (n > 255)
      return Status::InvalidArgument("Base45: the final pair at position " + std::to_string(i) + " (\"" +
                                     std::string(text.substr(i, 2)) + "\") is " + std::to_string(n) +
                                     ", more than one byte can hold (255)")
          .Zh("Base45：第 " + std::to_string(i) + " 个位置的末尾两字符组（\"" + std::string(text.substr(i, 2)) + "\"）值为 " +
              std::to_string(n) + "，超过一个字节的上限 255");
    out += static_cast<char>(n);
  }
  return out;
}

}  // namespace jincai::card
