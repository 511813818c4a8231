// The applicant pipeline (see hiring_pipeline.h).
#include "domain/hiring_pipeline.h"

#include <algorithm>

namespace jincai::domain {

const std::vector<HiringStep>& HiringSteps() {
  using S = HiringSide;
  static const std::vector<HiringStep> kSteps = {
      {"shortlist", S::kEmployer, "shortlisted", {"applied"}, false},
      {"interview", S::kEmployer, "interview", {"applied", "shortlisted"}, false},
      {"offer", S::kEmployer, "offered", {"applied", "shortlisted", "interview"}, false},
      {"decline", S::kEmployer, "declined", {"applied", "shortlisted", "interview", "offered"}, true},
      {"accept", S::kTalent, "hired", {"offered"}, false},
      {"withdraw", S::kTalent, "withdrawn", {"applied", "shortlisted", "interview", "offered"}, false},
  };
  return kSteps;
}

const HiringStep* FindHiringStep(const std::string& action) {
  for (const auto& s : HiringSteps())
    if (action == s.action) return &s;
  return nullptr;
}

bool IsHiringStage(const std::string& s) {
  return s == "applied" || s == "shortlisted" || s == "interview" || s == "offered" || IsFinalHiringStage(s);
}

bool IsFinalHiringStage(const std::string& s) { return s == "hired" || s == "declined" || s == "withdrawn"; }

const char* HiringStageZh(const std::string& s) {
  if (s == "applied") return "已投递";
  if (s == "shortlisted") return "已入围";
  if (s == "interview") return "面试";
  if (s == "offered") return "已发录用通知";
  if (s == "hired") return "已录用";
  if (s == "declined") return "未录用";
  if (s == "withdrawn") return "已撤回";
  return "未知";
}

}  // namespace jincai::domain
