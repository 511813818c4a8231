// Reads dossiers from JSON (one object, an array, or JSON Lines) and CSV into Batches,
// checking every field against the policy's inputs. A bad record is an error naming its
// line and field; with skip_invalid it is reported through on_skip and left out.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"
#include "policy/eval/batch.h"
#include "policy/string_pool.h"

namespace jincai::policy {

enum class InputFormat { kAuto, kJson, kCsv };

struct RecordError {
  int64_t line = 0;     // 1-based line of the record (CSV: physical line of the row)
  std::string id;       // the record's id when known
  std::string field;    // "awards[1].rank", or empty for the whole record
  std::string message;
  // "line 12 (id t7): field 'awards[1].rank': expected a number, got "x""
  std::string Render() const;
};

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by extension, then by first byte
  bool skip_invalid = false;
  size_t max_record_bytes = 1 << 20;        // a longer line is an error, not an allocation
  std::function<void(const RecordError&)> on_skip;  // called for each skipped record
};

class DossierReader {
 public:
  virtual ~DossierReader() = default;
  // path "-" reads standard input. The layout and pool must outlive the reader.
  static Result<std::unique_ptr<DossierReader>> Open(const std::string& path,
                                                      const BatchLayout& layout,
                                                      StringPool& pool, ReaderOptions options);
  // Resets `out`, then fills it with up to max_rows valid records. Returns the number of
  // rows read; 0 means the input is exhausted. An invalid record (without skip_invalid)
  // or an I/O failure is a Status whose message is a RecordError::Render().
  virtual Result<int32_t> Next(Batch& out, int32_t max_rows) = 0;
  virtual int64_t records_skipped() const = 0;
};

// Appends one record given as the text of a JSON object (policy tests, the API).
// Nothing is appended when the record is invalid.
Status AppendJsonRecord(std::string_view json_object, int64_t line, const BatchLayout& layout,
                        StringPool& pool, Batch& out);

// The same for many records one after another (imports): the reader's name tables and
// string cache are built once, not per record. The layout and pool must outlive it.
class JsonRecordAppender {
 public:
  JsonRecordAppender(const BatchLayout& layout, StringPool& pool);
  ~JsonRecordAppender();
  Status Append(std::string_view json_object, int64_t line, Batch& out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace jincai::policy
