// The market's search terms: Chinese runs give characters and neighbouring pairs, a
// query's run of two or more gives only its pairs, other words are lower-cased whole.
#include "domain/search_terms.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace jincai::domain {
namespace {

using V = std::vector<std::string>;

bool Finds(const std::string& text, const std::string& query) {
  V have = IndexTerms(text), want = QueryTerms(query);
  if (want.empty()) return false;
  return std::includes(have.begin(), have.end(), want.begin(), want.end());
}

TEST(SearchTermsTest, ChineseRunsGiveCharactersAndPairs) {
  EXPECT_EQ(IndexTerms("工程师"), (V{"工", "工程", "师", "程", "程师"}));
  EXPECT_EQ(QueryTerms("工程师"), (V{"工程", "程师"}));
  EXPECT_EQ(QueryTerms("材"), (V{"材"}));
}

TEST(SearchTermsTest, TwoAndThreeCharacterQueriesFindWordsInsideLongerText) {
  const std::string title = "新能源材料研发工程师";
  EXPECT_TRUE(Finds(title, "工程师"));
  EXPECT_TRUE(Finds(title, "材料"));
  EXPECT_TRUE(Finds(title, "研发"));
  EXPECT_TRUE(Finds(title, "能"));
  EXPECT_FALSE(Finds(title, "工程车"));
  EXPECT_FALSE(Finds(title, "料研究"));
  // Pairs never span punctuation or a change of script.
  EXPECT_FALSE(Finds("材料，研发", "料研"));
  EXPECT_FALSE(Finds("材料C++研发", "料研"));
}

TEST(SearchTermsTest, OtherWordsAreLowerCasedWhole) {
  EXPECT_EQ(IndexTerms("Battery-safety C++ and C# (CNC)"), (V{"and", "battery", "c#", "c++", "cnc", "safety"}));
  EXPECT_TRUE(Finds("Senior Python developer", "PYTHON developer"));
  EXPECT_FALSE(Finds("Senior Python developer", "pyth"));
  EXPECT_TRUE(Finds("Lüliang façade", "LüLIANG"));  // only ASCII letters change case
  EXPECT_FALSE(Finds("Lüliang façade", "LÜLIANG"));
  EXPECT_TRUE(Finds("数据分析 SQL 工程师", "sql 数据"));
}

TEST(SearchTermsTest, QueriesWithoutTermsAndBrokenTextAreHarmless) {
  EXPECT_TRUE(QueryTerms("").empty());
  EXPECT_TRUE(QueryTerms(" !!! ，。 ").empty());
  EXPECT_EQ(IndexTerms(std::string("ab\xff\xfe" "cd")), (V{"ab", "cd"}));  // malformed bytes split words
  EXPECT_EQ(IndexTerms(std::string("\xe5\xb7")), V{});                    // a truncated character
  EXPECT_TRUE(IndexTerms(std::string(100, 'x')).empty());                 // a 100-letter "word" is not indexed
  EXPECT_EQ(IndexTerms("𠀀𠀁"), (V{"𠀀", "𠀀𠀁", "𠀁"}));                  // characters beyond the BMP
  EXPECT_EQ(IndexTerms(std::string("x\xc1\x81y")), (V{"x", "y"}));       // an overlong 'A' is not a letter
  EXPECT_EQ(IndexTerms(std::string("\xf0\x84\xb8\x80")), V{});          // an overlong 一 is not Chinese
  EXPECT_EQ(IndexTerms(std::string("\xed\xa0\x80")), V{});               // a surrogate
}

TEST(SearchTermsTest, FullWidthFormsAreAscii) {
  EXPECT_EQ(IndexTerms("Ｐｙｔｈｏｎ　２０２４"), (V{"2024", "python"}));
  EXPECT_TRUE(Finds("Python 开发", "ｐｙｔｈｏｎ"));
}

TEST(SearchTermsTest, ALongQueryWordNarrowsInsteadOfVanishing) {
  const std::string long_word(65, 'a');
  EXPECT_FALSE(Finds("java " + long_word, "java " + long_word));  // never indexed, so never found
  EXPECT_EQ(QueryTerms(long_word), V{long_word});
}

}  // namespace
}  // namespace jincai::domain
