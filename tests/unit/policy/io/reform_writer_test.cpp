// Writing a reform's parameter values into a policy's text: single and dated values
// (over one line or several) replaced, the version changed, everything else as written;
// a parameter or version that is not there is an error.
#include "policy/io/reform_writer.h"

#include <gtest/gtest.h>

namespace jincai::policy {
namespace {

constexpr const char* kText = R"(# a comment
[policy]
id = "p"
version = "1.0.0"   # the version

[parameters.rate]
type = "number"
values = [
  { from = 2017-03-29, value = 0.20 },   # first
  { from = 2019-05-01, value = 0.16 },
]
cite = '¶1 "x"'

[parameters.cap]
type = "number"
value = 30

[parameters.flag]
type = "bool"
values = [{ from = 2017-03-29, value = true }]
)";

TEST(ReformWriter, ReplacesValuesAndVersionAndKeepsTheRest) {
  auto out = RewriteParameters(kText, {{"rate", "2017-03-29", "0.15"}, {"cap", "", "45"}, {"flag", "2017-03-29", "false"}},
                               "1.1.0");
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(*out, R"(# a comment
[policy]
id = "p"
version = "1.1.0"

[parameters.rate]
type = "number"
values = [{ from = 2017-03-29, value = 0.15 }]  # reform: one value for all dates
cite = '¶1 "x"'

[parameters.cap]
type = "number"
value = 45  # reform

[parameters.flag]
type = "bool"
values = [{ from = 2017-03-29, value = false }]  # reform: one value for all dates
)");
}

TEST(ReformWriter, MissingParameterOrVersionIsAnError) {
  EXPECT_FALSE(RewriteParameters(kText, {{"nope", "2017-03-29", "1"}}, "2").ok());
  EXPECT_FALSE(RewriteParameters("[parameters.cap]\nvalue = 1\n", {}, "2").ok());
  EXPECT_FALSE(RewriteParameters("[policy]\nid = \"p\"\n[x]\nversion = \"1\"\n", {}, "2").ok()) << "not in [policy]";
  auto none = RewriteParameters(kText, {}, "1.0.1");
  ASSERT_TRUE(none.ok());
  EXPECT_NE(none->find("version = \"1.0.1\""), std::string::npos);
}

}  // namespace
}  // namespace jincai::policy
