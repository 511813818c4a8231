// Name lookup for the JSON reader: which input, record field or list-element field a
// key names, found by string_view in small open-addressing tables built once per layout.
#include "policy/io/json_record.h"

namespace jincai::policy::io {

void NameIndex::Add(const std::string& name, int value) {
  if (Find(name)) return;
  entries_.emplace_back(name, value);
  if (entries_.size() * 2 > table_.size()) {
    size_t capacity = 16;
    while (capacity < entries_.size() * 4) capacity *= 2;
    table_.assign(capacity, 0);
    for (size_t e = 0; e < entries_.size(); ++e) {
      const std::string& n = entries_[e].first;
      size_t i = HashBytes(n.data(), n.size()) & (capacity - 1);
      while (table_[i] != 0) i = (i + 1) & (capacity - 1);
      table_[i] = static_cast<int32_t>(e + 1);
    }
    return;
  }
  size_t i = HashBytes(name.data(), name.size()) & (table_.size() - 1);
  while (table_[i] != 0) i = (i + 1) & (table_.size() - 1);
  table_[i] = static_cast<int32_t>(entries_.size());
}

const int* NameIndex::Find(std::string_view name) const {
  if (table_.empty()) return nullptr;
  const size_t mask = table_.size() - 1;
  for (size_t i = HashBytes(name.data(), name.size()) & mask;; i = (i + 1) & mask) {
    const int32_t e = table_[i];
    if (e == 0) return nullptr;
    const auto& entry = entries_[static_cast<size_t>(e - 1)];
    if (entry.first == name) return &entry.second;
  }
}

JsonNames JsonNames::For(const BatchLayout& layout) {
  JsonNames names;
  std::vector<int> record_of_input;  // input index -> record index + 1
  auto add_top = [&](const std::string& name, Top top) {
    names.top.Add(name, static_cast<int>(names.tops.size()));
    names.tops.push_back(top);
  };
  for (size_t s = 0; s < layout.scalars.size(); ++s) {
    const auto& slot = layout.scalars[s];
    const size_t dot = slot.name.find('.');
    if (dot == std::string::npos) {
      add_top(slot.name, Top{Top::kScalar, static_cast<int>(s)});
      continue;
    }
    if (record_of_input.size() <= static_cast<size_t>(slot.input)) record_of_input.resize(slot.input + 1);
    int& record = record_of_input[slot.input];
    if (record == 0) {
      names.records.push_back({slot.name.substr(0, dot), {}});
      record = static_cast<int>(names.records.size());
      add_top(names.records.back().name, Top{Top::kRecord, record - 1});
    }
    names.records[record - 1].fields.Add(slot.name.substr(dot + 1), static_cast<int>(s));
  }
  for (size_t s = 0; s < layout.lists.size(); ++s) {
    add_top(layout.lists[s].name, Top{Top::kList, static_cast<int>(s)});
    NameIndex fields;
    const auto& spec = *layout.lists[s].spec;
    if (spec.kind() == Kind::kListRecord) {
      for (size_t c = 0; c < spec.fields.size(); ++c) fields.Add(spec.fields[c].name, static_cast<int>(c));
    }
    names.element_fields.push_back(std::move(fields));
  }
  return names;
}

}  // namespace jincai::policy::io
