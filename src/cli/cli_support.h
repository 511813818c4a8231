// What the subcommands share: building a policy with diagnostics on stderr, parsing
// dates, writing an output file atomically (no partial file on failure), and
// exiting with the documented codes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "policy/engine.h"

namespace jincai::cli {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;

// Thrown by a run function to end the command with a message and an exit code;
// caught in one place (RunCommand). Never crosses into the libraries.
struct CommandExit {
  int code;
  std::string message;
};

// Runs `body`, printing a CommandExit's message on stderr and exiting with its code.
template <typename F>
void RunCommand(F&& body);

// Loads, checks and compiles; prints diagnostics (errors and, if `warnings`, warnings)
// on stderr. Throws CommandExit(1) when the policy has errors.
std::shared_ptr<policy::CompiledPolicy> BuildOrExit(const std::string& path, bool warnings = false,
                                                    std::shared_ptr<policy::StringPool> pool = nullptr);
// Applies NAME=VALUE overrides. Throws CommandExit(2) on a bad one.
void ApplyOverrides(policy::CompiledPolicy& p, const std::vector<std::string>& sets);
// YYYY-MM-DD, or today in Asia/Shanghai when empty. Throws CommandExit(2) when bad.
int32_t DateOrToday(const std::string& text);

// Writes to `path` through a temporary file renamed on Commit(); "-" or "" is stdout.
// Destroyed without Commit(), it removes the temporary file.
class OutputFile {
 public:
  explicit OutputFile(const std::string& path);
  ~OutputFile();
  void Write(const std::string& data);
  void Commit();

 private:
  std::string path_, tmp_;
  std::FILE* f_ = nullptr;
  bool committed_ = false;
  bool direct_ = false;  // a device or pipe, written in place
};

}  // namespace jincai::cli

#include "cli/cli_support_inl.h"

#include <functional>

#include "policy/eval/batch.h"

namespace jincai::cli {

struct ReadStats {
  int64_t rows = 0;
  int64_t skipped = 0;
};

// Reads INPUT chunk by chunk (kStreamRows dossiers) and calls `fn` for each chunk, in
// input order. Bad records end the command (exit 1) unless skip_invalid, which reports
// them on stderr. An input with no dossier at all ends the command too.
// `pipelined`: read on a second thread while `fn` runs on this one. Only for an `fn`
// that does not touch the policy's StringPool, which the reader writes to.
// `layout`: read into this layout instead of the policy's (same shape; see simulate).
ReadStats ForEachBatch(const std::string& input, const policy::CompiledPolicy& p, bool skip_invalid,
                       const std::function<void(const policy::Batch&)>& fn, bool pipelined = false,
                       const policy::BatchLayout* layout = nullptr);

// Whether writing a decision of this policy reads its StringPool (string details), in
// which case the reader may not run on another thread.
bool WritingReadsPool(const policy::CompiledPolicy& p);

}  // namespace jincai::cli
