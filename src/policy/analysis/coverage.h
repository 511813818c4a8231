// Citation coverage: which sentences of a policy's source text no citation covers, and
// which citations quote something the source does not say. Pure functions over a
// PolicyDocument and the source text; `jincai policy coverage` prints the report.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policy/model/policy.h"

namespace jincai::policy {

// The paragraphs of a source text: its non-empty (not all-blank) lines, numbered from 1,
// without line terminators. A leading UTF-8 byte-order mark is dropped.
std::vector<std::string_view> SplitParagraphs(std::string_view text);

// The sentences of one paragraph as [begin, end) byte ranges, trimmed of blanks. A
// sentence ends after . ! ? (and any closing quotes or brackets) followed by a blank or
// the end, or after the Chinese 。！？ whatever follows; ranges that hold only blanks
// are dropped.
std::vector<std::pair<size_t, size_t>> SplitSentences(std::string_view paragraph);

// A quote or source text as the comparison sees it: ASCII letters lower-cased, runs of
// blanks (ASCII, NBSP, ideographic space) folded to one space, ends trimmed.
std::string FoldForQuote(std::string_view s);

// One citation of the policy with what it belongs to ("criterion 'academician'").
struct CitationRef {
  std::string owner;
  const Cite* cite = nullptr;
};
// Every non-empty citation: inputs, parameters, formulas, criteria, tiers, entitlements.
std::vector<CitationRef> CollectCitations(const PolicyDocument& doc);

struct CoverageSentence {
  int para = 0;       // 1-based paragraph
  int index = 0;      // 1-based sentence within the paragraph
  std::string text;
  bool covered = false;
  bool set_aside = false;  // its paragraph is one of [coverage] not_provisions
};

struct SetAsideParagraph {
  int para = 0;
  std::string why;
};

// A citation (or a not_provisions entry, whose loc is then unknown) that does not
// match the source: a quote not found, a paragraph beyond the end.
struct CitationProblem {
  std::string owner;
  std::string cite_text;
  Location loc;
  std::string message;
};

struct CoverageReport {
  int paragraphs = 0;
  std::vector<CoverageSentence> sentences;  // every sentence, in source order
  std::vector<SetAsideParagraph> set_aside; // in the order declared, only real paragraphs
  std::vector<CitationProblem> problems;
  int covered = 0, uncovered = 0, set_aside_sentences = 0;
};

// Matches every citation of `doc` against `source` (see docs/policy-language.md,
// "Citations and coverage"). A quote covers each place it occurs (within its ¶N when
// given); a ¶N without a quote covers the whole paragraph.
CoverageReport AnalyzeCoverage(const PolicyDocument& doc, std::string_view source);

}  // namespace jincai::policy
