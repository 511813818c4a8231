// The policy as written: what the TOML file declares, before any name is resolved or
// type checked. Produced by LoadPolicy (policy_loader.h), consumed by the checker.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "policy/syntax/source.h"
#include "policy/value.h"

namespace jincai::policy {

struct Cite {
  std::string text;   // as written; empty when absent
  Location loc;
  std::optional<int> para;  // ¶N
  std::string quote;        // the quoted passage, if any
};

// A scalar field of a record input (or a scalar input's own constraints).
struct FieldSpec {
  std::string name;
  Kind kind = Kind::kNumber;
  std::vector<std::string> values;  // allowed values for string kinds; empty = any
  std::optional<int64_t> min, max;  // scaled like the kind (number 1e6, money fen)
  std::optional<int64_t> default_value;      // scalar default, encoded
  std::optional<std::string> default_string; // for string defaults (interned later)
  Location loc;
};

struct InputSpec {
  FieldSpec scalar;                 // name, kind, values, min, max, default
  bool restricted = false;
  bool has_default = false;         // lists default to [] only when declared
  std::vector<FieldSpec> fields;    // record / list<record>, in declared order
  std::string doc;
  Cite cite;
  const std::string& name() const { return scalar.name; }
  Kind kind() const { return scalar.kind; }
};

struct ParamValue {
  int32_t from = 0;     // date
  int64_t value = 0;    // encoded (strings: index into `strings`)
  std::string string_value;
};

struct ParameterSpec {
  std::string name;
  Kind kind = Kind::kNumber;
  std::vector<ParamValue> values;   // sorted by from, ascending
  std::string assumption;
  Cite cite;
  Location loc;
};

struct FormulaSpec {
  std::string name;
  ExprText expr;
  Cite cite;
  Location loc;
};

enum class Dimension { kAbility, kPerformance, kContribution };
constexpr int kDimensions = 3;
const char* DimensionName(Dimension d);

struct CriterionSpec {
  std::string id;
  Dimension dimension = Dimension::kAbility;
  std::optional<ExprText> when;
  ExprText points;
  Cite cite;
  Location loc;
};

struct TierSpec {
  std::string id;
  std::string name;
  std::optional<ExprText> when;
  std::vector<std::string> engagement;
  // Decisions for this tier are approved by the platform without an officer
  // (SPEC §5.1 "rule-clear cases may be auto-approved if the policy says so").
  bool auto_approve = false;
  Cite cite;
  Location loc;
};

struct EntitlementSpec {
  std::string id;
  std::vector<std::string> tiers;
  std::string payer;                 // "employer" | "government"
  std::optional<ExprText> when;
  std::string for_each;              // list<record> input, or empty
  std::string as;                    // element name inside expressions
  Location for_each_loc;
  std::optional<ExprText> monthly;   // money
  std::vector<std::pair<std::string, ExprText>> amounts;  // further named money amounts
  std::vector<std::pair<std::string, ExprText>> details;  // named facts of any scalar type
  Cite cite;
  Location loc;
};

struct NotProvision {
  int para = 0;
  std::string why;
};

struct PolicyDocument {
  std::shared_ptr<const SourceFile> file;  // the policy text, for error carets
  std::string id, version, title, supersedes, source, engagement_input;
  int32_t effective = 0;
  Location engagement_loc;
  std::vector<InputSpec> inputs;
  std::vector<ParameterSpec> parameters;
  std::vector<FormulaSpec> formulas;
  std::vector<CriterionSpec> criteria;
  std::vector<TierSpec> tiers;
  std::vector<EntitlementSpec> entitlements;
  std::vector<NotProvision> not_provisions;

  const InputSpec* FindInput(const std::string& name) const;
  const ParameterSpec* FindParameter(const std::string& name) const;
};

}  // namespace jincai::policy
