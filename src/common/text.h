// Small text helpers shared by the readers of line-based text (policy files, Markdown).
#pragma once

#include <string_view>

namespace jincai {

// A line without its surrounding spaces and tabs, nor a trailing carriage return.
inline std::string_view TrimLine(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace jincai
