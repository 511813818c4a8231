// Internal: the concrete dossier readers behind DossierReader::Open, and the error
// reporting they share (stop at the first bad record, or skip it with skip_invalid).
#pragma once

#include <memory>

#include "policy/io/dossier_reader.h"
#include "policy/io/input_buffer.h"

namespace jincai::policy::io {

std::unique_ptr<DossierReader> MakeJsonReader(std::unique_ptr<InputBuffer> in,
                                              const BatchLayout& layout, StringPool& pool,
                                              ReaderOptions options);
std::unique_ptr<DossierReader> MakeCsvReader(std::unique_ptr<InputBuffer> in,
                                             const BatchLayout& layout, StringPool& pool,
                                             ReaderOptions options);

// Sticky failure / skip accounting common to both readers.
class ErrorSink {
 public:
  explicit ErrorSink(const ReaderOptions& options) : options_(options) {}
  // A record that can be left out: skipped with skip_invalid (returns Ok), else fatal.
  Status Record(const RecordError& e) {
    if (!options_.skip_invalid) return Fatal(e);
    ++skipped_;
    if (options_.on_skip) options_.on_skip(e);
    return Status::Ok();
  }
  // An error the reader cannot go past; every later Next() returns it again.
  Status Fatal(const RecordError& e) {
    failed_ = Status::InvalidArgument(e.Render());
    return failed_;
  }
  Status FatalStatus(Status s) {
    failed_ = std::move(s);
    return failed_;
  }
  const Status& failed() const { return failed_; }
  int64_t skipped() const { return skipped_; }

 private:
  const ReaderOptions& options_;
  Status failed_;
  int64_t skipped_ = 0;
};

// "'x'" for a printable byte, "byte 0xNN" otherwise (for structural messages).
std::string DescribeByte(char c);

}  // namespace jincai::policy::io
