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

// A reader's cache in front of a StringPool: open addressing over views of the pool's
// own (stable) strings, so a string seen before costs one hash and one compare, and no
// std::string is built. New strings are checked for UTF-8 and interned.
class StringCache {
 public:
  explicit StringCache(StringPool& pool) : pool_(pool) { Rehash(1024); }
  // The pool id of s; -1 when s is new and not valid UTF-8 (nothing is interned then).
  int64_t Intern(std::string_view s);
  StringPool& pool() { return pool_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    const char* data = nullptr;  // the pool's copy; nullptr: empty slot
    uint32_t size = 0;
    uint32_t id = 0;
    uint64_t head[2] = {0, 0};  // the first 16 bytes, zero-padded: most compares end here
  };
  void Rehash(size_t capacity);
  StringPool& pool_;
  std::vector<Slot> slots_;
  size_t count_ = 0;
};

// One allowed value of a string field, with its first bytes as integers so that a
// compare is two word compares (and a memcmp only past 16 bytes).
struct AllowedValue {
  uint64_t head[2] = {0, 0};  // first 16 bytes, zero-padded
  std::string_view text;
  int64_t id = 0;
};

// Everything needed to convert one scalar field, prepared once per reader.
struct FieldPlan {
  const FieldSpec* spec = nullptr;
  Kind kind = Kind::kNumber;  // scalar kind (a list<string> element plan says kString)
  std::vector<AllowedValue> allowed;  // `values`, interned
  bool has_default = false;
  int64_t default_value = 0;
};

// `kind` overrides spec.kind (list<string> elements are strings).
FieldPlan MakeFieldPlan(const FieldSpec& spec, Kind kind, StringPool& pool);

// Converts `text` to the plan's encoding. `json_number` says the text is the raw text
// of a JSON number (rendered without quotes in messages). On failure returns false and
// sets *message ("expected a number, got \"x\"").
bool ConvertScalar(const FieldPlan& plan, std::string_view text, bool json_number,
                   StringCache& strings, int64_t* out, std::string* message);

// "a number", "an amount in yuan", "true or false", "a date \"YYYY-MM-DD\"", "a string".
const char* Expectation(Kind kind);

// The text quoted for a message: JSON-style escapes, invalid UTF-8 as \xNN, long text cut.
std::string Quote(std::string_view text);
// The text with invalid UTF-8 bytes replaced by \xNN (for third-party messages).
std::string SanitizeUtf8(std::string_view text);
bool IsValidUtf8(std::string_view text);

}  // namespace jincai::policy::io
