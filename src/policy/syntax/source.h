// Source files and diagnostics: every analyst mistake is reported with file, line,
// column, the source line and a caret, like a compiler. Diagnostics are values in a
// list (the check result); they are not Status failures.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace jincai::policy {

struct Location {
  int line = 0;  // 1-based; 0 when unknown
  int col = 0;   // 1-based, in bytes
};

class SourceFile {
 public:
  SourceFile() = default;
  SourceFile(std::string path, std::string text);
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  std::string_view Line(int line) const;  // without the newline; empty when out of range

 private:
  std::string path_;
  std::string text_;
  std::vector<size_t> line_starts_;
};

// The text of an expression embedded in a TOML string, with the file location of
// each byte, so that errors inside the expression point into the policy file.
struct ExprText {
  std::string text;
  std::vector<Location> positions;  // positions[i] is where text[i] is in the file
  Location start;                   // location of the TOML string itself
  Location At(size_t offset) const;
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string code;  // short kebab-case kind: "unknown-name", "barrier", ...
  Location loc;
  std::string message;
};

class Diagnostics {
 public:
  explicit Diagnostics(std::shared_ptr<const SourceFile> file = nullptr) : file_(std::move(file)) {}
  void Error(Location loc, std::string code, std::string message);
  void Warning(Location loc, std::string code, std::string message);
  bool has_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  void set_file(std::shared_ptr<const SourceFile> f) { file_ = std::move(f); }
  const SourceFile* file() const { return file_.get(); }
  // "file:line:col: error: message\n  source line\n      ^\n" for each item.
  std::string Render() const;
  static std::string RenderOne(const SourceFile* file, const Diagnostic& d);

 private:
  std::shared_ptr<const SourceFile> file_;
  std::vector<Diagnostic> items_;
};

}  // namespace jincai::policy
