// CSV row <-> JSON object for dossiers (see dossier_transcode.h).
#include "policy/io/dossier_transcode.h"

#include <nlohmann/json.hpp>

#include "policy/io/json_text.h"
#include "policy/value.h"

namespace jincai::policy {
namespace {

bool IsJsonNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (digits == 0 || (digits > 1 && s[s[0] == '-' ? 1 : 0] == '0')) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t frac = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++frac;
    if (frac == 0) return false;
  }
  return i == s.size();
}

// A scalar cell as JSON: numbers and booleans as they are when well formed, anything
// else as a string (so the reader reports "expected a number, got "x"" at the field).
void AppendScalar(std::string& out, Kind kind, std::string_view cell) {
  bool raw = ((kind == Kind::kNumber || kind == Kind::kMoney) && IsJsonNumber(cell)) ||
             (kind == Kind::kBool && (cell == "true" || cell == "false"));
  if (raw) out.append(cell);
  else AppendJsonString(out, cell);
}

template <typename F>
void Split(std::string_view s, char sep, F f) {
  size_t at = 0;
  for (;;) {
    size_t end = s.find(sep, at);
    f(s.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
    if (end == std::string_view::npos) return;
    at = end + 1;
  }
}

// Whether a scalar cell holds the field's declared default, so the JSON can leave it
// out (the reader fills it back in): stored dossiers stay small.
bool IsDefault(const FieldSpec& f, std::string_view cell) {
  switch (f.kind) {
    case Kind::kNumber: return f.default_value && ParseNumber(cell) == f.default_value;
    case Kind::kMoney: return f.default_value && ParseMoney(cell) == f.default_value;
    case Kind::kBool: return f.default_value && (cell == "true" ? 1 : cell == "false" ? 0 : -1) == *f.default_value;
    case Kind::kDate: return f.default_value && ParseDate(cell) == f.default_value;
    case Kind::kString: return f.default_string && *f.default_string == cell;
    default: return false;
  }
}

std::string ScalarText(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  return v.dump();
}

}  // namespace

std::vector<std::string> DossierCsvColumns(const PolicyDocument& doc, const std::set<std::string>& skip) {
  std::vector<std::string> out;
  for (const auto& in : doc.inputs) {
    if (skip.count(in.name())) continue;
    if (in.kind() == Kind::kRecord)
      for (const auto& f : in.fields) out.push_back(in.name() + "." + f.name);
    else
      out.push_back(in.name());
  }
  return out;
}

Result<CsvDossierToJson> CsvDossierToJson::ForHeader(const PolicyDocument& doc, const std::vector<std::string>& header,
                                                     const std::set<std::string>& extra) {
  CsvDossierToJson t;
  std::map<std::string, int> cell_of;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string& h = header[i];
    if (cell_of.count(h)) return Status::InvalidArgument("header: column '" + h + "' appears twice");
    cell_of[h] = static_cast<int>(i);
    if (extra.count(h)) {
      t.extras_[h] = static_cast<int>(i);
      continue;
    }
    bool known = false;
    for (const auto& in : doc.inputs) {
      if (in.kind() == Kind::kRecord) {
        for (const auto& f : in.fields) known |= h == in.name() + "." + f.name;
      } else {
        known |= h == in.name();
      }
    }
    if (!known) return Status::InvalidArgument("header: unknown column '" + h + "'");
  }
  for (const auto& in : doc.inputs) {
    if (in.kind() == Kind::kRecord) {
      for (const auto& f : in.fields)
        if (auto it = cell_of.find(in.name() + "." + f.name); it != cell_of.end() && !extra.count(it->first))
          t.columns_.push_back({it->second, &in, &f});
    } else if (auto it = cell_of.find(in.name()); it != cell_of.end() && !extra.count(it->first)) {
      t.columns_.push_back({it->second, &in, &in.scalar});
    }
  }
  return t;
}

int CsvDossierToJson::extra_index(const std::string& name) const {
  auto it = extras_.find(name);
  return it == extras_.end() ? -1 : it->second;
}

void CsvDossierToJson::Convert(const std::vector<std::string_view>& cells, std::string* out) const {
  out->push_back('{');
  bool first = true;
  const InputSpec* open_record = nullptr;  // the record whose object is open
  auto key = [&](const std::string& k) {
    if (!first) out->push_back(',');
    first = false;
    AppendJsonString(*out, k);
    out->push_back(':');
  };
  for (const Column& c : columns_) {
    std::string_view cell = c.cell < static_cast<int>(cells.size()) ? cells[static_cast<size_t>(c.cell)] : "";
    if (open_record && open_record != c.input) {
      out->push_back('}');
      open_record = nullptr;
    }
    if (cell.empty()) continue;
    if (c.input->kind() != Kind::kListString && c.input->kind() != Kind::kListRecord && IsDefault(*c.field, cell))
      continue;
    switch (c.input->kind()) {
      case Kind::kRecord: {
        if (open_record != c.input) {
          key(c.input->name());
          out->push_back('{');
          open_record = c.input;
        } else {
          out->push_back(',');
        }
        AppendJsonString(*out, c.field->name);
        out->push_back(':');
        AppendScalar(*out, c.field->kind, cell);
        break;
      }
      case Kind::kListString: {
        key(c.input->name());
        out->push_back('[');
        bool f = true;
        Split(cell, '|', [&](std::string_view e) {
          if (!f) out->push_back(',');
          f = false;
          AppendJsonString(*out, e);
        });
        out->push_back(']');
        break;
      }
      case Kind::kListRecord: {
        key(c.input->name());
        out->push_back('[');
        bool f = true;
        Split(cell, '|', [&](std::string_view e) {
          if (!f) out->push_back(',');
          f = false;
          out->push_back('{');
          size_t k = 0;
          bool any = false;
          Split(e, ':', [&](std::string_view v) {
            if (!v.empty()) {  // an empty field takes its default
              if (any) out->push_back(',');
              any = true;
              // More values than fields: an extra key the reader reports as unknown.
              AppendJsonString(*out, k < c.input->fields.size() ? c.input->fields[k].name : "field" + std::to_string(k + 1));
              out->push_back(':');
              AppendScalar(*out, k < c.input->fields.size() ? c.input->fields[k].kind : Kind::kString, v);
            }
            ++k;
          });
          out->push_back('}');
        });
        out->push_back(']');
        break;
      }
      default:
        key(c.input->name());
        AppendScalar(*out, c.field->kind, cell);
    }
  }
  if (open_record) out->push_back('}');
  out->push_back('}');
}

Status DossierJsonToCsvCells(const PolicyDocument& doc, const std::vector<std::string>& columns,
                             const nlohmann::json& d, std::vector<std::string>* cells) {
  cells->clear();
  for (const std::string& col : columns) {
    std::string cell;
    auto dot = col.find('.');
    const InputSpec* in = doc.FindInput(dot == std::string::npos ? col : col.substr(0, dot));
    if (!in) return Status::InvalidArgument("no input for column " + col);
    const nlohmann::json* v = d.contains(in->name()) ? &d[in->name()] : nullptr;
    if (v && !v->is_null()) {
      if (in->kind() == Kind::kRecord) {
        if (!v->is_object()) return Status::InvalidArgument(in->name() + ": expected an object");
        std::string field = col.substr(dot + 1);
        if (v->contains(field)) cell = ScalarText((*v)[field]);
      } else if (in->kind() == Kind::kListString || in->kind() == Kind::kListRecord) {
        if (!v->is_array()) return Status::InvalidArgument(in->name() + ": expected an array");
        for (size_t i = 0; i < v->size(); ++i) {
          if (i) cell += '|';
          const auto& e = (*v)[i];
          if (in->kind() == Kind::kListString) {
            cell += ScalarText(e);
          } else {
            if (!e.is_object()) return Status::InvalidArgument(in->name() + ": expected objects");
            for (size_t k = 0; k < in->fields.size(); ++k) {
              if (k) cell += ':';
              if (e.contains(in->fields[k].name)) cell += ScalarText(e[in->fields[k].name]);
            }
          }
        }
      } else {
        cell = ScalarText(*v);
      }
    }
    cells->push_back(std::move(cell));
  }
  return Status::Ok();
}

std::string CsvLine(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    const std::string& c = cells[i];
    if (c.find_first_of(",\"\r\n") == std::string::npos) {
      out += c;
      continue;
    }
    out += '"';
    for (char ch : c) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  }
  out += '\n';
  return out;
}

}  // namespace jincai::policy
