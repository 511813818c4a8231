// Checks of a form's fields shared by the services of the market and of talent flow:
// each failure is InvalidArgument naming the field, with the field's name leading the
// English and the Chinese message ("note must have at most 2000 bytes").
#pragma once

#include <cstddef>
#include <string>

#include "common/result.h"

namespace jincai::service {

Status FieldInvalid(const char* field, const std::string& en, const std::string& zh);
// One of the engagement modes (domain::EngagementModes).
Status CheckEngagementMode(const char* field, const std::string& mode);
// Free text (a note, a reason, a summary): at most `max_bytes`, and no control character
// other than tab and line breaks (which XML, and so a feed, cannot carry).
Status CheckFreeText(const char* field, const std::string& text, size_t max_bytes);

}  // namespace jincai::service
