// Shared CLI plumbing; see cli_support.h.
#include "cli/cli_support.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace jincai::cli {

std::shared_ptr<policy::CompiledPolicy> BuildOrExit(const std::string& path, bool warnings,
                                                    std::shared_ptr<policy::StringPool> pool) {
  auto built = policy::BuildPolicyFile(path, std::move(pool));
  if (!built.ok()) throw CommandExit{kExitBadInput, "jincai: " + built.status().message()};
  const auto& diags = built->diags;
  for (const auto& d : diags.items()) {
    if (d.severity == policy::Severity::kError || warnings)
      std::fputs(policy::Diagnostics::RenderOne(diags.file(), d).c_str(), stderr);
  }
  if (!built->policy) {
    throw CommandExit{kExitBadInput, path + ": " + std::to_string(diags.error_count()) + " error(s); fix them and run 'jincai policy check " + path + "'"};
  }
  return built->policy;
}

void ApplyOverrides(policy::CompiledPolicy& p, const std::vector<std::string>& sets) {
  for (const auto& s : sets) {
    size_t eq = s.find('=');
    if (eq == std::string::npos || eq == 0) throw CommandExit{kExitUsage, "jincai: --set takes NAME=VALUE, got '" + s + "'"};
    auto st = policy::OverrideParameter(p, s.substr(0, eq), s.substr(eq + 1));
    if (!st.ok()) throw CommandExit{kExitUsage, "jincai: --set " + s + ": " + st.message()};
  }
}

int32_t DateOrToday(const std::string& text) {
  if (text.empty()) {
    std::time_t now = std::time(nullptr) + 8 * 3600;  // Asia/Shanghai has no DST
    return static_cast<int32_t>(now / 86400);
  }
  auto d = policy::ParseDate(text);
  if (!d) throw CommandExit{kExitUsage, "jincai: --date '" + text + "' is not a date (YYYY-MM-DD, a real calendar day)"};
  return *d;
}

OutputFile::OutputFile(const std::string& path) : path_(path) {
  if (path.empty() || path == "-") {
    f_ = stdout;
    return;
  }
  // A device or pipe (/dev/null, a FIFO) is written in place: renaming a temporary
  // file over it would replace the device with a plain file.
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    f_ = std::fopen(path.c_str(), "wb");
    if (!f_) throw CommandExit{kExitBadInput, "jincai: cannot write '" + path + "': " + std::strerror(errno)};
    direct_ = true;
    return;
  }
  tmp_ = path + ".tmp-" + std::to_string(::getpid());
  f_ = std::fopen(tmp_.c_str(), "wb");
  if (!f_) throw CommandExit{kExitBadInput, "jincai: cannot write '" + path + "': " + std::strerror(errno)};
}

OutputFile::~OutputFile() {
  if (f_ && f_ != stdout) {
    std::fclose(f_);
    if (!committed_ && !direct_) std::remove(tmp_.c_str());
  }
}

void OutputFile::Write(const std::string& data) {
  if (data.empty()) return;
  if (std::fwrite(data.data(), 1, data.size(), f_) != data.size())
    throw CommandExit{kExitBadInput, "jincai: cannot write '" + (tmp_.empty() ? std::string("standard output") : path_) + "'"};
}

void OutputFile::Commit() {
  if (direct_) {
    bool ok = std::fclose(f_) == 0;
    f_ = nullptr;
    if (!ok) throw CommandExit{kExitBadInput, "jincai: cannot write '" + path_ + "'"};
    committed_ = true;
    return;
  }
  if (f_ == stdout) {
    if (std::fflush(stdout) != 0 || std::ferror(stdout))
      throw CommandExit{kExitBadInput, "jincai: cannot write standard output: " + std::string(std::strerror(errno))};
    committed_ = true;
    return;
  }
  if (std::fclose(f_) != 0) {
    f_ = nullptr;
    std::remove(tmp_.c_str());
    throw CommandExit{kExitBadInput, "jincai: cannot write '" + path_ + "'"};
  }
  f_ = nullptr;
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    std::remove(tmp_.c_str());
    throw CommandExit{kExitBadInput, "jincai: cannot write '" + path_ + "': " + std::strerror(errno)};
  }
  committed_ = true;
}

}  // namespace jincai::cli

#include "policy/eval/evaluator.h"
#include "policy/io/dossier_reader.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace jincai::cli {

namespace {

// A bounded queue of batches between the reader thread and the evaluating thread;
// batches are recycled so that steady state allocates nothing.
class BatchPipe {
 public:
  explicit BatchPipe(size_t depth) {
    for (size_t i = 0; i < depth; ++i) free_.push_back(std::make_unique<policy::Batch>());
  }
  std::unique_ptr<policy::Batch> TakeFree() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return !free_.empty() || stopped_; });
    if (stopped_) return nullptr;
    auto b = std::move(free_.front());
    free_.pop_front();
    return b;
  }
  void PutFull(std::unique_ptr<policy::Batch> b) {
    std::lock_guard<std::mutex> lock(mu_);
    full_.push_back(std::move(b));
    cv_.notify_all();
  }
  // Null when the reader is done (or failed) and everything was consumed.
  std::unique_ptr<policy::Batch> TakeFull() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return !full_.empty() || done_; });
    if (full_.empty()) return nullptr;
    auto b = std::move(full_.front());
    full_.pop_front();
    return b;
  }
  void PutFree(std::unique_ptr<policy::Batch> b) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(b));
    cv_.notify_all();
  }
  void Done() {
    std::lock_guard<std::mutex> lock(mu_);
    done_ = true;
    cv_.notify_all();
  }
  void Stop() {  // the consumer gives up: release the reader
    std::lock_guard<std::mutex> lock(mu_);
    stopped_ = true;
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::unique_ptr<policy::Batch>> free_, full_;
  bool done_ = false, stopped_ = false;
};

}  // namespace

bool WritingReadsPool(const policy::CompiledPolicy& p) {
  for (const auto& e : p.checked->entitlements)
    for (const auto& d : e.details)
      if (d && d->type == policy::Kind::kString) return true;
  return false;
}

ReadStats ForEachBatch(const std::string& input, const policy::CompiledPolicy& p, bool skip_invalid,
                       const std::function<void(const policy::Batch&)>& fn, bool pipelined,
                       const policy::BatchLayout* layout) {
  policy::ReaderOptions opts;
  opts.skip_invalid = skip_invalid;
  opts.on_skip = [&](const policy::RecordError& e) {
    std::fprintf(stderr, "%s: skipped %s\n", input.c_str(), e.Render().c_str());
  };
  auto reader = policy::DossierReader::Open(input, layout ? *layout : p.layout(), p.pool(), opts);
  if (!reader.ok()) throw CommandExit{kExitBadInput, "jincai: " + reader.status().message()};
  ReadStats stats;
  std::string read_error;
  if (!pipelined) {
    policy::Batch batch;
    while (true) {
      auto n = (*reader)->Next(batch, policy::kStreamRows);
      if (!n.ok()) throw CommandExit{kExitBadInput, input + ": " + n.status().message()};
      if (*n == 0) break;
      stats.rows += *n;
      fn(batch);
    }
  } else {
    BatchPipe pipe(4);
    std::thread producer([&] {
      try {
        while (auto b = pipe.TakeFree()) {
          auto n = (*reader)->Next(*b, policy::kStreamRows);
          if (!n.ok()) { read_error = n.status().message(); break; }
          if (*n == 0) break;
          pipe.PutFull(std::move(b));
        }
      } catch (const std::bad_alloc&) {  // never let an exception end the process here
        read_error = "out of memory while reading";
      }
      pipe.Done();
    });
    try {
      while (auto b = pipe.TakeFull()) {
        stats.rows += b->rows;
        fn(*b);
        pipe.PutFree(std::move(b));
      }
    } catch (...) {
      pipe.Stop();
      producer.join();
      throw;
    }
    producer.join();
    if (!read_error.empty()) throw CommandExit{kExitBadInput, input + ": " + read_error};
  }
  stats.skipped = (*reader)->records_skipped();
  if (stats.rows == 0 && stats.skipped == 0) throw CommandExit{kExitBadInput, input + ": holds no dossiers"};
  if (stats.rows == 0) throw CommandExit{kExitBadInput, input + ": every record was invalid (" + std::to_string(stats.skipped) + " skipped)"};
  return stats;
}

}  // namespace jincai::cli
