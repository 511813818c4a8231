// A minimal JSON text builder for the output hot path (decisions, reports): appends
// to a std::string without building a DOM.
#pragma once

#include <string>
#include <string_view>

namespace jincai::policy {

void AppendJsonString(std::string& out, std::string_view s);  // quoted and escaped

}  // namespace jincai::policy
