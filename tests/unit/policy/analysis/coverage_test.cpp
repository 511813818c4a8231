// Tests of citation coverage: paragraph and sentence splitting, quote folding, and which
// sentences a policy's citations cover, set aside or fail to match.
#include "policy/analysis/coverage.h"

#include <gtest/gtest.h>

#include "policy/engine.h"

namespace jincai::policy {
namespace {

std::vector<std::string> Sentences(std::string_view p) {
  std::vector<std::string> out;
  for (auto [b, e] : SplitSentences(p)) out.emplace_back(p.substr(b, e - b));
  return out;
}

// A valid policy whose criteria carry `cites` (TOML literal strings), one criterion each,
// plus [coverage] not_provisions for `aside` paragraphs.
PolicyDocument Policy(const std::vector<std::string>& cites, const std::vector<int>& aside = {}) {
  std::string toml = R"([policy]
id = "t"
version = "1"
title = "T"
effective = 2017-01-01

[inputs.score]
type = "number"

[[tiers]]
id = "A"
name = "A"
when = 'total_points >= 10'
)";
  for (size_t k = 0; k < cites.size(); ++k)
    toml += "[[criteria]]\nid = \"c" + std::to_string(k) + "\"\ndimension = \"ability\"\npoints = 'score'\ncite = '" + cites[k] + "'\n";
  if (!aside.empty()) {
    toml += "[coverage]\nnot_provisions = [";
    for (int p : aside) toml += "{ para = " + std::to_string(p) + ", why = \"not a rule\" },";
    toml += "]\n";
  }
  PolicyBuild b = BuildPolicyText("t.toml", toml);
  EXPECT_FALSE(b.diags.has_errors()) << b.diags.Render();
  return b.checked ? *b.checked->doc : PolicyDocument{};
}

constexpr const char* kSource =
    "Headline of the Opinions\n"
    "\n"
    "Talents are evaluated on ability. Degrees no longer decide!   Titles neither?\n"
    "   \n"
    "Talents receive a \"green card\". They choose their residence.\r\n"
    "Employers provide turnover housing. The green card lasts.\n";

std::vector<std::string> Uncovered(const CoverageReport& r) {
  std::vector<std::string> out;
  for (const auto& s : r.sentences)
    if (!s.covered && !s.set_aside) out.push_back(std::to_string(s.para) + "." + std::to_string(s.index));
  return out;
}

TEST(SplitParagraphs, NonBlankLinesNumberedFromOne) {
  auto p = SplitParagraphs("\xEF\xBB\xBFOne\n\n  \t\nTwo\r\n\xE3\x80\x80\nThree");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0], "One");
  EXPECT_EQ(p[1], "Two");
  EXPECT_EQ(p[2], "Three");
  EXPECT_TRUE(SplitParagraphs("").empty());
  EXPECT_TRUE(SplitParagraphs("\n\n \n").empty());
}

TEST(SplitSentences, EndsAtTerminatorsFollowedByABlank) {
  EXPECT_EQ(Sentences("One. Two! Three? Four"), (std::vector<std::string>{"One.", "Two!", "Three?", "Four"}));
  // Decimals, domains and abbreviations glued to the next word are not sentence ends.
  EXPECT_EQ(Sentences("Rate 3.5 at www.example.com applies. Next"),
            (std::vector<std::string>{"Rate 3.5 at www.example.com applies.", "Next"}));
  // Closing quotes and brackets stay with their sentence; runs of terminators end once.
  EXPECT_EQ(Sentences("He said \"yes.\" Really?! (Finish.) End..."),
            (std::vector<std::string>{"He said \"yes.\"", "Really?!", "(Finish.)", "End..."}));
}

TEST(SplitSentences, ChineseTerminatorsNeedNoBlank) {
  EXPECT_EQ(Sentences("人才是第一资源。实行“绿卡”制度！是吗？好"),
            (std::vector<std::string>{"人才是第一资源。", "实行“绿卡”制度！", "是吗？", "好"}));
  EXPECT_EQ(Sentences("他说：“好。”然后"), (std::vector<std::string>{"他说：“好。”", "然后"}));
}

TEST(SplitSentences, DropsBlankAndPunctuationOnlyPieces) {
  EXPECT_EQ(Sentences("  *** . Real one.  "), (std::vector<std::string>{"Real one."}));
  EXPECT_TRUE(Sentences("--- ... !!!").empty());
}

TEST(FoldForQuote, LowerCasesAsciiAndFoldsBlanks) {
  EXPECT_EQ(FoldForQuote("  Green\t\tCARD \xC2\xA0 system\xE3\x80\x80"), "green card system");
  EXPECT_EQ(FoldForQuote("绿卡 Card"), "绿卡 card");
  EXPECT_EQ(FoldForQuote(" \n "), "");
}

TEST(CollectCitations, EveryKindOfDeclarationWithItsOwner) {
  PolicyBuild b = BuildPolicyText("t.toml", R"([policy]
id = "t"
version = "1"
title = "T"
effective = 2017-01-01
[inputs.score]
type = "number"
cite = '¶1'
[parameters.a_min]
type = "number"
value = 10
assumption = "office"
cite = '¶2'
[formulas.twice]
expr = 'score * 2'
cite = '¶3'
[[criteria]]
id = "c"
dimension = "ability"
points = 'twice'
cite = '¶4'
[[criteria]]
id = "uncited"
dimension = "ability"
points = '1'
[[tiers]]
id = "A"
name = "A"
when = 'total_points >= a_min'
cite = '¶5'
[[entitlements]]
id = "housing"
tiers = ["A"]
payer = "employer"
cite = '¶6'
)");
  ASSERT_TRUE(b.checked) << b.diags.Render();
  std::vector<std::string> owners;
  for (const auto& c : CollectCitations(*b.checked->doc)) owners.push_back(c.owner);
  EXPECT_EQ(owners, (std::vector<std::string>{"input 'score'", "parameter 'a_min'", "formula 'twice'",
                                              "criterion 'c'", "tier 'A'", "entitlement 'housing'"}));
}

TEST(AnalyzeCoverage, QuotesCoverTheSentencesTheyOverlap) {
  // Case and blanks do not matter; a quote across a sentence end covers both sentences.
  PolicyDocument doc = Policy({R"("TALENTS are   evaluated")", R"("no longer decide!   Titles")"});
  CoverageReport r = AnalyzeCoverage(doc, kSource);
  EXPECT_EQ(r.paragraphs, 4);
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(Uncovered(r), (std::vector<std::string>{"1.1", "3.1", "3.2", "4.1", "4.2"}));
  EXPECT_EQ(r.covered, 3);
  EXPECT_EQ(r.uncovered, 5);
  EXPECT_EQ(r.sentences[4].text, "Talents receive a \"green card\".");
}

TEST(AnalyzeCoverage, AQuoteCoversEveryPlaceItOccursUnlessAParagraphIsNamed) {
  CoverageReport everywhere = AnalyzeCoverage(Policy({R"("green card")"}), kSource);
  EXPECT_EQ(Uncovered(everywhere), (std::vector<std::string>{"1.1", "2.1", "2.2", "2.3", "3.2", "4.1"}));
  CoverageReport in_four = AnalyzeCoverage(Policy({R"(¶4 "green card")"}), kSource);
  EXPECT_EQ(Uncovered(in_four), (std::vector<std::string>{"1.1", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1"}));
}

TEST(AnalyzeCoverage, AParagraphWithoutAQuoteCoversTheWholeParagraph) {
  CoverageReport r = AnalyzeCoverage(Policy({"¶2", "¶3"}), kSource);
  EXPECT_EQ(Uncovered(r), (std::vector<std::string>{"1.1", "4.1", "4.2"}));
}

TEST(AnalyzeCoverage, AQuoteMayRunOverTwoParagraphs) {
  CoverageReport r = AnalyzeCoverage(Policy({R"("their residence. Employers provide")"}), kSource);
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(Uncovered(r), (std::vector<std::string>{"1.1", "2.1", "2.2", "2.3", "3.1", "4.2"}));
}

TEST(AnalyzeCoverage, NotProvisionsAreSetAsideNotCounted) {
  CoverageReport r = AnalyzeCoverage(Policy({"¶2"}, {1, 4, 1}), kSource);
  EXPECT_EQ(Uncovered(r), (std::vector<std::string>{"3.1", "3.2"}));
  EXPECT_EQ(r.set_aside_sentences, 3);
  ASSERT_EQ(r.set_aside.size(), 2u);  // ¶1 listed twice counts once
  EXPECT_EQ(r.set_aside[0].para, 1);
  EXPECT_EQ(r.set_aside[1].para, 4);
  EXPECT_EQ(r.set_aside[1].why, "not a rule");
  EXPECT_TRUE(r.sentences[0].set_aside);
}

TEST(AnalyzeCoverage, QuotesNotInTheSourceAreProblemsWithTheirLocation) {
  PolicyDocument doc = Policy({R"("blue card")", R"(¶2 "green card")", "¶9"});
  CoverageReport r = AnalyzeCoverage(doc, kSource);
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].owner, "criterion 'c0'");
  EXPECT_EQ(r.problems[0].message, "the quote \"blue card\" is not in the source");
  EXPECT_GT(r.problems[0].loc.line, 0);
  EXPECT_EQ(r.problems[0].cite_text, "\"blue card\"");
  EXPECT_EQ(r.problems[1].message, "the quote \"green card\" is not in \xC2\xB6" "2 (it is in \xC2\xB6" "3)");
  EXPECT_EQ(r.problems[2].message, "\xC2\xB6" "9 is not a paragraph of the source (the source has 4 paragraph(s))");
  // A bad citation covers nothing.
  EXPECT_EQ(r.covered, 0);
}

TEST(AnalyzeCoverage, AnEmptyQuoteIsRejectedWhenThePolicyIsLoaded) {
  PolicyBuild b = BuildPolicyText("t.toml", "[policy]\nid = \"x\"\nversion = \"1\"\ntitle = \"t\"\neffective = 2017-01-01\n"
                                            "[inputs.score]\ntype = \"number\"\ncite = '¶3 \"   \"'\n[[tiers]]\nid = \"A\"\nwhen = 'true'\n");
  EXPECT_NE(b.diags.Render().find("the quoted passage of a citation is empty"), std::string::npos) << b.diags.Render();
}

TEST(AnalyzeCoverage, NotProvisionBeyondTheSourceIsAProblem) {
  CoverageReport r = AnalyzeCoverage(Policy({"¶1"}, {7}), kSource);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].owner, "[coverage] not_provisions");
  EXPECT_EQ(r.problems[0].loc.line, 0);
}

TEST(AnalyzeCoverage, EmptySourceHasNothingToCover) {
  CoverageReport r = AnalyzeCoverage(Policy({"\"anything\""}), "");
  EXPECT_EQ(r.paragraphs, 0);
  EXPECT_TRUE(r.sentences.empty());
  ASSERT_EQ(r.problems.size(), 1u);
}

TEST(AnalyzeCoverage, ChineseSourceAndQuotes) {
  const std::string src = "深化人才发展体制机制改革。实行“绿卡”制度！\n子女可自主选择中小学。";
  CoverageReport r = AnalyzeCoverage(Policy({"\"“绿卡”制度\""}), src);
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(Uncovered(r), (std::vector<std::string>{"1.1", "2.1"}));
}

}  // namespace
}  // namespace jincai::policy
