// jincai population generate --count N --seed S [--format jsonl|csv] [-o FILE]:
// a deterministic synthetic population for demos, tests and benchmarks.
#include <memory>
#include <ostream>
#include <streambuf>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "domain/synthetic_population.h"

namespace jincai::cli {
namespace {

struct GenerateOptions {
  int64_t count = 1000;
  uint64_t seed = 1;
  std::string format = "jsonl", output;
};

// An ostream over an OutputFile, flushed in 1 MiB slices, so that a million
// dossiers need no million-dossier buffer.
class OutputStreamBuf : public std::streambuf {
 public:
  explicit OutputStreamBuf(OutputFile& out) : out_(out) { buf_.reserve(kSlice); }
  ~OutputStreamBuf() override = default;
  void Flush() {
    out_.Write(buf_);
    buf_.clear();
  }

 protected:
  int_type overflow(int_type c) override {
    if (c != traits_type::eof()) buf_ += static_cast<char>(c);
    if (buf_.size() >= kSlice) Flush();
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    buf_.append(s, static_cast<size_t>(n));
    if (buf_.size() >= kSlice) Flush();
    return n;
  }

 private:
  static constexpr size_t kSlice = 1 << 20;
  OutputFile& out_;
  std::string buf_;
};

void RunPopulationGenerate(const GenerateOptions& o) {
  if (o.count < 0) throw CommandExit{kExitUsage, "jincai: --count must not be negative"};
  OutputFile out(o.output);
  domain::PopulationOptions opts;
  opts.count = o.count;
  opts.seed = o.seed;
  opts.format = o.format == "csv" ? domain::PopulationFormat::kCsv : domain::PopulationFormat::kJsonl;
  OutputStreamBuf sb(out);
  std::ostream stream(&sb);
  domain::WritePopulation(stream, opts);
  sb.Flush();
  out.Commit();
}

}  // namespace

void SetupPopulationGenerate(CLI::App& population) {
  auto o = std::make_shared<GenerateOptions>();
  CLI::App* cmd = population.add_subcommand("generate", "Write a synthetic population of dossiers");
  cmd->add_option("--count", o->count, "Number of dossiers")->required();
  cmd->add_option("--seed", o->seed, "Seed: the same seed gives the same population");
  cmd->add_option("--format", o->format, "jsonl (default) or csv")->check(CLI::IsMember({"jsonl", "csv"}));
  cmd->add_option("-o,--output", o->output, "Write here instead of standard output (atomically)");
  cmd->callback([o] { RunCommand([&] { RunPopulationGenerate(*o); }); });
}

}  // namespace jincai::cli
