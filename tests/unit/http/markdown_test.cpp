// The news's Markdown subset: the blocks and inline marks it knows, and that nothing in
// an article can become markup the site did not write (raw HTML, script URLs, quotes).
#include "http/markdown.h"

#include <gtest/gtest.h>

#include <chrono>

namespace jincai::http {
namespace {

TEST(Markdown, BlocksAndInlineMarks) {
  EXPECT_EQ(MarkdownToHtml("# Title\n\nOne **two** *three* `four`\nfive\n\n- a\n- b\n\n1. x\n2. y\n"),
            "<h1>Title</h1>\n<p>One <strong>two</strong> <em>three</em> <code>four</code> five</p>\n"
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>x</li>\n<li>y</li>\n</ol>\n");
  EXPECT_EQ(MarkdownToHtml("> quoted\n> more\n\n---\n```\ncode <b>\n```\n"),
            "<blockquote><p>quoted more</p></blockquote>\n<hr>\n<pre><code>code &lt;b&gt;\n</code></pre>\n");
  EXPECT_EQ(MarkdownToHtml("see [the policy](/policy) and [site](https://example.org/a?b=1&c=2)"),
            "<p>see <a href=\"/policy\" rel=\"noopener nofollow\">the policy</a> and "
            "<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener nofollow\">site</a></p>\n");
  EXPECT_EQ(MarkdownToHtml("tier_a_min_points and _em_"), "<p>tier_a_min_points and <em>em</em></p>\n");
  EXPECT_EQ(MarkdownToHtml("中文**加粗**"), "<p>中文<strong>加粗</strong></p>\n");
}

TEST(Markdown, NothingBecomesMarkupTheSiteDidNotWrite) {
  EXPECT_EQ(MarkdownToHtml("<script>alert(1)</script>"), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
  EXPECT_EQ(MarkdownToHtml("[x](javascript:alert(1))"), "<p>x)</p>\n") << "unsafe target: text only";
  EXPECT_EQ(MarkdownToHtml("[x](//evil.example/)"), "<p>x</p>\n") << "protocol-relative";
  EXPECT_EQ(MarkdownToHtml("[x](https://a.example/\" onclick=\"y)"),
            "<p><a href=\"https://a.example/&quot; onclick=&quot;y\" rel=\"noopener nofollow\">x</a></p>\n");
  EXPECT_EQ(MarkdownToHtml("**<img src=x onerror=y>**"), "<p><strong>&lt;img src=x onerror=y&gt;</strong></p>\n");
  EXPECT_EQ(MarkdownToHtml("# <i>'x'</i>"), "<h1>&lt;i&gt;&#39;x&#39;&lt;/i&gt;</h1>\n");
}

TEST(Markdown, SummaryIsThePlainFirstParagraph) {
  EXPECT_EQ(MarkdownSummary("## Head\n\nThe **card** gives [a city](/x) of choice.\n\nMore.", 100),
            "The card gives a city of choice.");
  EXPECT_EQ(MarkdownSummary("人才绿卡按能力评价", 4), "人才绿卡…");
  EXPECT_EQ(MarkdownSummary("", 10), "");
}

TEST(Markdown, UnclosedMarksStayLinear) {
  // 100 KB of marks that never close: each is looked for once, not once per mark.
  for (const char* mark : {"*", "**", "_ ", "[", "](", "[a]("}) {
    std::string body;
    while (body.size() < 100000) body += mark;
    const auto start = std::chrono::steady_clock::now();
    std::string html = MarkdownToHtml(body);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(ms, 1000) << mark;
    EXPECT_EQ(html.find("<", 3), html.rfind("</p>")) << mark << ": no markup but the paragraph: " << html.substr(0, 40);
  }
}

}  // namespace
}  // namespace jincai::http
