// Dense loops of the interpreter: an operation over whole columns (rows 0..n-1, no
// selection), written without branches so that the compiler vectorises them (SSE2,
// which every x86-64 has, does two values per instruction). They are out of line on
// purpose: inlined into the interpreter, the compiler can no longer tell that the
// output does not overlap the inputs, and keeps the loops scalar.
//
// Operands are columns (pointers) or scalars (values); bools are read as "not zero".
// Checked arithmetic wraps and returns the OR of its overflow flags (bit 63): the
// caller, on the rare overflow, runs its exact loop again to report each failing row.
#pragma once

#include <cstdint>

#include "policy/compile/program.h"

namespace jincai::policy::kernels {

// out = a OP b for a comparison opcode (kEq .. kGe).
void Compare(Opcode op, int64_t* out, const int64_t* a, const int64_t* b, int32_t n);
void CompareScalar(Opcode op, int64_t* out, const int64_t* a, int64_t b, int32_t n);  // a column, b scalar

// out = min(a, b) (or max).
void MinMax(bool is_min, int64_t* out, const int64_t* a, const int64_t* b, int32_t n);
void MinMaxScalar(bool is_min, int64_t* out, const int64_t* a, int64_t b, int32_t n);

// out = c ? b : e.
void Pick(int64_t* out, const int64_t* c, const int64_t* b, const int64_t* e, int32_t n);
void PickScalarElse(int64_t* out, const int64_t* c, const int64_t* b, int64_t e, int32_t n);
void PickScalarThen(int64_t* out, const int64_t* c, int64_t b, const int64_t* e, int32_t n);
void PickScalars(int64_t* out, const int64_t* c, int64_t b, int64_t e, int32_t n);

// Logic on bools (any non-zero value is true; results are 0 or 1).
void And(int64_t* out, const int64_t* a, const int64_t* b, int32_t n);
void Or(int64_t* out, const int64_t* a, const int64_t* b, int32_t n);
void Not(int64_t* out, const int64_t* a, int32_t n);
// Rows where a holds.
int32_t CountTrue(const int64_t* a, int32_t n);

// Checked out = a + b, a - b (wrapping; see the header comment).
uint64_t Add(int64_t* out, const int64_t* a, const int64_t* b, int32_t n);
uint64_t AddScalar(int64_t* out, const int64_t* a, int64_t b, int32_t n);
uint64_t Sub(int64_t* out, const int64_t* a, const int64_t* b, int32_t n);
uint64_t SubScalar(int64_t* out, const int64_t* a, int64_t b, int32_t n);   // a - b
uint64_t ScalarSub(int64_t* out, int64_t a, const int64_t* b, int32_t n);   // a - b

// out = a * k, for a whole number k (numbers scaled 1e6 times a count, money times a
// count). False when a row might overflow: out is then unspecified and the caller runs
// its exact loop.
bool MulWhole(int64_t* out, const int64_t* a, int64_t k, int32_t n);

// A term of kAddN: out (+)= when ? value : 0; `first` stores instead of adding.
// when == nullptr: no guard. Checked like Add.
uint64_t AddTerm(int64_t* out, const int64_t* when, const int64_t* value, bool first, int32_t n);
uint64_t AddTermScalar(int64_t* out, const int64_t* when, int64_t value, bool first, int32_t n);

// One tier's pass of the evaluator: where tier[r] < 0, errors[r] == 0, when[r] holds
// (when == nullptr: always) and engagement[r] is one of modes[0..3] (engagement ==
// nullptr: any), sets tier[r] = tier and id[r] = tier_id, for r in 0..n-1 (when is
// read on every row; the caller passes over stale values by tier and errors). Returns
// the rows still without a tier and without an error, and writes their indexes to
// `left`, which has room for n.
int32_t ChooseTier(int32_t* tier, int64_t* id, int32_t* left, const int64_t* when, const int64_t* engagement,
                   const int64_t modes[4], const uint8_t* errors, int32_t tier_index, int64_t tier_id, int32_t n);

// out = F(sign * a / d) * unit, F rounding down (fn 0), up (1) or half away from
// zero (2), sign -1 when flip: the rounded division by a parameter, computed exactly
// in doubles. False when a row is outside the range where that is exact (|a| or the
// result from 2^51): out is then unspecified and the caller runs its exact loop.
// REQUIRES: 0 < d < 2^51, 0 < unit < 2^51.
bool DivideRounded(int fn, int64_t* out, const int64_t* a, int64_t d, bool flip, int64_t unit, int32_t n);

}  // namespace jincai::policy::kernels
