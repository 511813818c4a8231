// One JSON object -> one record in a RecordBuilder, through nlohmann's SAX interface so
// that numbers arrive as their exact source text (money never passes through a double).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "policy/eval/batch.h"
#include "policy/io/record_builder.h"

namespace jincai::policy::io {

// Name lookup for JSON keys, built once from the layout.
struct JsonNames {
  struct Top {
    enum Type { kScalar, kRecord, kList } type;
    int index;  // scalar slot, record index, or list slot
  };
  struct Record {
    std::string name;
    std::unordered_map<std::string, int> fields;  // field name -> scalar slot
  };
  std::unordered_map<std::string, Top> top;
  std::vector<Record> records;
  std::vector<std::unordered_map<std::string, size_t>> element_fields;  // [list slot]

  static JsonNames For(const BatchLayout& layout);
};

// Parses `text` (one JSON value) into `b`, after b.Begin(). Field errors are left in
// `b` (parsing goes on to find the id). Returns false on a JSON syntax error, which is
// also recorded in `b`, with the byte offset of the error in *error_offset.
bool ParseJsonRecord(std::string_view text, const JsonNames& names, RecordBuilder& b,
                     size_t* error_offset);

}  // namespace jincai::policy::io
