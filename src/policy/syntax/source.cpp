// Source files and the rendering of diagnostics with a caret under the spot.
#include "policy/syntax/source.h"

#include <algorithm>

namespace jincai::policy {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

std::string_view SourceFile::Line(int line) const {
  if (line < 1 || static_cast<size_t>(line) > line_starts_.size()) return {};
  size_t start = line_starts_[static_cast<size_t>(line - 1)];
  size_t end = text_.find('\n', start);
  if (end == std::string::npos) end = text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(start, end - start);
}

Location ExprText::At(size_t offset) const {
  if (positions.empty()) return start;
  if (offset < positions.size()) return positions[offset];
  Location last = positions.back();
  last.col += static_cast<int>(offset - positions.size() + 1);
  return last;
}

void Diagnostics::Error(Location loc, std::string code, std::string message) {
  items_.push_back({Severity::kError, std::move(code), loc, std::move(message)});
}

void Diagnostics::Warning(Location loc, std::string code, std::string message) {
  items_.push_back({Severity::kWarning, std::move(code), loc, std::move(message)});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  return static_cast<size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  }));
}

size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

std::string Diagnostics::RenderOne(const SourceFile* file, const Diagnostic& d) {
  std::string out = file ? file->path() : std::string("<input>");
  if (d.loc.line > 0) {
    out += ":" + std::to_string(d.loc.line);
    if (d.loc.col > 0) out += ":" + std::to_string(d.loc.col);
  }
  out += d.severity == Severity::kError ? ": error: " : ": warning: ";
  out += d.message;
  if (!d.code.empty()) out += " [" + d.code + "]";
  out += "\n";
  if (file && d.loc.line > 0) {
    std::string_view line = file->Line(d.loc.line);
    if (!line.empty()) {
      out += "  ";
      out += line;
      out += "\n  ";
      // Keep tabs so the caret lines up under a tab-indented source line.
      for (int i = 0; i + 1 < d.loc.col && static_cast<size_t>(i) < line.size(); ++i)
        out += line[static_cast<size_t>(i)] == '\t' ? '\t' : ' ';
      out += "^\n";
    }
  }
  return out;
}

std::string Diagnostics::Render() const {
  std::string out;
  for (const auto& d : items_) out += RenderOne(file_.get(), d);
  return out;
}

}  // namespace jincai::policy
