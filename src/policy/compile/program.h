// The compiled program: a flat array of instructions, each writing one column
// (its register, indexed like the instruction) over a selection of rows or of list
// elements. Operands are earlier instructions. Every opcode documents itself below:
// what it reads, what it writes, and what happens on bad data.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "policy/value.h"

namespace jincai::policy {

enum class Opcode : uint8_t {
  // Leaves ------------------------------------------------------------------
  kConst,      // Synopsis: r = imm. A scalar: one value for every row.
  kParam,      // Synopsis: r = parameter[slot] for the evaluation date. Scalar.
  kAsOf,       // Synopsis: r = the evaluation date. Scalar.
  kInput,      // Synopsis: r = batch.scalars[slot]. Rows domain; no copy.
  kElemField,  // Synopsis: r = batch.lists[slot].elements[field]. Element domain; no copy.
  kTier,       // Synopsis: r = the row's tier id (string). Set before entitlements run.
  // Plumbing ----------------------------------------------------------------
  kBroadcast,  // Synopsis: r[e] = a[parent(e)]. Runs `a` on the parents of the selected elements.
  kMemo,       // Synopsis: r = a, computing `a` once per row per batch (formulas, point totals).
  // Arithmetic (numbers scaled 1e6, money in fen; see docs/policy-language.md) ---
  kNeg,        // Synopsis: r = -a. Overflow: error.
  kAdd,        // Synopsis: r = a + b. Overflow: error.
  kSub,        // Synopsis: r = a - b. Overflow: error.
  kMul,        // Synopsis: r = a * b / 1e6, half away from zero. Overflow: error.
  kDiv,        // Synopsis: r = a * 1e6 / b, half away from zero. b == 0: error "division by zero".
               // With field = a rounding Fn and imm = a unit: the exact quotient rounded
               // to a multiple of imm by that Fn (round/floor/ceil of a division).
  kRound,      // Synopsis: r = a rounded to a multiple of imm (fn: round, floor, ceil).
  // Comparison and logic (bools are 0/1) -------------------------------------
  kEq, kNe, kLt, kLe, kGt, kGe,  // Synopsis: r = a OP b.
  kNot,        // Synopsis: r = !a.
  kAnd,        // Synopsis: r = a && b; b runs only on rows where a holds.
  kOr,         // Synopsis: r = a || b; b runs only on rows where a fails.
  kIf,         // Synopsis: r = a ? b : c; b and c run only on their own rows.
  kInSet,      // Synopsis: r = a in sets[set].
  kInList,     // Synopsis: r = a equals some element of list slot `slot`.
  kMin2,       // Synopsis: r = min(a, b).
  kMax2,       // Synopsis: r = max(a, b).
  kYears,      // Synopsis: r = whole years from date a to date b (scaled number).
  kMonths,     // Synopsis: r = whole months from a to b.
  kDays,       // Synopsis: r = days from a to b.
  // Lists: `a` is the lambda body, run on the elements of the selected rows -----
  kCount,      // Synopsis: r = number of elements of list `slot`.
  kCountIf,    // Synopsis: r = number of elements where a holds.
  kSum,        // Synopsis: r = sum of a over the elements (0 when empty). Overflow: error.
  kMinOf,      // Synopsis: r = min of a over the elements. Empty list: error.
  kMaxOf,      // Synopsis: r = max of a over the elements. Empty list: error.
  kAny,        // Synopsis: r = a holds for some element (false when empty).
  kAll,        // Synopsis: r = a holds for every element (true when empty).
  // Fused by the compiler (see FuseAdditions) ------------------------------
  kAddN,       // Synopsis: r = t0 + t1 + ... over terms[slot .. slot+field), each term
               // `value` or, with a guard, `if when then value else 0` (value runs only
               // where when holds, or speculatively). Replaces a chain of kAdd, whose
               // instructions stay in the program for explanations. Overflow: error,
               // reported at the kAdd it replaces, in the order the chain would have
               // met it among the terms' own errors.
};

constexpr int32_t kRowsDomain = -1;

struct Instr {
  Opcode op = Opcode::kConst;
  Kind kind = Kind::kNumber;  // the result's type
  int32_t domain = kRowsDomain;  // kRowsDomain, or a list slot (its elements)
  int32_t a = -1, b = -1, c = -1;
  int32_t slot = -1, field = -1;
  int32_t set = -1;
  int32_t memo = -1;
  int64_t imm = 0;
  // Cannot fail (no division, overflow or empty list anywhere below) and is cheap:
  // a lazy parent may run it on rows it does not need. Set by the compiler.
  bool safe = false;
  // Rough cost of running the instruction and its operands on one row (a comparison
  // is 1, a division 4), set by the compiler. A lazy parent weighs it to choose between
  // narrowing the selection and running the operand on every row speculatively.
  int32_t cost = 0;
};

// A term of kAddN.
struct Term {
  int32_t when = -1;   // guard (bool), or -1
  int32_t value = -1;
  int32_t add = -1;    // the kAdd that added this term (-1 for the first): where an overflow is reported
};

// Evaluation errors of one row: the first one wins.
enum class EvalError : uint8_t { kNone, kDivisionByZero, kOverflow, kEmptyList };
const char* EvalErrorText(EvalError e);

struct Program {
  std::vector<Instr> code;
  std::vector<std::vector<int64_t>> sets;  // sorted members of literal lists
  std::vector<Term> terms;                 // operands of kAddN
  int32_t memo_count = 0;
  bool IsScalar(int32_t i) const {
    Opcode op = code[static_cast<size_t>(i)].op;
    return op == Opcode::kConst || op == Opcode::kParam || op == Opcode::kAsOf;
  }
};

}  // namespace jincai::policy
