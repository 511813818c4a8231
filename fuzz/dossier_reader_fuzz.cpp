// libFuzzer target: the input is a dossier file (first byte picks JSON or CSV). The
// reader must reject bad records with a message and never crash; whatever it accepts
// is evaluated, with an explanation and a what-it-takes answer for the first row.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "fuzz_policy.h"
#include "policy/engine.h"
#include "policy/eval/evaluator.h"
#include "policy/explain/trace.h"
#include "policy/explain/what_it_takes.h"
#include "policy/io/dossier_reader.h"

namespace {
const jincai::policy::CompiledPolicy& Policy() {
  static auto b = jincai::policy::BuildPolicyText("fuzz.toml", jincai::fuzz::kPrelude);
  return *b.policy;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jincai::policy;
  if (size < 1 || size > 256 * 1024) return 0;
  const CompiledPolicy& p = Policy();
  std::string path = "/tmp/jincai-fuzz-" + std::to_string(getpid()) + (data[0] & 1 ? ".csv" : ".jsonl");
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data + 1, 1, size - 1, f);
  std::fclose(f);
  ReaderOptions opts;
  opts.skip_invalid = (data[0] & 2) != 0;
  opts.max_record_bytes = 4096;
  opts.on_skip = [](const RecordError& e) { (void)e.Render(); };
  auto reader = DossierReader::Open(path, p.layout(), p.pool(), opts);
  if (reader.ok()) {
    Batch batch;
    Evaluator ev(p);
    (void)ev.SetDate(*ParseDate("2021-06-15"));
    for (int chunk = 0; chunk < 64; ++chunk) {
      auto n = (*reader)->Next(batch, 256);
      if (!n.ok() || *n == 0) break;
      Decisions d;
      ev.Evaluate(batch, &d);
      std::string out;
      AppendTraceJson(ev, d, 0, out);
      AppendWhatItTakesJson(p, *ParseDate("2021-06-15"), batch, 0, out);
    }
  }
  std::remove(path.c_str());
  return 0;
}
