// One record's staging area: fields land here in any order, then Commit checks that
// every input is present or defaulted and appends the row to the Batch in one step.
// Also RecordError::Render, the one format every reader error is shown in.
#include "policy/io/record_builder.h"

namespace jincai::policy {

// "line 12 (id t7): field 'awards[1].rank': expected a number, got \"x\"". The
// "field '...': " prefix is left out when the message already names the field in quotes
// ("field 'birth_date' is missing").
std::string RecordError::Render() const {
  std::string out = "line " + std::to_string(line);
  if (!id.empty()) out += " (id " + id + ")";
  out += ": ";
  if (!field.empty() && message.find("'" + field + "'") == std::string::npos) {
    out += "field '" + field + "': ";
  }
  out += message;
  return out;
}

namespace io {

RecordBuilder::RecordBuilder(const BatchLayout& layout, StringPool& pool)
    : layout_(layout), pool_(pool), strings_(pool) {
  for (const auto& slot : layout.scalars) {
    scalar_plans_.push_back(MakeFieldPlan(*slot.spec, slot.spec->kind, pool));
    scalar_plans_.back().intern = slot.used;
  }
  for (size_t s = 0; s < layout.lists.size(); ++s) {
    const InputSpec& spec = *layout.lists[s].spec;
    std::vector<FieldPlan> plans;
    if (spec.kind() == Kind::kListString) {
      plans.push_back(MakeFieldPlan(spec.scalar, Kind::kString, pool));
      plans.back().has_default = false;  // a list's default is the empty list, not a string
    } else {
      for (const FieldSpec& f : spec.fields) plans.push_back(MakeFieldPlan(f, f.kind, pool));
    }
    element_plans_.push_back(std::move(plans));
    elements_.emplace_back(layout.ElementWidth(static_cast<int>(s)));
    element_set_.emplace_back(layout.ElementWidth(static_cast<int>(s)));
  }
  scalar_values_.resize(layout.scalars.size());
  scalar_set_.resize(layout.scalars.size());
  list_set_.resize(layout.lists.size());
  list_sizes_.resize(layout.lists.size());
}

void RecordBuilder::Begin(int64_t line) {
  line_ = line;
  failed_ = false;
  id_.clear();
  id_set_ = false;
  std::fill(scalar_set_.begin(), scalar_set_.end(), 0);
  for (size_t s = 0; s < list_set_.size(); ++s) {
    if (!list_set_[s]) continue;
    list_set_[s] = 0;
    list_sizes_[s] = 0;
    for (auto& col : elements_[s]) col.clear();
  }
}

void RecordBuilder::Fail(std::string field, std::string message, bool override) {
  if (failed_ && !override) return;
  failed_ = true;
  error_.field = std::move(field);
  error_.message = std::move(message);
}

bool RecordBuilder::SetScalarText(int slot, std::string_view text, bool json_number) {
  int64_t v;
  if (!json_number && fast::Convert(scalar_plans_[slot], text, strings_, &v)) {
    SetScalar(slot, v);
    return true;
  }
  std::string message;
  if (!ConvertScalar(scalar_plans_[slot], text, json_number, strings_, &v, &message)) {
    Fail(layout_.scalars[slot].name, std::move(message));
    return false;
  }
  SetScalar(slot, v);
  return true;
}

void RecordBuilder::StartList(int slot) {
  list_set_[slot] = 1;
  list_sizes_[slot] = 0;
  for (auto& col : elements_[slot]) col.clear();
}

void RecordBuilder::AppendString(int slot, int64_t id) {
  elements_[slot][0].push_back(id);
  ++list_sizes_[slot];
}

void RecordBuilder::BeginElement(int slot) {
  for (auto& col : elements_[slot]) col.push_back(0);
  std::fill(element_set_[slot].begin(), element_set_[slot].end(), 0);
  ++list_sizes_[slot];
}

void RecordBuilder::SetElementField(int slot, size_t col, int64_t v) {
  elements_[slot][col].back() = v;
  element_set_[slot][col] = 1;
}

void RecordBuilder::EndElement(int slot) {
  const auto& plans = element_plans_[slot];
  for (size_t c = 0; c < plans.size(); ++c) {
    if (element_set_[slot][c]) continue;
    if (plans[c].has_default) {
      elements_[slot][c].back() = plans[c].default_value;
      continue;
    }
    const std::string path = ElementPath(slot, list_sizes_[slot] - 1) + "." + plans[c].spec->name;
    Fail(path, "field '" + path + "' is missing");
    return;
  }
}

std::string RecordBuilder::ElementPath(int slot, int64_t index) const {
  return layout_.lists[slot].name + "[" + std::to_string(index) + "]";
}

bool RecordBuilder::Commit(Batch& out) {
  if (!failed_ && (!id_set_ || id_.empty())) Fail("id", "field 'id' is missing");
  for (size_t s = 0; !failed_ && s < scalar_set_.size(); ++s) {
    if (scalar_set_[s]) continue;
    if (scalar_plans_[s].has_default) {
      scalar_values_[s] = scalar_plans_[s].default_value;
      continue;
    }
    const std::string& name = layout_.scalars[s].name;
    Fail(name, "field '" + name + "' is missing");
  }
  for (size_t s = 0; !failed_ && s < list_set_.size(); ++s) {
    if (list_set_[s] || layout_.lists[s].spec->has_default) continue;
    const std::string& name = layout_.lists[s].name;
    Fail(name, "field '" + name + "' is missing");
  }
  if (failed_) return false;

  const int32_t row = out.rows;
  out.ids.push_back(id_);
  out.lines.push_back(line_);
  for (size_t s = 0; s < scalar_values_.size(); ++s) out.scalars[s].push_back(scalar_values_[s]);
  for (size_t s = 0; s < list_set_.size(); ++s) {
    ListColumn& col = out.lists[s];
    const int64_t n = list_set_[s] ? list_sizes_[s] : 0;
    if (n > 0) {
      for (size_t c = 0; c < col.elements.size(); ++c) {
        col.elements[c].insert(col.elements[c].end(), elements_[s][c].begin(),
                               elements_[s][c].end());
      }
      col.parent.insert(col.parent.end(), static_cast<size_t>(n), row);
    }
    col.offsets.push_back(col.offsets.back() + static_cast<int32_t>(n));
  }
  out.rows = row + 1;
  return true;
}

RecordError RecordBuilder::TakeError() {
  RecordError e = std::move(error_);
  e.line = line_;
  e.id = SanitizeUtf8(id_.size() > 200 ? std::string_view(id_).substr(0, 200) : id_);
  error_ = RecordError();
  return e;
}

}  // namespace io
}  // namespace jincai::policy
