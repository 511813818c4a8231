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

// Whether the text has a control character other than tab, line feed and carriage
// return: such a character cannot appear in XML 1.0 and is never meant in a form.
inline bool HasControlCharacter(std::string_view s) {
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F) return true;
  }
  return false;
}

// The text without those control characters (for feeds of text stored before they
// were refused).
inline std::string WithoutControlCharacters(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F) continue;
    out += c;
  }
  return out;
}

}  // namespace jincai
