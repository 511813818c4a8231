// Block reading for the dossier readers: read(2) in large blocks into one buffer, with
// compaction instead of per-record copies. See input_buffer.h.
#include "policy/io/input_buffer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace jincai::policy::io {

Result<std::unique_ptr<InputBuffer>> InputBuffer::Open(const std::string& path, size_t block) {
  std::unique_ptr<InputBuffer> in(new InputBuffer());
  in->path_ = path;
  if (path == "-") {
    in->fd_ = 0;
  } else {
    in->fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (in->fd_ < 0) {
      return Status::Io("cannot open '" + path + "': " + std::strerror(errno));
    }
    in->owns_fd_ = true;
  }
  in->block_ = block < 4096 ? 4096 : block;
  in->cap_ = in->block_;
  in->buf_.reset(new char[in->cap_]);
  return in;
}

std::unique_ptr<InputBuffer> InputBuffer::FromString(std::string text) {
  std::unique_ptr<InputBuffer> in(new InputBuffer());
  in->path_ = "<string>";
  in->cap_ = text.size() + 1;
  in->buf_.reset(new char[in->cap_]);
  std::memcpy(in->buf_.get(), text.data(), text.size());
  in->end_ = text.size();
  in->eof_ = true;
  return in;
}

InputBuffer::~InputBuffer() {
  if (owns_fd_) ::close(fd_);
}

Result<bool> InputBuffer::More() {
  if (eof_) return false;
  const size_t live = end_ - pos_;
  if (pos_ > 0) {
    std::memmove(buf_.get(), buf_.get() + pos_, live);
    pos_ = 0;
    end_ = live;
  }
  if (cap_ - end_ < block_ / 2) {  // too little room for a useful read: grow
    size_t cap = cap_ * 2;
    while (cap - end_ < block_) cap *= 2;
    std::unique_ptr<char[]> grown(new char[cap]);
    std::memcpy(grown.get(), buf_.get(), end_);
    buf_ = std::move(grown);
    cap_ = cap;
  }
  for (;;) {
    const ssize_t n = ::read(fd_, buf_.get() + end_, cap_ - end_);
    if (n > 0) {
      end_ += static_cast<size_t>(n);
      return true;
    }
    if (n == 0) {
      eof_ = true;
      return false;
    }
    if (errno != EINTR) {
      return Status::Io("cannot read '" + path_ + "': " + std::strerror(errno));
    }
  }
}

}  // namespace jincai::policy::io
