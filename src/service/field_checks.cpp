// Shared field checks (see field_checks.h).
#include "service/field_checks.h"

#include "common/text.h"
#include "domain/employer_profile.h"

namespace jincai::service {

Status FieldInvalid(const char* field, const std::string& en, const std::string& zh) {
  return Status::InvalidArgument(std::string(field) + " " + en).Field(field).Zh(std::string(field) + " " + zh);
}

Status CheckEngagementMode(const char* field, const std::string& mode) {
  if (domain::FindLabelled(domain::EngagementModes(), mode)) return Status::Ok();
  return FieldInvalid(field, "must be full_time, consultant, part_time or project",
                      "须为 full_time、consultant、part_time 或 project");
}

Status CheckFreeText(const char* field, const std::string& text, size_t max_bytes) {
  if (text.size() > max_bytes)
    return FieldInvalid(field, "must have at most " + std::to_string(max_bytes) + " bytes",
                        "最多 " + std::to_string(max_bytes) + " 字节");
  if (HasControlCharacter(text)) return FieldInvalid(field, "must not contain control characters", "不能包含控制字符");
  return Status::Ok();
}

}  // namespace jincai::service
