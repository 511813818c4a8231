// A chunk of dossiers in columns, the shape the evaluator runs on. Scalar inputs and
// record fields ("spouse.present") are one int64 column each; list inputs are offsets
// into flattened element columns (Arrow-style). Encodings are those of value.h.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "policy/model/policy.h"

namespace jincai::policy {

// Where each input lives in a Batch. Built once from the policy's inputs.
struct BatchLayout {
  struct ScalarSlot {
    std::string name;       // "papers", "spouse.present"
    const FieldSpec* spec;  // kind, values, min, max, default
    int input = -1;         // index of the InputSpec it belongs to
    // False when no expression reads the slot: readers then check its strings but do
    // not intern them (a name column would otherwise fill the pool, one per dossier).
    bool used = true;
  };
  struct ListSlot {
    std::string name;       // "awards"
    const InputSpec* spec;  // element fields in spec->fields (list<string>: none)
    int input = -1;
  };
  std::vector<ScalarSlot> scalars;
  std::vector<ListSlot> lists;
  // input name -> slot. For records, "spouse.present" maps to a scalar slot.
  std::unordered_map<std::string, int> scalar_index, list_index;

  static BatchLayout For(const PolicyDocument& policy);
  // Number of element columns of a list slot: 1 for list<string>, fields.size() otherwise.
  size_t ElementWidth(int list_slot) const;
};

struct ListColumn {
  std::vector<int32_t> offsets{0};                 // rows + 1 entries
  std::vector<int32_t> parent;                     // element -> row
  std::vector<std::vector<int64_t>> elements;      // one column per element field
  int32_t size() const { return static_cast<int32_t>(parent.size()); }
};

struct Batch {
  int32_t rows = 0;
  std::vector<std::string> ids;          // the dossier's "id"
  std::vector<int64_t> lines;            // source line (or record number) per row
  std::vector<std::vector<int64_t>> scalars;  // [slot][row]
  std::vector<ListColumn> lists;              // [slot]

  void Reset(const BatchLayout& layout);  // empty, shaped for the layout
  // Copies row `r` of `from` to the end of this batch (same layout).
  void AppendRow(const Batch& from, int32_t r);
};

}  // namespace jincai::policy
