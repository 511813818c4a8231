// One JSON object -> one record in a RecordBuilder, through nlohmann's SAX interface so
// that numbers arrive as their exact source text (money never passes through a double).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policy/eval/batch.h"
#include "policy/io/record_builder.h"

namespace jincai::policy::io {

// A small map from names to ints, looked up by string_view (open addressing, no
// std::string built per lookup).
class NameIndex {
 public:
  void Add(const std::string& name, int value);
  const int* Find(std::string_view name) const;  // nullptr when absent

 private:
  std::vector<std::pair<std::string, int>> entries_;
  std::vector<int32_t> table_;  // entry index + 1; 0: empty
};

// Name lookup for JSON keys, built once from the layout.
struct JsonNames {
  struct Top {
    enum Type { kScalar, kRecord, kList } type;
    int index;  // scalar slot, record index, or list slot
  };
  struct Record {
    std::string name;
    NameIndex fields;  // field name -> scalar slot
  };
  std::vector<Top> tops;
  NameIndex top;  // input name -> index in tops
  std::vector<Record> records;
  std::vector<NameIndex> element_fields;  // [list slot]: field name -> column

  static JsonNames For(const BatchLayout& layout);
};

// Parses `text` (one JSON value) into `b`, after b.Begin(). Field errors are left in
// `b` (parsing goes on to find the id). Returns false on a JSON syntax error, which is
// also recorded in `b`, with the byte offset of the error in *error_offset.
// `use_fast` = false skips the fast parser (tests compare the two paths).
bool ParseJsonRecord(std::string_view text, const JsonNames& names, RecordBuilder& b,
                     size_t* error_offset, bool use_fast = true);

}  // namespace jincai::policy::io
