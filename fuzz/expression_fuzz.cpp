// libFuzzer target: the input is one expression. It is checked and compiled as a
// formula of a small policy and evaluated over a few dossiers, on both the batch
// and the single-row path. Nothing may crash, hang or trip ASan/UBSan.
#include <cstdint>
#include <string>

#include "fuzz_policy.h"
#include "policy/engine.h"
#include "policy/eval/evaluator.h"
#include "policy/io/dossier_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace jincai::policy;
  if (size > 4096) return 0;
  std::string expr(reinterpret_cast<const char*>(data), size);
  if (expr.find("'''") != std::string::npos) return 0;  // would end the TOML string
  PolicyBuild b = BuildPolicyText("fuzz.toml", std::string(jincai::fuzz::kPrelude) + "\n[formulas.result]\nexpr = '''" + expr + "'''\n");
  if (!b.policy) return 0;
  const CompiledPolicy& p = *b.policy;
  Batch batch;
  batch.Reset(p.layout());
  for (const char* d : jincai::fuzz::kDossiers) (void)AppendJsonRecord(d, 1, p.layout(), p.pool(), batch);
  Evaluator ev(p);
  if (!ev.SetDate(*ParseDate("2021-06-15")).ok()) return 0;
  Decisions out;
  ev.Evaluate(batch, &out);
  int32_t instr = p.formula_instr.at(0);
  ev.vm().Run(instr, ev.vm().AllRows());
  for (int32_t r = 0; r < batch.rows; ++r) {
    Sel one{&r, 1};
    ev.vm().Run(instr, one);
  }
  return 0;
}
