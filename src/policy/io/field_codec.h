// Converting one dossier field's text (a CSV cell, a JSON string or a JSON number's raw
// text) into its column encoding, with the checks its FieldSpec declares (values,
// min/max) and the error message a person reads when it does not fit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policy/model/policy.h"
#include "policy/string_pool.h"

namespace jincai::policy::io {

// Everything needed to convert one scalar field, prepared once per reader.
struct FieldPlan {
  const FieldSpec* spec = nullptr;
  Kind kind = Kind::kNumber;  // scalar kind (a list<string> element plan says kString)
  std::vector<std::pair<std::string_view, int64_t>> allowed;  // `values`, interned
  bool has_default = false;
  int64_t default_value = 0;
};

// `kind` overrides spec.kind (list<string> elements are strings).
FieldPlan MakeFieldPlan(const FieldSpec& spec, Kind kind, StringPool& pool);

// Converts `text` to the plan's encoding. `json_number` says the text is the raw text
// of a JSON number (rendered without quotes in messages). On failure returns false and
// sets *message ("expected a number, got \"x\"").
bool ConvertScalar(const FieldPlan& plan, std::string_view text, bool json_number,
                   StringPool& pool, int64_t* out, std::string* message);

// "a number", "an amount in yuan", "true or false", "a date \"YYYY-MM-DD\"", "a string".
const char* Expectation(Kind kind);

// The text quoted for a message: JSON-style escapes, invalid UTF-8 as \xNN, long text cut.
std::string Quote(std::string_view text);
// The text with invalid UTF-8 bytes replaced by \xNN (for third-party messages).
std::string SanitizeUtf8(std::string_view text);
bool IsValidUtf8(std::string_view text);

}  // namespace jincai::policy::io
