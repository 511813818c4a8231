// Maps a TOML string value back to the bytes of the file it came from, so that an
// error at offset k of an expression points at the right line and column.
#pragma once

#include <string>

#include "policy/syntax/source.h"

namespace jincai::policy {

// `begin` is the location toml++ reports for the string node (its opening quote).
// When the raw text cannot be matched with `decoded`, every position is `begin`.
ExprText MapTomlString(const SourceFile& file, Location begin, const std::string& decoded);

}  // namespace jincai::policy
