// Tests of policy tests: TOML tests run against a small policy built from text, with
// passing tests, per-field diffs, malformed tests reported by line, and the file-level
// entry point (tests beside a policy, policy paths relative to the tests file).
#include "policy/analysis/policy_tests.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace jincai::policy {
namespace {

constexpr const char* kPolicy = R"([policy]
id = "mini"
version = "1.0.0"
title = "Mini policy"
effective = 2017-01-01

[inputs.score]
type = "number"
min = 0

[inputs.salary]
type = "money"
default = 0

[inputs.birth_date]
type = "date"

[inputs.spouse]
type = "record"
fields = [ { name = "present", type = "bool", default = false } ]

[inputs.children]
type = "list<record>"
default = []
fields = [ { name = "stage", type = "string", values = ["none", "primary"], default = "none" } ]

[parameters.a_min]
type = "number"
value = 100
assumption = "set by the office"

[parameters.factor]
type = "number"
values = [ { from = 2017-01-01, value = 0.5 }, { from = 2019-01-01, value = 0.6 } ]
assumption = "set by the office"

[[criteria]]
id = "score"
dimension = "ability"
points = 'score'

[[criteria]]
id = "salary"
dimension = "performance"
points = 'floor(salary / 10000 CNY)'

[[criteria]]
id = "age"
dimension = "contribution"
points = 'if years_between(birth_date, as_of) >= 60 then 1 else 0'

[[criteria]]
id = "trap"
dimension = "performance"
points = 'if score == 7 then 1 / (score - 7) else 0'

[[tiers]]
id = "A"
name = "Leading"
when = 'total_points >= a_min'

[[tiers]]
id = "B"
name = "Other"
when = 'total_points >= 50 and total_points < a_min'

[[entitlements]]
id = "housing"
tiers = ["A"]
payer = "employer"

[[entitlements]]
id = "allowance"
tiers = ["A", "B"]
payer = "employer"
when = 'spouse.present'
monthly_cny = '1000 CNY * factor'

[[entitlements]]
id = "school"
tiers = ["A", "B"]
payer = "government"
for_each = "children"
as = "child"
when = 'child.stage != "none"'
monthly_cny = '100.50 CNY'
)";

// A test with the given extra keys after its name and date, dossier and expect bodies.
std::string TestToml(const std::string& name, const std::string& dossier, const std::string& expect,
                 const std::string& extra = "") {
  return "[[tests]]\nname = \"" + name + "\"\ndate = 2018-06-01\n" + extra + "[tests.dossier]\n" + dossier +
         "[tests.expect]\n" + expect + "\n";
}

constexpr const char* kAnna =
    "id = \"anna\"\nscore = 100\nsalary = 12000.50\nbirth_date = 1950-01-02\nspouse = { present = true }\n"
    "children = [ { stage = \"primary\" }, { stage = \"none\" }, { stage = \"primary\" } ]\n";

class PolicyTestsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    build_ = BuildPolicyText("mini.toml", kPolicy);
    ASSERT_TRUE(build_.policy) << build_.diags.Render();
  }
  PolicyTestFileResult Run(const std::string& tests) {
    return RunPolicyTests("mini.tests.toml", "policy = \"mini.toml\"\n" + tests, build_);
  }
  PolicyBuild build_;
};

TEST_F(PolicyTestsTest, AFullExpectationPasses) {
  auto r = Run(TestToml("anna", kAnna,
                    "tier = \"A\"\npoints = { ability = 100, performance = 1, contribution = 1, total = 102 }\n"
                    "entitlements = [\"school\", \"housing\", \"allowance\", \"school\"]\n"
                    "amounts = { allowance = 500, school = 201.00 }"));
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_EQ(r.tests.size(), 1u);
  EXPECT_TRUE(r.tests[0].errors.empty()) << r.tests[0].errors[0];
  EXPECT_TRUE(r.tests[0].diffs.empty()) << r.tests[0].diffs[0];
  EXPECT_TRUE(r.tests[0].passed);
  EXPECT_EQ(r.tests[0].name, "anna");
  EXPECT_EQ(r.tests[0].line, 2);
  EXPECT_TRUE(r.ok());
}

TEST_F(PolicyTestsTest, FailuresDiffEveryField) {
  auto r = Run(TestToml("bob", "id = \"bob\"\nscore = 60\nbirth_date = 1980-01-02\n",
                    "tier = \"A\"\npoints = { ability = 60.5, total = 60 }\n"
                    "entitlements = [\"housing\", \"allowance\"]\namounts = { allowance = 500 }"));
  ASSERT_EQ(r.tests.size(), 1u);
  EXPECT_FALSE(r.tests[0].passed);
  EXPECT_TRUE(r.tests[0].errors.empty());
  EXPECT_EQ(r.tests[0].diffs, (std::vector<std::string>{
                                  "tier: expected \"A\", got \"B\"",
                                  "points.ability: expected 60.5, got 60",
                                  "entitlements: missing [housing, allowance]",
                                  "amounts.allowance: expected 500.00, got none (not granted)",
                              }));
  EXPECT_EQ(r.failed(), 1);
  EXPECT_FALSE(r.ok());
}

TEST_F(PolicyTestsTest, EntitlementsAreAMultiset) {
  auto r = Run(TestToml("anna", kAnna, "entitlements = [\"housing\", \"housing\", \"school\", \"allowance\"]\namounts = { school = 100.50 }"));
  ASSERT_EQ(r.tests.size(), 1u);
  EXPECT_EQ(r.tests[0].diffs, (std::vector<std::string>{
                                  "entitlements: missing [housing], unexpected [school]",
                                  "amounts.school: expected 100.50, got 201.00",
                              }));
}

TEST_F(PolicyTestsTest, OverridesApplyToTheirTestOnly) {
  std::string tests = TestToml("reform", kAnna, "tier = \"B\"\namounts = { allowance = 800 }",
                           "set = { factor = 0.8, a_min = 150 }\n") +
                      TestToml("no reform", kAnna, "tier = \"A\"\namounts = { allowance = 500 }");
  auto r = Run(tests);
  ASSERT_EQ(r.tests.size(), 2u);
  EXPECT_TRUE(r.tests[0].passed) << (r.tests[0].diffs.empty() ? r.tests[0].errors[0] : r.tests[0].diffs[0]);
  EXPECT_TRUE(r.tests[1].passed) << (r.tests[1].diffs.empty() ? r.tests[1].errors[0] : r.tests[1].diffs[0]);
}

TEST_F(PolicyTestsTest, DatedParametersFollowTheTestDate) {
  std::string later = TestToml("later", kAnna, "amounts = { allowance = 600 }");
  later.replace(later.find("2018-06-01"), 10, "2019-06-01");
  auto r = Run(later);
  ASSERT_EQ(r.tests.size(), 1u);
  EXPECT_TRUE(r.tests[0].passed);
}

TEST_F(PolicyTestsTest, MalformedTestsNameTheirLines) {
  auto r = Run(TestToml("bad expect", kAnna,
                    "tier = \"Z\"\nentitlements = [\"nope\"]\npoints = { charisma = 3 }\namounts = { housing = 1 }\nexepct = 1"));
  ASSERT_EQ(r.tests.size(), 1u);
  EXPECT_FALSE(r.tests[0].passed);
  EXPECT_EQ(r.tests[0].errors, (std::vector<std::string>{
                                   "mini.tests.toml:13: unknown tier \"Z\" (the policy has: A, B, none)",
                                   "mini.tests.toml:14: unknown entitlement 'nope' (the policy has: housing, allowance, school)",
                                   "mini.tests.toml:15: unknown points key 'charisma' (ability, performance, contribution, total)",
                                   "mini.tests.toml:16: entitlement 'housing' has no monthly_cny to compare",
                                   "mini.tests.toml:17: unknown key 'exepct' in [tests.expect] (tier, points, entitlements, amounts)",
                               }));
}

TEST_F(PolicyTestsTest, BadOverridesAndDossiersAreBothReported) {
  auto r = Run(TestToml("bad", "id = \"x\"\nscore = \"high\"\nbirth_date = 1980-01-02\n", "tier = \"none\"",
                    "set = { nope = 1, factor = \"much\" }\n"));
  ASSERT_EQ(r.tests.size(), 1u);
  const auto& e = r.tests[0].errors;
  ASSERT_EQ(e.size(), 3u);
  EXPECT_NE(e[0].find("factor"), std::string::npos) << e[0];
  EXPECT_EQ(e[1].rfind("mini.tests.toml:5: set nope: the policy has no parameter 'nope'", 0), 0u) << e[1];
  EXPECT_EQ(e[2], "mini.tests.toml:6: dossier (id x): field 'score': expected a number, got \"high\"");
}

TEST_F(PolicyTestsTest, MissingPartsAndDuplicateNames) {
  auto r = Run("[[tests]]\nsurprise = 1\n" + TestToml("twice", kAnna, "tier = \"A\"") + TestToml("twice", kAnna, "tier = \"A\""));
  ASSERT_EQ(r.tests.size(), 3u);
  EXPECT_EQ(r.tests[0].name, "(unnamed test at line 2)");
  EXPECT_EQ(r.tests[0].errors, (std::vector<std::string>{
                                   "mini.tests.toml:2: a test needs a non-empty name = \"...\"",
                                   "mini.tests.toml:2: a test needs the evaluation date = YYYY-MM-DD",
                                   "mini.tests.toml:2: a test needs its dossier as a [tests.dossier] table",
                                   "mini.tests.toml:2: a test needs a non-empty [tests.expect] table (tier, points, entitlements, amounts)",
                                   "mini.tests.toml:3: unknown key 'surprise' in a test (name, date, set, dossier, expect)",
                               }));
  EXPECT_TRUE(r.tests[1].passed);
  ASSERT_EQ(r.tests[2].errors.size(), 1u);
  EXPECT_NE(r.tests[2].errors[0].find("another test is already named \"twice\""), std::string::npos);
}

TEST_F(PolicyTestsTest, TomlSyntaxAndTopLevelErrorsStopTheFile) {
  auto syntax = Run("[[tests]\nname = 1\n");
  ASSERT_EQ(syntax.errors.size(), 1u);
  EXPECT_EQ(syntax.errors[0].rfind("mini.tests.toml:2:", 0), 0u) << syntax.errors[0];
  EXPECT_TRUE(syntax.tests.empty());
  auto empty = Run("polcy = 1\n");
  ASSERT_EQ(empty.errors.size(), 2u);
  EXPECT_EQ(empty.errors[0], "mini.tests.toml:2: unknown key 'polcy' in a tests file (policy, tests)");
  EXPECT_EQ(empty.errors[1], "mini.tests.toml:1: a tests file needs at least one [[tests]] table");
  EXPECT_FALSE(empty.ok());
}

TEST_F(PolicyTestsTest, EvaluationErrorsFailTheTest) {
  auto r = Run(TestToml("seven", "id = \"s\"\nscore = 7\nbirth_date = 1980-01-02\n", "tier = \"none\""));
  ASSERT_EQ(r.tests.size(), 1u);
  EXPECT_EQ(r.tests[0].diffs, (std::vector<std::string>{"decision: evaluation failed: division by zero"}));
  // A date before a parameter's first value cannot be evaluated at all.
  std::string early = TestToml("too early", kAnna, "tier = \"A\"");
  early.replace(early.find("2018-06-01"), 10, "2016-06-01");
  auto e = Run(early);
  ASSERT_EQ(e.tests.size(), 1u);
  ASSERT_EQ(e.tests[0].errors.size(), 1u);
  EXPECT_EQ(e.tests[0].errors[0].rfind("mini.tests.toml:2: cannot evaluate on 2016-06-01: ", 0), 0u) << e.tests[0].errors[0];
}

TEST(TestsPathFor, BesideThePolicy) {
  EXPECT_EQ(TestsPathFor("policies/shanxi-2017.toml"), "policies/shanxi-2017.tests.toml");
  EXPECT_EQ(TestsPathFor("p.toml"), "p.tests.toml");
}

// Files in a fresh directory, removed at the end.
class PolicyTestFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/jincai_policy_tests_XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    std::filesystem::create_directories(dir_ + "/policies");
    Write("policies/mini.toml", kPolicy);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ + "/" + name) << text; }
  std::string dir_;
};

TEST_F(PolicyTestFiles, PolicyPathIsRelativeToTheTestsFile) {
  Write("policies/mini.tests.toml", "policy = \"mini.toml\"\n" + TestToml("anna", kAnna, "tier = \"A\""));
  Write("elsewhere.tests.toml", "policy = \"policies/mini.toml\"\n" + TestToml("anna", kAnna, "tier = \"B\""));
  auto beside = RunPolicyTestFile(dir_ + "/policies/mini.tests.toml");
  EXPECT_TRUE(beside.ok());
  EXPECT_EQ(beside.policy_path, dir_ + "/policies/mini.toml");
  auto elsewhere = RunPolicyTestFile(dir_ + "/elsewhere.tests.toml");
  ASSERT_TRUE(elsewhere.errors.empty());
  EXPECT_EQ(elsewhere.failed(), 1);
  // Given the policy itself, its NAME.tests.toml runs.
  auto via_policy = RunPolicyTestFile(dir_ + "/policies/mini.toml");
  EXPECT_EQ(via_policy.path, dir_ + "/policies/mini.tests.toml");
  EXPECT_TRUE(via_policy.ok());
}

TEST_F(PolicyTestFiles, MissingAndBrokenFiles) {
  auto missing = RunPolicyTestFile(dir_ + "/nothing.tests.toml");
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_NE(missing.errors[0].find("cannot open"), std::string::npos);
  auto no_tests = RunPolicyTestFile(dir_ + "/policies/mini.toml");
  ASSERT_EQ(no_tests.errors.size(), 1u);
  EXPECT_NE(no_tests.errors[0].find("is a policy file; its tests"), std::string::npos);
  Write("nopolicy.tests.toml", TestToml("anna", kAnna, "tier = \"A\""));
  auto no_policy = RunPolicyTestFile(dir_ + "/nopolicy.tests.toml");
  ASSERT_EQ(no_policy.errors.size(), 1u);
  EXPECT_NE(no_policy.errors[0].find("needs policy = "), std::string::npos);
  Write("policies/broken.toml", "[policy]\nid = \"b\"\n");
  Write("broken.tests.toml", "policy = \"policies/broken.toml\"\n" + TestToml("anna", kAnna, "tier = \"A\""));
  auto broken = RunPolicyTestFile(dir_ + "/broken.tests.toml");
  ASSERT_GE(broken.errors.size(), 2u);
  EXPECT_NE(broken.errors.back().find("broken.tests.toml:1: policy "), std::string::npos) << broken.errors.back();
  EXPECT_NE(broken.errors.back().find("error(s)"), std::string::npos);
  EXPECT_TRUE(broken.tests.empty());
}

}  // namespace
}  // namespace jincai::policy
