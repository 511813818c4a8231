// Assembles one dossier record from its fields (in any order) and appends it to a Batch
// only when every field is valid and every declared input is present or defaulted: a
// record is all-or-nothing. Shared by the JSON and CSV readers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "policy/eval/batch.h"
#include "policy/io/dossier_reader.h"
#include "policy/io/field_codec.h"
#include "policy/string_pool.h"

namespace jincai::policy::io {

class RecordBuilder {
 public:
  RecordBuilder(const BatchLayout& layout, StringPool& pool);

  const BatchLayout& layout() const { return layout_; }
  StringPool& pool() { return pool_; }
  StringCache& strings() { return strings_; }
  const FieldPlan& scalar_plan(int slot) const { return scalar_plans_[slot]; }
  const FieldPlan& element_plan(int list_slot, size_t col) const {
    return element_plans_[list_slot][col];
  }

  // Starts a new record read from `line`; forgets the previous one.
  void Begin(int64_t line);
  // Forgets what was set for the current record, keeping its line.
  void Restart() { Begin(line_); }
  // Records an error; the first one wins unless `override` (a syntax error beats a
  // field error seen before it). `field` is the dotted/indexed path or empty.
  void Fail(std::string field, std::string message, bool override = false);
  bool failed() const { return failed_; }

  bool id_set() const { return id_set_; }
  void SetId(std::string_view id) {
    id_.assign(id.data(), id.size());
    id_set_ = true;
  }

  bool scalar_set(int slot) const { return scalar_set_[slot] != 0; }
  void SetScalar(int slot, int64_t v) {
    scalar_values_[slot] = v;
    scalar_set_[slot] = 1;
  }
  // Converts text for a scalar slot; on failure Fail()s with the slot's name.
  bool SetScalarText(int slot, std::string_view text, bool json_number);

  // Lists: StartList marks the list present (empty so far).
  bool list_set(int slot) const { return list_set_[slot] != 0; }
  void StartList(int slot);
  int64_t list_size(int slot) const { return list_sizes_[slot]; }
  void AppendString(int slot, int64_t id);      // list<string> element
  void BeginElement(int slot);                  // list<record> element
  bool element_field_set(int slot, size_t col) const { return element_set_[slot][col] != 0; }
  void SetElementField(int slot, size_t col, int64_t v);
  void EndElement(int slot);                    // defaults for unset fields, or an error

  // Fills defaults and reports missing inputs; on success appends the row to `out`
  // (which must be Reset for this layout) and returns true. On failure `out` is unchanged.
  bool Commit(Batch& out);
  // The record's error, with its line and (when known) its id.
  RecordError TakeError();

  // "awards[2]" for element `index` of list slot `slot`.
  std::string ElementPath(int slot, int64_t index) const;

 private:
  const BatchLayout& layout_;
  StringPool& pool_;
  StringCache strings_;
  std::vector<FieldPlan> scalar_plans_;
  std::vector<std::vector<FieldPlan>> element_plans_;  // [list slot][col]

  int64_t line_ = 0;
  bool failed_ = false;
  RecordError error_;
  std::string id_;
  bool id_set_ = false;
  std::vector<int64_t> scalar_values_;
  std::vector<uint8_t> scalar_set_;
  std::vector<uint8_t> list_set_;
  std::vector<int64_t> list_sizes_;
  std::vector<std::vector<std::vector<int64_t>>> elements_;  // [list slot][col][element]
  std::vector<std::vector<uint8_t>> element_set_;           // [list slot][col], current element
};

}  // namespace jincai::policy::io
