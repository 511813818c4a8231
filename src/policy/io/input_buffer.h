// Block reader over a file or standard input for the dossier readers: big reads into one
// buffer, unconsumed bytes kept at the front. The buffer grows only while a record is
// still within the caller's size limit, so a huge line never becomes a huge allocation.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "common/result.h"

namespace jincai::policy::io {

class InputBuffer {
 public:
  // path "-" is standard input (not closed on destruction).
  static Result<std::unique_ptr<InputBuffer>> Open(const std::string& path,
                                                   size_t block = size_t{1} << 20);
  // Reads from a string (tests, sniffing); no I/O.
  static std::unique_ptr<InputBuffer> FromString(std::string text);
  ~InputBuffer();
  InputBuffer(const InputBuffer&) = delete;
  InputBuffer& operator=(const InputBuffer&) = delete;

  const char* begin() const { return buf_.get() + pos_; }
  const char* end() const { return buf_.get() + end_; }
  size_t size() const { return end_ - pos_; }
  void Consume(size_t n) { pos_ += n; }
  bool eof() const { return eof_; }
  // Reads more bytes after the unconsumed ones (moving them to the front, growing the
  // buffer when they fill it). Returns false when the input is exhausted. Pointers into
  // the buffer are invalid afterwards; keep offsets from begin().
  Result<bool> More();
  const std::string& path() const { return path_; }

 private:
  InputBuffer() = default;
  std::string path_;
  int fd_ = -1;
  bool owns_fd_ = false;
  bool eof_ = false;
  std::unique_ptr<char[]> buf_;
  size_t cap_ = 0, pos_ = 0, end_ = 0, block_ = 0;
};

}  // namespace jincai::policy::io
