// The Markdown subset of the news (see markdown.h).
#include "http/markdown.h"

#include <cctype>
#include <vector>

#include "common/text.h"

namespace jincai::http {
namespace {

bool SafeUrl(std::string_view url) {
  if (url.find('\\') != std::string_view::npos) return false;  // "/\\host" is "//host" to a browser
  for (std::string_view ok : {"https://", "http://", "mailto:"})
    if (url.substr(0, ok.size()) == ok) return url.size() > ok.size();
  return !url.empty() && (url.front() == '#' || (url.front() == '/' && (url.size() == 1 || url[1] != '/')));
}

// Inline markup of one block's text.
std::string Inline(std::string_view s) {
  std::string out;
  // Where each closing mark is known to be absent from on: a mark not found after p is
  // not found after any later position, so a text of unclosed marks stays linear.
  std::vector<std::pair<std::string_view, size_t>> absent;
  auto closing = [&](std::string_view mark, size_t from) {
    for (const auto& [m, p] : absent)
      if (m == mark && p <= from) return std::string_view::npos;
    size_t at = s.find(mark, from);
    if (at == std::string_view::npos) absent.emplace_back(mark, from);
    return at;
  };
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '`') {
      size_t end = closing("`", i + 1);
      if (end != std::string_view::npos) {
        out += "<code>" + EscapeHtml(s.substr(i + 1, end - i - 1)) + "</code>";
        i = end + 1;
        continue;
      }
    }
    if (s.substr(i, 2) == "**") {
      size_t end = closing("**", i + 2);
      if (end != std::string_view::npos && end > i + 2) {
        out += "<strong>" + Inline(s.substr(i + 2, end - i - 2)) + "</strong>";
        i = end + 2;
        continue;
      }
    }
    // *em* anywhere; _em_ only at a word's start, so snake_case names stay as written.
    const bool word_start = i == 0 || !(std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '_');
    if ((s[i] == '*' || (s[i] == '_' && word_start)) && i + 1 < s.size() && s[i + 1] != ' ') {
      size_t end = closing(std::string_view(&s[i], 1), i + 1);
      if (end != std::string_view::npos && end > i + 1) {
        out += "<em>" + Inline(s.substr(i + 1, end - i - 1)) + "</em>";
        i = end + 1;
        continue;
      }
    }
    if (s[i] == '[') {
      size_t close = closing("](", i + 1);
      size_t end = close == std::string_view::npos ? close : closing(")", close + 2);
      if (end != std::string_view::npos) {
        std::string_view text = s.substr(i + 1, close - i - 1), url = TrimLine(s.substr(close + 2, end - close - 2));
        if (SafeUrl(url))
          out += "<a href=\"" + EscapeHtml(url) + "\" rel=\"noopener nofollow\">" + Inline(text) + "</a>";
        else
          out += Inline(text);
        i = end + 1;
        continue;
      }
    }
    out += EscapeHtml(s.substr(i, 1));
    ++i;
  }
  return out;
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t at = 0; at < text.size();) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(at, nl - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    at = nl + 1;
  }
  return out;
}

// "- x", "* x" -> "x"; "12. x" -> "x" (ordered); else nullopt-like empty with false.
bool ListItem(std::string_view line, bool* ordered, std::string_view* text) {
  line = TrimLine(line);
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') {
    *ordered = false;
    *text = TrimLine(line.substr(2));
    return true;
  }
  size_t d = 0;
  while (d < line.size() && d < 9 && line[d] >= '0' && line[d] <= '9') ++d;
  if (d > 0 && d + 1 < line.size() && line[d] == '.' && line[d + 1] == ' ') {
    *ordered = true;
    *text = TrimLine(line.substr(d + 2));
    return true;
  }
  return false;
}

int Heading(std::string_view line, std::string_view* text) {
  int level = 0;
  while (level < static_cast<int>(line.size()) && line[level] == '#') ++level;
  if (level < 1 || level > 6 || level >= static_cast<int>(line.size()) || line[level] != ' ') return 0;
  *text = TrimLine(line.substr(level + 1));
  return level;
}

bool Rule(std::string_view line) {
  line = TrimLine(line);
  return line.size() >= 3 && line.find_first_not_of(line[0]) == std::string_view::npos &&
         (line[0] == '-' || line[0] == '*' || line[0] == '_');
}

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string EscapeXml(std::string_view text) { return EscapeHtml(WithoutControlCharacters(text)); }

std::string MarkdownToHtml(std::string_view markdown) {
  const auto lines = Lines(markdown);
  std::string out;
  for (size_t i = 0; i < lines.size();) {
    std::string_view line = lines[i], text;
    if (TrimLine(line).empty()) {
      ++i;
      continue;
    }
    if (TrimLine(line).substr(0, 3) == "```") {
      std::string code;
      for (++i; i < lines.size() && TrimLine(lines[i]).substr(0, 3) != "```"; ++i) code += std::string(lines[i]) + "\n";
      ++i;
      out += "<pre><code>" + EscapeHtml(code) + "</code></pre>\n";
      continue;
    }
    if (int level = Heading(TrimLine(line), &text)) {
      const std::string h = "h" + std::to_string(level);
      out += "<" + h + ">" + Inline(text) + "</" + h + ">\n";
      ++i;
      continue;
    }
    if (Rule(line)) {
      out += "<hr>\n";
      ++i;
      continue;
    }
    bool ordered = false;
    if (ListItem(line, &ordered, &text)) {
      const char* tag = ordered ? "ol" : "ul";
      out += std::string("<") + tag + ">\n";
      bool o = ordered;
      while (i < lines.size() && ListItem(lines[i], &o, &text) && o == ordered) {
        out += "<li>" + Inline(text) + "</li>\n";
        ++i;
      }
      out += std::string("</") + tag + ">\n";
      continue;
    }
    if (TrimLine(line).front() == '>') {
      std::string quote;
      for (; i < lines.size() && !TrimLine(lines[i]).empty() && TrimLine(lines[i]).front() == '>'; ++i) {
        std::string_view q = TrimLine(TrimLine(lines[i]).substr(1));
        quote += (quote.empty() ? "" : " ") + std::string(q);
      }
      out += "<blockquote><p>" + Inline(quote) + "</p></blockquote>\n";
      continue;
    }
    std::string para;
    for (; i < lines.size() && !TrimLine(lines[i]).empty(); ++i) {
      std::string_view l = lines[i], t;
      bool ord = false;
      if (!para.empty() && (Heading(TrimLine(l), &t) || ListItem(l, &ord, &t) || TrimLine(l).front() == '>' ||
                            TrimLine(l).substr(0, 3) == "```"))
        break;
      para += (para.empty() ? "" : " ") + std::string(TrimLine(l));
    }
    out += "<p>" + Inline(para) + "</p>\n";
  }
  return out;
}

std::string MarkdownSummary(std::string_view markdown, size_t max_chars) {
  std::string text;
  for (std::string_view line : Lines(markdown)) {
    std::string_view t = TrimLine(line), rest;
    bool ord = false;
    if (t.empty()) {
      if (!text.empty()) break;
      continue;
    }
    if (Heading(t, &rest) || Rule(t) || t.substr(0, 3) == "```") {
      if (!text.empty()) break;
      continue;
    }
    if (ListItem(t, &ord, &rest)) t = rest;
    while (!t.empty() && t.front() == '>') t = TrimLine(t.substr(1));
    text += (text.empty() ? "" : " ") + std::string(t);
  }
  // Drop the markup characters of the inline syntax; keep link texts.
  std::string plain;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '*' || c == '`') continue;
    if (c == ']' && i + 1 < text.size() && text[i + 1] == '(') {
      size_t end = text.find(')', i);
      if (end != std::string::npos) {
        i = end;
        continue;
      }
    }
    if (c == '[') continue;
    plain += c;
  }
  // Cut at max_chars UTF-8 characters.
  size_t chars = 0, at = 0;
  for (; at < plain.size(); ++at) {
    if ((static_cast<unsigned char>(plain[at]) & 0xC0) != 0x80) {
      if (chars == max_chars) break;
      ++chars;
    }
  }
  if (at < plain.size()) return plain.substr(0, at) + "…";
  return plain;
}

}  // namespace jincai::http
