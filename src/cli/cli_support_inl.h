// Template part of cli_support.h.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>

namespace jincai::cli {

template <typename F>
void RunCommand(F&& body) {
  try {
    body();
  } catch (const CommandExit& e) {
    if (!e.message.empty()) std::fprintf(stderr, "%s\n", e.message.c_str());
    std::fflush(stdout);
    std::exit(e.code);
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "jincai: out of memory\n");
    std::exit(kExitBadInput);
  }
}

}  // namespace jincai::cli
