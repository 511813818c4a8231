// Column layout of dossier batches: which slot each input (or record field) occupies,
// and the row-level operations readers and the evaluator need (reset, copy a row).
#include "policy/eval/batch.h"

namespace jincai::policy {

BatchLayout BatchLayout::For(const PolicyDocument& policy) {
  BatchLayout layout;
  for (size_t i = 0; i < policy.inputs.size(); ++i) {
    const InputSpec& in = policy.inputs[i];
    const int input = static_cast<int>(i);
    switch (in.kind()) {
      case Kind::kRecord:
        for (const FieldSpec& f : in.fields) {
          std::string name = in.name() + "." + f.name;
          layout.scalar_index.emplace(name, static_cast<int>(layout.scalars.size()));
          layout.scalars.push_back({std::move(name), &f, input});
        }
        break;
      case Kind::kListString:
      case Kind::kListRecord:
        layout.list_index.emplace(in.name(), static_cast<int>(layout.lists.size()));
        layout.lists.push_back({in.name(), &in, input});
        break;
      default:
        layout.scalar_index.emplace(in.name(), static_cast<int>(layout.scalars.size()));
        layout.scalars.push_back({in.name(), &in.scalar, input});
        break;
    }
  }
  return layout;
}

size_t BatchLayout::ElementWidth(int list_slot) const {
  const InputSpec* spec = lists[static_cast<size_t>(list_slot)].spec;
  return spec->kind() == Kind::kListString ? 1 : spec->fields.size();
}

void Batch::Reset(const BatchLayout& layout) {
  rows = 0;
  ids.clear();
  lines.clear();
  scalars.resize(layout.scalars.size());
  for (auto& col : scalars) col.clear();  // clear() keeps capacity for the next chunk
  lists.resize(layout.lists.size());
  for (size_t s = 0; s < lists.size(); ++s) {
    ListColumn& l = lists[s];
    l.offsets.assign(1, 0);
    l.parent.clear();
    l.elements.resize(layout.ElementWidth(static_cast<int>(s)));
    for (auto& col : l.elements) col.clear();
  }
}

void Batch::AppendRow(const Batch& from, int32_t r) {
  const auto row = static_cast<size_t>(r);
  ids.push_back(from.ids[row]);
  lines.push_back(from.lines[row]);
  for (size_t s = 0; s < scalars.size(); ++s) scalars[s].push_back(from.scalars[s][row]);
  for (size_t s = 0; s < lists.size(); ++s) {
    const ListColumn& src = from.lists[s];
    ListColumn& dst = lists[s];
    const int32_t begin = src.offsets[row], end = src.offsets[row + 1];
    for (size_t c = 0; c < dst.elements.size(); ++c) {
      dst.elements[c].insert(dst.elements[c].end(), src.elements[c].begin() + begin,
                             src.elements[c].begin() + end);
    }
    for (int32_t e = begin; e < end; ++e) dst.parent.push_back(rows);
    dst.offsets.push_back(dst.offsets.back() + (end - begin));
  }
  ++rows;
}

}  // namespace jincai::policy
