// libFuzzer target: the input is a whole policy file. Loading, checking, the lints
// (barrier, tier analysis) and compiling must never crash or hang, whatever the bytes.
#include <cstdint>
#include <string>

#include "policy/engine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 64 * 1024) return 0;
  jincai::policy::PolicyBuild b =
      jincai::policy::BuildPolicyText("fuzz.toml", std::string(reinterpret_cast<const char*>(data), size));
  (void)b.diags.Render();
  return 0;
}
