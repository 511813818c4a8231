// Explanations of one decision: which criteria gave which points (with their
// citations), which condition chose the tier, for each higher tier which part of
// its condition failed and by how much, and how each amount was computed from which
// parameter values (with the dates they took effect) and inputs.
#pragma once

#include <string>

#include "policy/eval/decisions.h"
#include "policy/eval/evaluator.h"

namespace jincai::policy {

// Appends `,"trace":{...}` for `row` of the batch the evaluator last evaluated into `d`.
// May run further instructions for that row (both sides of a comparison, say); the
// decision itself is not changed.
void AppendTraceJson(Evaluator& ev, const Decisions& d, int32_t row, std::string& out);

// The same explanation as indented text for people.
std::string TraceText(Evaluator& ev, const Decisions& d, int32_t row);

}  // namespace jincai::policy
