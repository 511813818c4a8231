// A safe subset of Markdown to HTML, for the office's news: ATX headings, paragraphs,
// lists (- * 1.), block quotes, fenced code, rules; **strong**, *emphasis*, `code` and
// [links](https://...). Every character of the source is HTML-escaped and raw HTML is
// shown as text; a link's target must be http(s), mailto or a path on this site, else
// the link is shown as its text. So an article can never carry script.
#pragma once

#include <string>
#include <string_view>

namespace jincai::http {

std::string MarkdownToHtml(std::string_view markdown);
// The first paragraph as plain text, cut at `max_chars` characters (UTF-8) with "…".
std::string MarkdownSummary(std::string_view markdown, size_t max_chars);
// HTML/XML text escaping of & < > " '.
std::string EscapeHtml(std::string_view text);
// The same for XML 1.0 (the Atom feeds), which cannot carry control characters other
// than tab and line breaks: those are left out.
std::string EscapeXml(std::string_view text);

}  // namespace jincai::http
