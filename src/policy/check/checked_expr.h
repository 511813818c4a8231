// The checked expression tree: every name resolved to a slot, every node typed. The
// compiler consumes it; nothing past the checker meets an unresolved name or a type
// error. Offsets still point into the ExprText, for traces and lint messages.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "policy/syntax/ast.h"
#include "policy/value.h"

namespace jincai::policy {

enum class CKind {
  kConst,       // imm
  kInput,       // scalar input or record field: slot = scalar slot
  kElemField,   // element of list slot `slot`, column `field`
  kParam,       // slot = parameter index
  kFormula,     // slot = formula index
  kPoints,      // slot = 0..2 dimension, 3 = total
  kAsOf,        // the evaluation date
  kTier,        // the dossier's tier id (entitlements only)
  kNeg, kNot,   // kids[0]
  kArith,       // op: kAdd kSub kMul kDiv; kids[0], kids[1]
  kCompare,     // op: kEq .. kGe
  kAnd, kOr,    // kids[0], kids[1]; lazy
  kIf,          // kids: cond, then, else; lazy
  kInSet,       // kids[0] in `set` (a literal list)
  kInList,      // kids[0] in list slot `slot` (a list<string> input)
  kCount,       // count(list slot)
  kAggregate,   // fn over list slot `slot`, kids[0] = lambda body (element domain)
  kMinMax,      // fn kMin2/kMax2 over kids
  kDateDiff,    // fn kYears/kMonths/kDays; kids[0], kids[1]
  kRound,       // fn kRound/kFloor/kCeil; kids[0]
};

enum class Fn { kNone, kCountIf, kSum, kMin, kMax, kAny, kAll, kMin2, kMax2, kYears, kMonths, kDays, kRound, kFloor, kCeil };

struct CExpr {
  CKind k = CKind::kConst;
  Kind type = Kind::kNumber;
  AstOp op = AstOp::kAdd;
  Fn fn = Fn::kNone;
  int64_t imm = 0;
  int slot = -1;
  int field = -1;
  bool element = false;            // depends on a list element (lambda or for_each variable)
  size_t offset = 0;               // in the expression text
  std::string text;                // the source text of this node, for traces
  std::vector<int64_t> set;        // kInSet: encoded members
  const std::vector<std::string>* values = nullptr;  // allowed values of a string input, if any
  std::vector<std::unique_ptr<CExpr>> kids;
};

}  // namespace jincai::policy
