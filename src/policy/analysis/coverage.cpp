// Citation coverage (see coverage.h). The source is folded once into one comparison
// string that remembers, for each of its bytes, the paragraph and byte it came from,
// so a quote found in folded text can be mapped back onto the sentences it overlaps.
#include "policy/analysis/coverage.h"

#include <algorithm>
#include <tuple>

namespace jincai::policy {
namespace {

// Bytes of the blank character at s[i], or 0. Besides ASCII blanks, NBSP and the
// ideographic space, which Chinese texts use between sentences.
size_t BlankLen(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (s.substr(i, 3) == "\xE3\x80\x80") return 3;
  return 0;
}

bool StartsWithAny(std::string_view s, size_t i, std::initializer_list<std::string_view> options, size_t* len) {
  for (std::string_view o : options) {
    if (s.substr(i, o.size()) == o) {
      *len = o.size();
      return true;
    }
  }
  return false;
}

// 。！？ end a sentence with no blank after them.
size_t CjkTerminatorLen(std::string_view s, size_t i) {
  size_t len = 0;
  return StartsWithAny(s, i, {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F"}, &len) ? len : 0;
}

bool IsAsciiTerminator(char c) { return c == '.' || c == '!' || c == '?'; }

// Closing quotes and brackets that belong to the sentence they follow: `said "yes."`.
size_t SkipClosers(std::string_view s, size_t i) {
  while (i < s.size()) {
    char c = s[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']') { ++i; continue; }
    size_t len = 0;
    // ” ’ ） 」 』 》
    if (StartsWithAny(s, i, {"\xE2\x80\x9D", "\xE2\x80\x99", "\xEF\xBC\x89", "\xE3\x80\x8D", "\xE3\x80\x8F", "\xE3\x80\x8B"}, &len)) {
      i += len;
      continue;
    }
    break;
  }
  return i;
}

// A sentence worth reporting holds a letter, a digit or a non-ASCII character: a line
// of "***" or "--" is layout, not a provision.
bool HasContent(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
  });
}

// Folds `s` like FoldForQuote, recording in `origin` the byte of `s` each output byte
// came from (a folded run of blanks maps to its first blank).
void FoldMapped(std::string_view s, std::string& out, std::vector<size_t>& origin) {
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    if (size_t b = BlankLen(s, i)) {
      if (!pending_space && !out.empty()) {
        pending_space = true;
        origin.push_back(i);  // provisional; dropped below if the text ends blank
        out.push_back(' ');
      }
      i += b;
      continue;
    }
    pending_space = false;
    char c = s[i];
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    origin.push_back(i);
    ++i;
  }
  if (pending_space) {
    out.pop_back();
    origin.pop_back();
  }
}

struct Place {
  int para;       // 0-based
  size_t offset;  // byte in the paragraph
};

// The folded source: all paragraphs joined by one space, with each byte's origin.
struct FoldedSource {
  std::string text;
  std::vector<Place> origin;
  std::vector<std::pair<size_t, size_t>> para_range;  // [begin, end) in text

  explicit FoldedSource(const std::vector<std::string_view>& paras) {
    std::string p;
    std::vector<size_t> off;
    for (size_t k = 0; k < paras.size(); ++k) {
      if (k > 0) {
        text.push_back(' ');
        origin.push_back({static_cast<int>(k) - 1, paras[k - 1].size()});
      }
      p.clear();
      off.clear();
      FoldMapped(paras[k], p, off);
      size_t begin = text.size();
      text += p;
      for (size_t o : off) origin.push_back({static_cast<int>(k), o});
      para_range.emplace_back(begin, text.size());
    }
  }

  // Every start of `q` in text[begin, end).
  std::vector<size_t> FindAll(const std::string& q, size_t begin, size_t end) const {
    std::vector<size_t> hits;
    std::string_view hay(text.data() + begin, end - begin);
    for (size_t at = hay.find(q); at != std::string_view::npos; at = hay.find(q, at + 1)) hits.push_back(begin + at);
    return hits;
  }

  int ParaOf(size_t pos) const { return origin[pos].para; }
};

}  // namespace

std::vector<std::string_view> SplitParagraphs(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string_view> paras;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    bool blank = true;
    for (size_t i = 0; i < line.size();) {
      size_t b = BlankLen(line, i);
      if (!b) { blank = false; break; }
      i += b;
    }
    if (!blank) paras.push_back(line);
    start = nl + 1;
  }
  return paras;
}

std::vector<std::pair<size_t, size_t>> SplitSentences(std::string_view p) {
  std::vector<std::pair<size_t, size_t>> raw;
  size_t start = 0;
  for (size_t i = 0; i < p.size();) {
    if (IsAsciiTerminator(p[i])) {
      size_t j = i + 1;
      while (j < p.size() && IsAsciiTerminator(p[j])) ++j;
      j = SkipClosers(p, j);
      // "3.5", "e.g.x" and "www.example.com" are not sentence ends: a blank must follow.
      if (j == p.size() || BlankLen(p, j)) {
        raw.emplace_back(start, j);
        start = j;
      }
      i = j;
      continue;
    }
    if (size_t len = CjkTerminatorLen(p, i)) {
      size_t j = i + len;
      for (size_t more; j < p.size() && ((more = CjkTerminatorLen(p, j)) || IsAsciiTerminator(p[j]));)
        j += more ? more : 1;
      j = SkipClosers(p, j);
      raw.emplace_back(start, j);
      start = i = j;
      continue;
    }
    ++i;
  }
  raw.emplace_back(start, p.size());
  std::vector<std::pair<size_t, size_t>> out;
  for (auto [b, e] : raw) {
    while (b < e && BlankLen(p, b)) b += BlankLen(p, b);
    // Trailing blanks: step back over whole characters only.
    while (b < e) {
      if (BlankLen(p, e - 1) == 1) { --e; continue; }
      if (e - b >= 2 && BlankLen(p, e - 2) == 2) { e -= 2; continue; }
      if (e - b >= 3 && BlankLen(p, e - 3) == 3) { e -= 3; continue; }
      break;
    }
    if (b < e && HasContent(p.substr(b, e - b))) out.emplace_back(b, e);
  }
  return out;
}

std::string FoldForQuote(std::string_view s) {
  std::string out;
  std::vector<size_t> origin;
  FoldMapped(s, out, origin);
  return out;
}

std::vector<CitationRef> CollectCitations(const PolicyDocument& doc) {
  std::vector<CitationRef> refs;
  auto add = [&](const char* kind, const std::string& name, const Cite& c) {
    if (!c.text.empty()) refs.push_back({std::string(kind) + " '" + name + "'", &c});
  };
  for (const auto& x : doc.inputs) add("input", x.name(), x.cite);
  for (const auto& x : doc.parameters) add("parameter", x.name, x.cite);
  for (const auto& x : doc.formulas) add("formula", x.name, x.cite);
  for (const auto& x : doc.criteria) add("criterion", x.id, x.cite);
  for (const auto& x : doc.tiers) add("tier", x.id, x.cite);
  for (const auto& x : doc.entitlements) add("entitlement", x.id, x.cite);
  return refs;
}

CoverageReport AnalyzeCoverage(const PolicyDocument& doc, std::string_view source) {
  CoverageReport r;
  const std::vector<std::string_view> paras = SplitParagraphs(source);
  r.paragraphs = static_cast<int>(paras.size());
  const FoldedSource folded(paras);

  // Sentences per paragraph, as byte ranges, then one flat list in source order.
  std::vector<std::vector<std::pair<size_t, size_t>>> ranges(paras.size());
  std::vector<size_t> first_sentence(paras.size());
  for (size_t k = 0; k < paras.size(); ++k) {
    ranges[k] = SplitSentences(paras[k]);
    first_sentence[k] = r.sentences.size();
    for (size_t s = 0; s < ranges[k].size(); ++s) {
      CoverageSentence cs;
      cs.para = static_cast<int>(k) + 1;
      cs.index = static_cast<int>(s) + 1;
      cs.text = std::string(paras[k].substr(ranges[k][s].first, ranges[k][s].second - ranges[k][s].first));
      r.sentences.push_back(std::move(cs));
    }
  }
  auto cover = [&](int para, size_t b, size_t e) {  // bytes [b, e) of 0-based paragraph
    for (size_t s = 0; s < ranges[static_cast<size_t>(para)].size(); ++s) {
      auto [sb, se] = ranges[static_cast<size_t>(para)][s];
      if (b < se && sb < e) r.sentences[first_sentence[static_cast<size_t>(para)] + s].covered = true;
    }
  };
  auto in_range = [&](int para) { return para >= 1 && para <= r.paragraphs; };
  auto problem = [&](const CitationRef& ref, std::string message) {
    r.problems.push_back({ref.owner, ref.cite->text, ref.cite->loc, std::move(message)});
  };
  const std::string paragraph_count = "the source has " + std::to_string(r.paragraphs) + " paragraph(s)";

  for (const CitationRef& ref : CollectCitations(doc)) {
    const Cite& c = *ref.cite;
    if (c.para && !in_range(*c.para)) {
      problem(ref, "\xC2\xB6" + std::to_string(*c.para) + " is not a paragraph of the source (" + paragraph_count + ")");
      continue;
    }
    const std::string q = FoldForQuote(c.quote);
    if (q.empty()) {
      if (!c.quote.empty() || !c.para) {
        problem(ref, "the citation quotes nothing: give a passage between quotes, a \xC2\xB6N, or both");
      } else {
        const int k = *c.para - 1;
        cover(k, 0, paras[static_cast<size_t>(k)].size());
      }
      continue;
    }
    size_t begin = 0, end = folded.text.size();
    if (c.para) std::tie(begin, end) = folded.para_range[static_cast<size_t>(*c.para - 1)];
    const std::vector<size_t> hits = folded.FindAll(q, begin, end);
    if (hits.empty()) {
      std::string msg = "the quote \"" + c.quote + "\" is not in ";
      msg += c.para ? "\xC2\xB6" + std::to_string(*c.para) : std::string("the source");
      if (c.para) {
        const std::vector<size_t> elsewhere = folded.FindAll(q, 0, folded.text.size());
        if (!elsewhere.empty()) msg += " (it is in \xC2\xB6" + std::to_string(folded.ParaOf(elsewhere[0]) + 1) + ")";
      }
      problem(ref, msg);
      continue;
    }
    // Each hit may run over several paragraphs: cover each paragraph's part of it.
    for (size_t h : hits) {
      size_t pos = h;
      while (pos < h + q.size()) {
        const int para = folded.origin[pos].para;
        size_t lo = folded.origin[pos].offset, hi = lo;
        while (pos < h + q.size() && folded.origin[pos].para == para) hi = folded.origin[pos++].offset;
        cover(para, lo, hi + 1);
      }
    }
  }

  std::vector<bool> aside(paras.size(), false);
  for (const NotProvision& np : doc.not_provisions) {
    if (!in_range(np.para)) {
      r.problems.push_back({"[coverage] not_provisions", "para = " + std::to_string(np.para), Location{},
                            "\xC2\xB6" + std::to_string(np.para) + " is not a paragraph of the source (" + paragraph_count + ")"});
      continue;
    }
    if (!aside[static_cast<size_t>(np.para - 1)]) r.set_aside.push_back({np.para, np.why});
    aside[static_cast<size_t>(np.para - 1)] = true;
  }
  for (auto& s : r.sentences) {
    s.set_aside = aside[static_cast<size_t>(s.para - 1)];
    if (s.set_aside) ++r.set_aside_sentences;
    else if (s.covered) ++r.covered;
    else ++r.uncovered;
  }
  return r;
}

}  // namespace jincai::policy
