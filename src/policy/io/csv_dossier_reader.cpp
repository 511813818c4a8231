// The CSV dossier reader (RFC 4180 quoting): rows found in large blocks (csv_scanner.h),
// cells as string_views into the block, the common forms of each value converted inline
// straight into the record; anything else goes through the general, explaining path.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "policy/io/csv_scanner.h"
#include "policy/io/readers.h"
#include "policy/io/record_builder.h"

namespace jincai::policy::io {

namespace {

class CsvDossierReader : public DossierReader {
 public:
  CsvDossierReader(std::unique_ptr<InputBuffer> in, const BatchLayout& layout, StringPool& pool,
                   ReaderOptions options)
      : in_(std::move(in)), layout_(layout), options_(std::move(options)),
        errors_(options_), builder_(layout, pool) {}

  Result<int32_t> Next(Batch& out, int32_t max_rows) override;
  int64_t records_skipped() const override { return errors_.skipped(); }

 private:
  struct Column {
    enum Type { kId, kScalar, kListString, kListRecord } type;
    int slot = -1;
    std::string name;
    // Scalars: the conversion to try inline before the general (explaining) one.
    enum Op : uint8_t { kOther, kNumber, kMoney, kDate, kBool } op = kOther;
    const FieldPlan* plan = nullptr;
  };
  enum class Row { kRow, kEnd, kTooLong, kUnterminated };

  Result<Row> FindRow(size_t* len, int64_t* newlines);
  Status DiscardRow(int64_t* newlines);
  // Splits row text into cells_; on a quoting error sets *message and *column.
  bool Split(std::string_view row, std::string* message, size_t* column);
  Status ReadHeader();
  void ConvertRow();
  void ConvertListString(const Column& col, std::string_view cell);
  void ConvertListRecord(const Column& col, std::string_view cell);
  RecordError Error(int64_t line, std::string field, std::string message) const {
    RecordError e;
    e.line = line;
    e.field = std::move(field);
    e.message = std::move(message);
    return e;
  }

  std::unique_ptr<InputBuffer> in_;
  const BatchLayout& layout_;
  ReaderOptions options_;
  ErrorSink errors_;
  RecordBuilder builder_;
  bool header_done_ = false;
  std::vector<Column> columns_;
  size_t id_column_ = 0;
  int64_t line_ = 1;  // line of in_->begin()
  void ConsumeRow(size_t len) { in_->Consume(len + (in_->size() > len ? 1 : 0)); }

  std::vector<std::string_view> cells_;
  bool row_has_quotes_ = false;  // set by FindRow for Split
  std::string scratch_;  // unescaped quoted cells; reserved per row so views stay valid
};

// Finds the row at in_->begin(): *len bytes before its '\n' (or the end of input).
// *newlines counts the line breaks it spans, its terminator included.
Result<CsvDossierReader::Row> CsvDossierReader::FindRow(size_t* len, int64_t* newlines) {
  for (;;) {
    const char* b = in_->begin();
    const size_t size = in_->size();
    const char* nl = static_cast<const char*>(std::memchr(b, '\n', size));
    const char* limit = nl ? nl : b + size;
    const char* q = static_cast<const char*>(std::memchr(b, '"', static_cast<size_t>(limit - b)));
    int64_t inner = 0;
    csv::Scan scan;
    if (q && !csv::QuotedRowEnd(b, b + size, &nl, &inner, &scan)) {
      inner = 0;
      scan = csv::Scan();
      nl = scan.Run(b, b + size, &inner);  // misplaced quotes: the exact scanner
    }
    row_has_quotes_ = q != nullptr;
    if (nl) {
      *len = static_cast<size_t>(nl - b);
      *newlines = inner + 1;
      return *len > options_.max_record_bytes ? Row::kTooLong : Row::kRow;
    }
    if (in_->eof() || size > options_.max_record_bytes) {
      if (size > options_.max_record_bytes) return Row::kTooLong;
      if (size == 0) return Row::kEnd;
      if (scan.state == csv::Scan::kQuoted) return Row::kUnterminated;
      *len = size;
      *newlines = inner;
      return Row::kRow;
    }
    auto more = in_->More();
    if (!more.ok()) return more.status();
  }
}

// Drops the (oversized) row at in_->begin() without holding it, reading on.
Status CsvDossierReader::DiscardRow(int64_t* newlines) {
  csv::Scan scan;
  for (;;) {
    const char* b = in_->begin();
    int64_t inner = 0;
    const char* nl = scan.Run(b, in_->end(), &inner);
    *newlines += inner;
    if (nl) {
      ++*newlines;
      in_->Consume(static_cast<size_t>(nl - b) + 1);
      return Status::Ok();
    }
    in_->Consume(in_->size());
    auto more = in_->More();
    if (!more.ok()) return more.status();
    if (!*more) return Status::Ok();
  }
}

bool CsvDossierReader::Split(std::string_view row, std::string* message, size_t* column) {
  return csv::SplitRow(row, row_has_quotes_, &cells_, &scratch_, message, column);
}

Status CsvDossierReader::ReadHeader() {
  size_t len = 0;
  int64_t newlines = 0;
  for (;;) {
    auto row = FindRow(&len, &newlines);
    if (!row.ok()) return errors_.FatalStatus(row.status());
    if (*row == Row::kEnd) return Status::Ok();
    if (*row == Row::kTooLong) {
      return errors_.Fatal(Error(line_, "", "header is longer than " +
                                                std::to_string(options_.max_record_bytes) + " bytes"));
    }
    if (*row == Row::kUnterminated) {
      return errors_.Fatal(Error(line_, "", "unterminated quoted field (the quote is never closed)"));
    }
    std::string_view text(in_->begin(), len);
    if (line_ == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // BOM
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (!text.empty()) break;
    ConsumeRow(len);  // blank line before the header
    line_ += newlines;
  }
  std::string_view text(in_->begin(), len);
  if (line_ == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  std::string message;
  size_t column = 0;
  if (!Split(text, &message, &column)) {
    return errors_.Fatal(Error(line_, "", "header column " + std::to_string(column + 1) + ": " + message));
  }
  std::vector<uint8_t> scalar_seen(layout_.scalars.size()), list_seen(layout_.lists.size());
  bool id_seen = false;
  for (size_t i = 0; i < cells_.size(); ++i) {
    Column col;
    col.name.assign(cells_[i]);
    const std::string& name = col.name;
    bool duplicate = false;
    if (name == "id") {
      col.type = Column::kId;
      duplicate = id_seen;
      id_seen = true;
      id_column_ = i;
    } else if (auto it = layout_.scalar_index.find(name); it != layout_.scalar_index.end()) {
      col.type = Column::kScalar;
      col.slot = it->second;
      duplicate = scalar_seen[col.slot];
      scalar_seen[col.slot] = 1;
    } else if (auto lt = layout_.list_index.find(name); lt != layout_.list_index.end()) {
      col.slot = lt->second;
      col.type = layout_.lists[col.slot].spec->kind() == Kind::kListString ? Column::kListString
                                                                            : Column::kListRecord;
      duplicate = list_seen[col.slot];
      list_seen[col.slot] = 1;
    } else {
      std::string fields;
      for (const auto& slot : layout_.scalars) {
        if (slot.name.size() > name.size() && slot.name.compare(0, name.size(), name) == 0 &&
            slot.name[name.size()] == '.') {
          fields += (fields.empty() ? "'" : ", '") + slot.name + "'";
        }
      }
      const std::string shown = SanitizeUtf8(name);
      return errors_.Fatal(Error(
          line_, shown,
          fields.empty() ? "unknown field '" + shown + "' (the policy declares no such input)"
                         : "unknown field '" + shown + "' (a record: give its fields as columns " +
                               fields + ")"));
    }
    if (duplicate) {
      return errors_.Fatal(Error(line_, name, "column '" + name + "' appears twice"));
    }
    if (col.type == Column::kScalar) {
      col.plan = &builder_.scalar_plan(col.slot);
      switch (col.plan->kind) {
        case Kind::kNumber: col.op = Column::kNumber; break;
        case Kind::kMoney: col.op = Column::kMoney; break;
        case Kind::kDate: col.op = Column::kDate; break;
        case Kind::kBool: col.op = Column::kBool; break;
        default: break;
      }
    }
    columns_.push_back(std::move(col));
  }
  if (!id_seen) return errors_.Fatal(Error(line_, "id", "field 'id' is missing (the header has no such column)"));
  for (size_t s = 0; s < layout_.scalars.size(); ++s) {
    if (scalar_seen[s] || builder_.scalar_plan(static_cast<int>(s)).has_default) continue;
    const std::string& name = layout_.scalars[s].name;
    return errors_.Fatal(Error(line_, name, "field '" + name +
                                                "' is missing (the header has no such column and the "
                                                "input has no default)"));
  }
  for (size_t s = 0; s < layout_.lists.size(); ++s) {
    if (list_seen[s] || layout_.lists[s].spec->has_default) continue;
    const std::string& name = layout_.lists[s].name;
    return errors_.Fatal(Error(line_, name, "field '" + name +
                                                "' is missing (the header has no such column and the "
                                                "input has no default)"));
  }
  ConsumeRow(len);
  line_ += newlines;
  header_done_ = true;
  return Status::Ok();
}

namespace {
// The length of the prefix of s before the first `sep` (s.size() when none). Cells are
// short: a plain loop beats a memchr call.
inline size_t Until(std::string_view s, char sep) {
  size_t i = 0;
  while (i < s.size() && s[i] != sep) ++i;
  return i;
}
}  // namespace

void CsvDossierReader::ConvertListString(const Column& col, std::string_view cell) {
  builder_.StartList(col.slot);
  const FieldPlan& plan = builder_.element_plan(col.slot, 0);
  std::string message;
  int64_t index = 0;
  for (;;) {
    const size_t bar = Until(cell, '|');
    const std::string_view piece = cell.substr(0, bar);
    int64_t v;
    if (piece.empty()) {
      builder_.Fail(builder_.ElementPath(col.slot, index), "empty element (elements are separated by '|')");
      return;
    }
    if (!fast::Convert(plan, piece, builder_.strings(), &v) &&
        !ConvertScalar(plan, piece, false, builder_.strings(), &v, &message)) {
      builder_.Fail(builder_.ElementPath(col.slot, index), std::move(message));
      return;
    }
    builder_.AppendString(col.slot, v);
    ++index;
    if (bar == cell.size()) return;
    cell.remove_prefix(bar + 1);
  }
}

void CsvDossierReader::ConvertListRecord(const Column& col, std::string_view cell) {
  builder_.StartList(col.slot);
  const auto& fields = layout_.lists[col.slot].spec->fields;
  std::string message;
  int64_t index = 0;
  for (;;) {
    // One pass over the element: each part ends at ':' (next field), '|' (next element)
    // or the end of the cell.
    const char* p = cell.data();
    const char* end = p + cell.size();
    builder_.BeginElement(col.slot);
    for (size_t c = 0;; ++c) {
      const char* part_end = p;
      while (part_end < end && *part_end != ':' && *part_end != '|') ++part_end;
      const std::string_view part(p, static_cast<size_t>(part_end - p));
      if (c >= fields.size()) {
        std::string shape;
        for (const auto& f : fields) shape += (shape.empty() ? "" : ":") + f.name;
        const std::string_view whole = cell.substr(0, Until(cell, '|'));
        builder_.Fail(builder_.ElementPath(col.slot, index),
                      "expected at most " + std::to_string(fields.size()) +
                          " values separated by ':' (" + shape + "), got " + Quote(whole));
        return;
      }
      if (!part.empty()) {
        int64_t v;
        const FieldPlan& plan = builder_.element_plan(col.slot, c);
        if (!fast::Convert(plan, part, builder_.strings(), &v) &&
            !ConvertScalar(plan, part, false, builder_.strings(), &v, &message)) {
          builder_.Fail(builder_.ElementPath(col.slot, index) + "." + fields[c].name, std::move(message));
          return;
        }
        builder_.SetElementField(col.slot, c, v);
      }
      p = part_end;
      if (p == end || *p == '|') break;
      ++p;  // past ':'
    }
    builder_.EndElement(col.slot);
    if (builder_.failed()) return;
    ++index;
    if (p == end) return;
    cell = std::string_view(p + 1, static_cast<size_t>(end - p - 1));  // past '|'
  }
}

void CsvDossierReader::ConvertRow() {
  const std::string_view id = cells_[id_column_];
  if (!id.empty()) {
    builder_.SetId(id);
    if (!IsValidUtf8(id)) builder_.Fail("id", "invalid UTF-8 in " + Quote(id));
  }
  // The hot loop: the common forms of each kind are converted inline; anything else
  // goes to SetScalarText, which knows every form and explains failures.
  const size_t n = columns_.size();
  for (size_t i = 0; i < n; ++i) {
    const std::string_view cell = cells_[i];
    if (cell.empty()) continue;  // missing: the default, or an error at Commit
    const Column& col = columns_[i];
    int64_t v;
    switch (col.type) {
      case Column::kId: continue;
      case Column::kListString:
        ConvertListString(col, cell);
        if (builder_.failed()) return;
        continue;
      case Column::kListRecord:
        ConvertListRecord(col, cell);
        if (builder_.failed()) return;
        continue;
      case Column::kScalar: break;
    }
    bool done;
    switch (col.op) {
      case Column::kNumber: done = fast::Decimal(cell, 6, &v) && fast::InRange(*col.plan->spec, v); break;
      case Column::kMoney: done = fast::Decimal(cell, 2, &v) && fast::InRange(*col.plan->spec, v); break;
      case Column::kDate: done = fast::Date(cell, &v) && fast::InRange(*col.plan->spec, v); break;
      case Column::kBool: done = fast::Bool(cell, &v); break;
      default: done = fast::Convert(*col.plan, cell, builder_.strings(), &v); break;
    }
    if (done) {
      builder_.SetScalar(col.slot, v);
    } else if (!builder_.SetScalarText(col.slot, cell, false)) {
      return;
    }
  }
}

Result<int32_t> CsvDossierReader::Next(Batch& out, int32_t max_rows) {
  if (!errors_.failed().ok()) return errors_.failed();
  out.Reset(layout_);
  if (!header_done_) {
    JINCAI_RETURN_IF_ERROR(ReadHeader());
    if (!header_done_) return 0;  // empty input
  }
  std::string message;
  size_t column = 0;
  while (out.rows < max_rows) {
    size_t len = 0;
    int64_t newlines = 0;
    auto row = FindRow(&len, &newlines);
    if (!row.ok()) return errors_.FatalStatus(row.status());
    if (*row == Row::kEnd) break;
    const int64_t line = line_;
    if (*row == Row::kUnterminated) {
      return errors_.Fatal(Error(line, "", "unterminated quoted field (the quote is never closed)"));
    }
    if (*row == Row::kTooLong) {
      const RecordError e = Error(line, "", "record is longer than " +
                                                std::to_string(options_.max_record_bytes) + " bytes");
      if (!options_.skip_invalid) return errors_.Fatal(e);
      int64_t dropped = 0;
      auto st = DiscardRow(&dropped);
      if (!st.ok()) return errors_.FatalStatus(st);
      line_ += dropped;
      JINCAI_RETURN_IF_ERROR(errors_.Record(e));
      continue;
    }
    std::string_view text(in_->begin(), len);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    ConsumeRow(len);
    line_ += newlines;
    if (text.empty()) continue;  // blank line
    // `text` stays valid: nothing reads more input until the next FindRow.
    builder_.Begin(line);
    if (!Split(text, &message, &column)) {
      RecordError e = Error(line, column < columns_.size() ? columns_[column].name : "", message);
      if (id_column_ < column) e.id = SanitizeUtf8(cells_[id_column_]);
      JINCAI_RETURN_IF_ERROR(errors_.Record(e));
      continue;
    }
    if (cells_.size() != columns_.size()) {
      RecordError e = Error(line, "", "expected " + std::to_string(columns_.size()) +
                                          " fields (as in the header), got " +
                                          std::to_string(cells_.size()));
      if (id_column_ < cells_.size()) e.id = SanitizeUtf8(cells_[id_column_]);
      JINCAI_RETURN_IF_ERROR(errors_.Record(e));
      continue;
    }
    ConvertRow();
    if (!builder_.Commit(out)) JINCAI_RETURN_IF_ERROR(errors_.Record(builder_.TakeError()));
  }
  return out.rows;
}

}  // namespace

std::unique_ptr<DossierReader> MakeCsvReader(std::unique_ptr<InputBuffer> in,
                                             const BatchLayout& layout, StringPool& pool,
                                             ReaderOptions options) {
  return std::make_unique<CsvDossierReader>(std::move(in), layout, pool, std::move(options));
}

}  // namespace jincai::policy::io
