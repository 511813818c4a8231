// The terms of the recruitment market's full-text search (SPEC §5.5), for Chinese and
// for languages written with spaces, without a dictionary: a run of Chinese (CJK)
// characters gives each of its characters and each pair of neighbours; any other run
// of letters and digits gives the word, lower-cased (ASCII; full-width forms count as
// ASCII). A query matches a text
// when the text has every term of the query, where a query's Chinese run of two or
// more characters gives only its pairs: "工程师" asks for 工程 and 程师, so a two- or
// three-character query finds the word inside longer text, as a segmenter would not.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jincai::domain {

// The distinct terms of a stored text, sorted.
std::vector<std::string> IndexTerms(std::string_view text);
// The distinct terms a query asks for, sorted; empty when it has none (only spaces or
// punctuation).
std::vector<std::string> QueryTerms(std::string_view query);

}  // namespace jincai::domain
