// A talent's dossier as the engine sees it, and the engine's decision on it. The
// dossier a talent edits holds the policy's inputs except those the platform knows
// from its records (name, nationality, employer, its salary and ownership); those
// are merged in from the talent's and employer's rows before every check or decision.
#pragma once

#include <optional>
#include <string>

#include "service/policy_registry.h"
#include "store/records/employers_table.h"
#include "store/records/talents_table.h"

namespace jincai::service {

// The merged dossier as JSON text. InvalidArgument (field "dossier") when the stored
// dossier is not a JSON object or sets a field the records own.
Result<std::string> ComposeDossier(const store::TalentRow& talent, const std::optional<store::EmployerRow>& employer,
                                   const policy::PolicyDocument& doc);

// The pieces of ComposeDossier, for bulk work that builds dossier text itself: the
// record-owned members ("\"id\":...,\"name\":...,", each followed by a comma) and
// their splice into an object text that has none of them.
std::string RecordOwnedMembers(const store::TalentRow& talent, const std::optional<store::EmployerRow>& employer,
                               const policy::PolicyDocument& doc);
std::string SpliceMembers(std::string_view object_text, const std::string& members);
// Both at once into *out (its buffer reused): what bulk imports call per row.
void ComposeDossierText(std::string_view object_text, const store::TalentRow& talent,
                        const std::optional<store::EmployerRow>& employer, const policy::PolicyDocument& doc,
                        std::string* out);
// The inputs that RecordOwnedMembers fills; a talent's dossier may not set them.
const std::vector<std::string>& RecordOwnedInputs();

// Whether the dossier reads cleanly under the policy's inputs: InvalidArgument with the
// field ("dossier.awards[1].rank") and what is wrong.
Status CheckDossier(const LoadedPolicy& policy, const std::string& dossier_json);

struct Evaluation {
  std::string tier;       // the tier's id, or "none"
  bool auto_approve = false;
  std::string json;       // {"policy":{...},"decision":{id, tier, points, entitlements, trace[, what_it_takes]}}
};

// Decides the dossier as of `day`. InvalidArgument for a bad dossier; Conflict when
// the evaluation fails at run time (a division by zero in the policy, say).
Result<Evaluation> EvaluateDossier(const LoadedPolicy& policy, const std::string& dossier_json, int32_t day,
                                   bool what_it_takes = false);

}  // namespace jincai::service
