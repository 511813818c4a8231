// Small text helpers shared by the readers of line-based text (policy files, Markdown)
// and by what writes people's text into XML (the Atom feeds).
#pragma once

#include <string>
#include <string_view>

namespace jincai {

// A line without its surrounding spaces and tabs, nor a trailing carriage return.
inline std::string_view TrimLine(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The length of the character at s[i] that XML 1.0 cannot carry and a form never
// means: a control character other than tab, line feed and carriage return, DEL, or
// the noncharacters U+FFFE and U+FFFF (UTF-8 EF BF BE/BF); 0 when s[i] is none.
inline size_t ControlCharacterAt(std::string_view s, size_t i) {
  auto u = static_cast<unsigned char>(s[i]);
  if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F) return 1;
  if (u == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
      (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF))
    return 3;
  return 0;
}

inline bool HasControlCharacter(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i)
    if (ControlCharacterAt(s, i)) return true;
  return false;
}

// The text without those characters (for feeds of text stored before they were refused).
inline std::string WithoutControlCharacters(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (size_t n = ControlCharacterAt(s, i)) {
      i += n;
      continue;
    }
    out += s[i++];
  }
  return out;
}

}  // namespace jincai
