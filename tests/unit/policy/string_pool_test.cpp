// Tests of StringPool: dense stable ids, id 0 for "", lookups without interning.
#include "policy/string_pool.h"

#include <gtest/gtest.h>

#include <string>

namespace jincai::policy {
namespace {

TEST(StringPool, EmptyStringIsZero) {
  StringPool pool;
  EXPECT_EQ(pool.size(), 1u);
  EXPECT_EQ(pool.Find(""), 0);
  EXPECT_EQ(pool.Intern(""), 0);
  EXPECT_EQ(pool.Get(0), "");
}

TEST(StringPool, InternsOnce) {
  StringPool pool;
  const int64_t a = pool.Intern("academician");
  const int64_t b = pool.Intern("national_talent_program");
  EXPECT_EQ(a, 1);
  EXPECT_EQ(b, 2);
  EXPECT_EQ(pool.Intern(std::string("academician")), a);
  EXPECT_EQ(pool.Find("national_talent_program"), b);
  EXPECT_EQ(pool.Find("nobody"), -1);
  EXPECT_EQ(pool.size(), 3u);  // Find does not intern
  EXPECT_EQ(pool.Get(a), "academician");
  EXPECT_EQ(pool.Intern("张伟"), 3);
  EXPECT_EQ(pool.Get(3), "张伟");
}

TEST(StringPool, IdsAndReferencesStayStable) {
  StringPool pool;
  const std::string& first = pool.Get(pool.Intern("first"));
  for (int i = 0; i < 100000; ++i) pool.Intern("s" + std::to_string(i));
  EXPECT_EQ(first, "first");
  EXPECT_EQ(pool.Find("first"), 1);
  EXPECT_EQ(pool.Find("s99999"), 100001);
  EXPECT_EQ(pool.Get(100001), "s99999");
}

}  // namespace
}  // namespace jincai::policy
