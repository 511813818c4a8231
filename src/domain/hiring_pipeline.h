// The applicant pipeline of a position (SPEC §5.5): the stages an application passes
// and who may move it. The employer shortlists, invites to interview, offers or
// declines; the talent accepts an offer (hired) or withdraws. Hired, declined and
// withdrawn are final. A step may skip stages forward (an offer straight after the
// application), never go back.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace jincai::domain {

enum class HiringSide { kEmployer, kTalent };

struct HiringStep {
  const char* action;  // shortlist, interview, offer, decline, accept, withdraw
  HiringSide side;
  const char* to;  // the stage it leads to
  std::vector<const char*> from;  // the stages it may be taken from
  bool needs_reason;
};

const std::vector<HiringStep>& HiringSteps();
const HiringStep* FindHiringStep(const std::string& action);
// Whether the stage is one of the seven.
bool IsHiringStage(const std::string& stage);
bool IsFinalHiringStage(const std::string& stage);
const char* HiringStageZh(const std::string& stage);

}  // namespace jincai::domain
