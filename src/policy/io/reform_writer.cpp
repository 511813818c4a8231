// Rewriting parameter values in a policy's text (see reform_writer.h).
#include "policy/io/reform_writer.h"

#include <algorithm>
#include <optional>
#include <tuple>

#include "common/text.h"

namespace jincai::policy {
namespace {

struct Line {
  size_t begin, end;  // [begin, end) without the newline
};

std::vector<Line> Lines(std::string_view text) {
  std::vector<Line> out;
  for (size_t at = 0; at <= text.size();) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    out.push_back({at, nl});
    if (nl == text.size()) break;
    at = nl + 1;
  }
  return out;
}

// Whether the line is `key = ...` (bare key, any spacing).
bool IsKey(std::string_view line, std::string_view key) {
  line = TrimLine(line);
  if (line.substr(0, key.size()) != key) return false;
  line = TrimLine(line.substr(key.size()));
  return !line.empty() && line.front() == '=';
}

// Net count of '[' minus ']' outside strings and comments.
int BracketDepth(std::string_view line) {
  int depth = 0;
  char quote = 0;
  for (char c : line) {
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#') {
      break;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    }
  }
  return depth;
}

}  // namespace

Result<std::string> RewriteParameters(std::string_view text, const std::vector<ParameterRewrite>& rewrites,
                                      const std::string& version) {
  const std::vector<Line> lines = Lines(text);
  auto at = [&](size_t i) { return text.substr(lines[i].begin, lines[i].end - lines[i].begin); };
  // (first line, last line, replacement), applied from the end.
  std::vector<std::tuple<size_t, size_t, std::string>> edits;
  auto table_named = [&](const std::string& header) -> std::optional<size_t> {
    for (size_t i = 0; i < lines.size(); ++i)
      if (TrimLine(at(i)) == header) return i;
    return std::nullopt;
  };
  auto entry_in = [&](size_t table, std::string_view key) -> std::optional<size_t> {
    for (size_t i = table + 1; i < lines.size(); ++i) {
      std::string_view l = TrimLine(at(i));
      if (!l.empty() && l.front() == '[') return std::nullopt;  // the next table
      if (IsKey(l, key)) return i;
    }
    return std::nullopt;
  };
  auto policy_table = table_named("[policy]");
  auto version_line = policy_table ? entry_in(*policy_table, "version") : std::nullopt;
  if (!version_line) return Status::InvalidArgument("the policy text has no version in [policy]");
  edits.emplace_back(*version_line, *version_line, "version = \"" + version + "\"");
  for (const auto& r : rewrites) {
    auto table = table_named("[parameters." + r.name + "]");
    if (!table) return Status::InvalidArgument("the policy text has no table [parameters." + r.name + "]");
    // One value for all dates: `value = X`, or dated `values = [...]` (perhaps over lines).
    if (auto single = entry_in(*table, "value")) {
      edits.emplace_back(*single, *single, "value = " + r.value + "  # reform");
      continue;
    }
    auto first = entry_in(*table, "values");
    if (!first) return Status::InvalidArgument("the policy text has no value for parameter " + r.name);
    size_t last = *first;
    for (int depth = BracketDepth(at(last)); depth > 0 && last + 1 < lines.size();) depth += BracketDepth(at(++last));
    edits.emplace_back(*first, last, "values = [{ from = " + r.from + ", value = " + r.value + " }]  # reform: one value for all dates");
  }
  std::sort(edits.begin(), edits.end(), [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  std::string out(text);
  for (const auto& [first, last, replacement] : edits)
    out.replace(lines[first].begin, lines[last].end - lines[first].begin, replacement);
  return out;
}

}  // namespace jincai::policy
