// Walks the raw TOML string literal (basic, literal, or their multi-line forms) and
// records the file location of each decoded byte.
#include "policy/model/toml_text.h"

#include <string_view>

namespace jincai::policy {

ExprText MapTomlString(const SourceFile& file, Location begin, const std::string& decoded) {
  ExprText out;
  out.text = decoded;
  out.start = begin;
  std::vector<Location> pos;
  pos.reserve(decoded.size());
  int line = begin.line, col = begin.col;
  std::string_view cur = file.Line(line);
  auto at = [&](int l, int c) -> int {
    std::string_view s = file.Line(l);
    return c - 1 < static_cast<int>(s.size()) ? static_cast<unsigned char>(s[static_cast<size_t>(c - 1)]) : '\n';
  };
  auto fallback = [&] {
    out.positions.assign(decoded.size(), begin);
    return out;
  };
  if (line < 1 || col < 1 || col > static_cast<int>(cur.size())) return fallback();
  char q = static_cast<char>(at(line, col));
  if (q != '"' && q != '\'') return fallback();
  bool multi = at(line, col + 1) == q && at(line, col + 2) == q;
  bool basic = q == '"';
  col += multi ? 3 : 1;
  auto advance = [&] {
    if (col - 1 >= static_cast<int>(file.Line(line).size())) { ++line; col = 1; }
    else ++col;
  };
  if (multi && at(line, col) == '\n') advance();  // a newline right after ''' is trimmed
  size_t k = 0;
  int guard = 0;
  while (k < decoded.size()) {
    if (++guard > static_cast<int>(decoded.size()) * 8 + 64) return fallback();
    int c = at(line, col);
    if (line > begin.line + 100000) return fallback();
    if (basic && c == '\\') {
      int e = at(line, col + 1);
      if (multi && (e == '\n' || e == ' ' || e == '\t')) {  // line-ending backslash
        advance();
        while (true) {
          int w = at(line, col);
          if (w == ' ' || w == '\t' || w == '\n') advance(); else break;
          if (line > static_cast<int>(file.text().size())) return fallback();
        }
        continue;
      }
      int width = e == 'u' ? 6 : e == 'U' ? 10 : 2;
      Location here{line, col};
      // Escapes decode to 1..4 bytes; all of them point at the backslash.
      size_t bytes = 1;
      if (e == 'u' || e == 'U') {
        unsigned char lead = static_cast<unsigned char>(decoded[k]);
        bytes = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      }
      for (size_t b = 0; b < bytes && k < decoded.size(); ++b, ++k) pos.push_back(here);
      for (int w = 0; w < width; ++w) advance();
      continue;
    }
    if (c == '\n') {
      if (!multi || decoded[k] != '\n') return fallback();
      pos.push_back({line, col});
      ++k;
      advance();
      continue;
    }
    if (static_cast<char>(c) != decoded[k]) return fallback();
    pos.push_back({line, col});
    ++k;
    advance();
  }
  out.positions = std::move(pos);
  return out;
}

}  // namespace jincai::policy
