// Fuzzes the news's Markdown renderer with arbitrary text: it must end (no quadratic
// blow-up: libFuzzer's timeout), stay within its bounds (the sanitizers), and never
// emit markup the source could smuggle: every '<' in the output begins one of the tags
// the renderer writes itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/markdown.h"

namespace {

bool OwnTag(std::string_view rest) {
  for (std::string_view tag : {"<p>", "</p>", "<h1>", "<h2>", "<h3>", "<h4>", "<h5>", "<h6>", "</h1>", "</h2>", "</h3>",
                               "</h4>", "</h5>", "</h6>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "<hr>",
                               "<pre>", "</pre>", "<code>", "</code>", "<strong>", "</strong>", "<em>", "</em>",
                               "<blockquote>", "</blockquote>", "<a href=\"", "</a>"})
    if (rest.substr(0, tag.size()) == tag) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string html = jincai::http::MarkdownToHtml(text);
  for (size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1))
    if (!OwnTag(std::string_view(html).substr(at))) std::abort();
  // An attribute value never holds a raw quote: it would end the attribute.
  for (size_t at = html.find("<a href=\""); at != std::string::npos; at = html.find("<a href=\"", at + 1)) {
    size_t end = html.find('"', at + 9);
    if (end == std::string::npos || html.compare(end, 2, "\" ") != 0) std::abort();
  }
  (void)jincai::http::MarkdownSummary(text, 120);
  return 0;
}
