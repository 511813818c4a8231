// Instruction semantics. Eager instructions run their operands on the same selection
// and then one tight loop; the loop is specialised for scalar operands so that
// comparisons with constants and parameters read one column only.
#include "policy/eval/vm.h"

#include "policy/eval/kernels.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <type_traits>

namespace jincai::policy {
namespace {

template <typename F>
inline void Loop(Sel sel, F&& f) {
  if (!sel.idx) {
    for (int32_t i = 0; i < sel.n; ++i) f(i);
  } else {
    for (int32_t k = 0; k < sel.n; ++k) f(sel.idx[k]);
  }
}

// The comparison with its operands swapped: a OP b == b Mirror(OP) a.
inline Opcode Mirror(Opcode op) {
  switch (op) {
    case Opcode::kLt: return Opcode::kGt;
    case Opcode::kLe: return Opcode::kGe;
    case Opcode::kGt: return Opcode::kLt;
    case Opcode::kGe: return Opcode::kLe;
    default: return op;  // kEq, kNe
  }
}

// cond ? x : y without a branch.
inline int64_t Pick(int64_t cond, int64_t x, int64_t y) {
  const int64_t m = -static_cast<int64_t>(cond != 0);
  return (x & m) | (y & ~m);
}

// a * b / 1e6, half away from zero.
inline bool MulScaled(int64_t a, int64_t b, int64_t* out) {
  int64_t p;
  if (!__builtin_mul_overflow(a, b, &p)) {
    int64_t q = p / kNumberScale, r = p % kNumberScale;
    if (r >= kNumberScale / 2) ++q;
    else if (r <= -kNumberScale / 2) --q;
    *out = q;
    return true;
  }
  bool ovf = false;
  *out = DivRound(static_cast<__int128>(a) * b, kNumberScale, &ovf);
  return !ovf;
}

// a * 1e6 / b, half away from zero. REQUIRES: b != 0.
inline bool DivScaled(int64_t a, int64_t b, int64_t* out) {
  bool ovf = false;
  int64_t n;
  if (!__builtin_mul_overflow(a, kNumberScale, &n)) {
    int64_t q = n / b, r = n % b;
    // |2r| >= |b| rounds away from zero; compare without overflow.
    uint64_t ar = r < 0 ? 0 - static_cast<uint64_t>(r) : static_cast<uint64_t>(r);
    uint64_t ab = b < 0 ? 0 - static_cast<uint64_t>(b) : static_cast<uint64_t>(b);
    if (ar >= ab - ar) q += ((n < 0) != (b < 0)) ? -1 : 1;
    *out = q;
    return true;
  }
  *out = DivRound(static_cast<__int128>(a) * kNumberScale, b, &ovf);
  return !ovf;
}

// Rounds the truncated quotient q (remainder r, divisor d > 0) by fn, without a
// branch: whether a remainder is left is data, and would mispredict.
template <Fn F>
inline int64_t RoundQuotient(int64_t q, int64_t r, int64_t d) {
  if constexpr (F == Fn::kFloor) {
    return q - (r < 0);
  } else if constexpr (F == Fn::kCeil) {
    return q + (r > 0);
  } else {
    const int64_t ar = r < 0 ? -r : r;
    return q + static_cast<int64_t>(ar >= d - ar) * ((r > 0) - (r < 0));
  }
}

// DivToUnit in 128 bits, for the values whose scaling overflows 64.
[[gnu::noinline, gnu::cold]] bool DivToUnitWide(int64_t a, int64_t b, int64_t unit, Fn fn, int64_t* out) {
  __int128 n = static_cast<__int128>(a) * kNumberScale;
  __int128 d = static_cast<__int128>(b) * unit;
  if (d < 0) { n = -n; d = -d; }
  __int128 q = n / d, r = n % d;  // truncated toward zero
  if (r != 0) {
    switch (fn) {
      case Fn::kFloor: if (r < 0) --q; break;
      case Fn::kCeil: if (r > 0) ++q; break;
      default: {
        __int128 ar = r < 0 ? -r : r;
        if (2 * ar >= d) q += r < 0 ? -1 : 1;
        break;
      }
    }
  }
  __int128 v = q * unit;
  if (v > INT64_MAX || v < INT64_MIN) return false;
  *out = static_cast<int64_t>(v);
  return true;
}

// The exact quotient a * 1e6 / b, rounded by F to a multiple of unit. REQUIRES: b != 0.
template <Fn F>
inline bool DivToUnit(int64_t a, int64_t b, int64_t unit, int64_t* out) {
  int64_t n64, d64;
  if (!__builtin_mul_overflow(a, kNumberScale, &n64) && !__builtin_mul_overflow(b, unit, &d64) && d64 != INT64_MIN &&
      n64 != INT64_MIN) {
    if (d64 < 0) { n64 = -n64; d64 = -d64; }
    int64_t q = RoundQuotient<F>(n64 / d64, n64 % d64, d64);
    if (!__builtin_mul_overflow(q, unit, out)) return true;
  }
  return DivToUnitWide(a, b, unit, F, out);
}

// Division by a divisor that is the same on every row of a loop (a parameter or a
// constant, as policies divide by): a multiplication by its reciprocal, corrected to
// the exact quotient. A hardware 64-bit division costs 10 to 40 cycles.
//
// The quotient x = sign * a * mult / d is reduced once per loop: a * 1e6 / (b * 1e6),
// the usual floor(money / money), is a / b. Rounding then reads the floor and the
// remainder, so no case depends on the signs.
class Divider {
 public:
  // x = num * a / den for each a. REQUIRES: num > 0, den != 0.
  Divider(int64_t num, int64_t den) {
    const int64_t g = std::gcd(num, den);  // std::gcd of magnitudes; den != INT64_MIN (checked by callers)
    mult_ = num / g;
    d_ = (den < 0 ? -den : den) / g;
    flip_ = den < 0;
    inv_ = 1.0 / static_cast<double>(d_);
  }
  // floor(x) and the remainder r in [0, d) of x = n / d with n = sign * a * mult. False
  // when n is out of the reciprocal's exact range (|n| >= 2^52): use the exact path.
  bool FloorDivMod(int64_t a, int64_t* q, int64_t* r) const {
    int64_t n = a;
    if (mult_ != 1 && __builtin_mul_overflow(a, mult_, &n)) return false;
    if (__builtin_expect(n >= kExact || n <= -kExact, 0)) return false;
    if (flip_) n = -n;
    // c is within 1/2 of n / d (two roundings of relative error 2^-53 on a value
    // below 2^52; exact when d is 1), so its floor is off by at most one.
    const double c = static_cast<double>(n) * inv_;
    int64_t q0 = static_cast<int64_t>(c);
    q0 -= static_cast<double>(q0) > c;
    const int64_t r0 = n - q0 * d_;
    const int64_t down = r0 < 0, up = r0 >= d_;
    *q = q0 + up - down;
    *r = r0 + (down - up) * d_;
    return true;
  }
  int64_t d() const { return d_; }
  int64_t mult() const { return mult_; }
  bool flip() const { return flip_; }

 private:
  static constexpr int64_t kExact = int64_t{1} << 52;
  int64_t mult_, d_;
  bool flip_;
  double inv_;
};

// x rounded by F, from its floor q and remainder r in [0, d).
template <Fn F>
inline int64_t RoundFloor(int64_t q, int64_t r, int64_t d) {
  if constexpr (F == Fn::kFloor) {
    return q;
  } else if constexpr (F == Fn::kCeil) {
    return q + (r != 0);
  } else {  // half away from zero: up past the half, and at the half when x >= 0
    return q + static_cast<int64_t>((r > d - r) | ((r == d - r) & (q >= 0)));
  }
}

[[gnu::noinline, gnu::cold]] bool DivScaledSlow(int64_t a, int64_t b, int64_t* out) { return DivScaled(a, b, out); }

// DivScaled(a, b) for a b fixed for the loop: dv is Divider(1e6, b).
inline bool DivScaledBy(int64_t a, int64_t b, const Divider& dv, int64_t* out) {
  int64_t q, r;
  if (!dv.FloorDivMod(a, &q, &r)) return DivScaledSlow(a, b, out);
  *out = RoundFloor<Fn::kRound>(q, r, dv.d());
  return true;
}

// DivToUnit<F>(a, b, unit) for a b fixed for the loop: dv is Divider(1e6, b * unit),
// which REQUIRES no overflow there.
template <Fn F>
inline bool DivToUnitBy(int64_t a, int64_t b, const Divider& dv, int64_t unit, int64_t* out) {
  int64_t q, r;
  if (dv.FloorDivMod(a, &q, &r) && !__builtin_mul_overflow(RoundFloor<F>(q, r, dv.d()), unit, out)) return true;
  return DivToUnitWide(a, b, unit, F, out);
}

// REQUIRES: unit > 0. False on overflow (a value within a unit of the int64 limits).
inline bool RoundTo(int64_t v, int64_t unit, Fn fn, int64_t* out) {
  int64_t q = v / unit, r = v % unit;
  if (r == 0) {
    *out = v;
    return true;
  }
  switch (fn) {
    case Fn::kFloor: if (r < 0) --q; break;
    case Fn::kCeil: if (r > 0) ++q; break;
    default: {
      int64_t ar = r < 0 ? -r : r;
      if (2 * ar >= unit) q += v < 0 ? -1 : 1;
      break;
    }
  }
  return !__builtin_mul_overflow(q, unit, out);
}

}  // namespace

Vm::Vm(const CompiledPolicy& policy) : policy_(policy), code_(policy.program.code) {
  leaf_.assign(code_.size(), 0);
  for (size_t i = 0; i < code_.size(); ++i) {
    switch (code_[i].op) {
      case Opcode::kConst: case Opcode::kParam: case Opcode::kAsOf: case Opcode::kInput:
      case Opcode::kElemField: case Opcode::kTier:
        leaf_[i] = 1;
        break;
      default:
        break;
    }
  }
  params_.assign(policy.parameters.size(), 0);
  param_from_.assign(policy.parameters.size(), INT32_MIN);
  ptr_.assign(code_.size(), nullptr);
  scalar_.assign(code_.size(), 0);
  for (size_t i = 0; i < code_.size(); ++i)
    if (code_[i].op == Opcode::kConst) scalar_[i] = code_[i].imm;
  store_.resize(code_.size());
  memo_done_.resize(static_cast<size_t>(policy.program.memo_count));
  memo_count_.assign(static_cast<size_t>(policy.program.memo_count), 0);
}

Status Vm::SetDate(int32_t as_of) {
  as_of_ = as_of;
  years_to_.clear();
  for (size_t i = 0; i < policy_.parameters.size(); ++i) {
    const ParameterSpec& p = policy_.parameters[i];
    const ParamValue* v = nullptr;
    for (const auto& pv : p.values)
      if (pv.from <= as_of) v = &pv;
    if (!v)
      return Status::InvalidArgument("parameter '" + p.name + "' has no value on " + FormatDate(as_of) +
                                     (p.values.empty() ? "" : " (its first value applies from " + FormatDate(p.values.front().from) + ")"));
    params_[i] = p.kind == Kind::kString ? policy_.pool().Intern(v->string_value) : v->value;
    param_from_[i] = v->from;
  }
  for (size_t i = 0; i < code_.size(); ++i) {
    if (code_[i].op == Opcode::kParam) scalar_[i] = params_[static_cast<size_t>(code_[i].slot)];
    if (code_[i].op == Opcode::kAsOf) scalar_[i] = as_of;
  }
  return Status::Ok();
}

const YearsTo& Vm::YearsToDate(int32_t to) {
  for (const YearsTo& y : years_to_)
    if (y.to() == to) return y;
  return years_to_.emplace_back(to);
}

void Vm::Bind(const Batch& batch) {
  batch_ = &batch;
  for (size_t i = 0; i < code_.size(); ++i) {
    const Instr& in = code_[i];
    switch (in.op) {
      case Opcode::kConst: case Opcode::kParam: case Opcode::kAsOf:
        ptr_[i] = nullptr;
        break;
      case Opcode::kInput:
        ptr_[i] = batch.scalars[static_cast<size_t>(in.slot)].data();
        break;
      case Opcode::kElemField:
        ptr_[i] = batch.lists[static_cast<size_t>(in.slot)].elements[static_cast<size_t>(in.field)].data();
        break;
      case Opcode::kTier:
        ptr_[i] = tiers_;
        break;
      case Opcode::kMemo:
        ptr_[i] = ptr_[static_cast<size_t>(in.a)];
        break;
      default: {
        size_t n = in.domain == kRowsDomain ? static_cast<size_t>(batch.rows)
                                            : batch.lists[static_cast<size_t>(in.domain)].parent.size();
        if (store_[i].size() < n) store_[i].resize(std::max<size_t>(n, 16));
        ptr_[i] = store_[i].data();
        break;
      }
    }
  }
  for (size_t m = 0; m < memo_done_.size(); ++m) {
    memo_done_[m].assign(static_cast<size_t>(batch.rows), 0);
    memo_count_[m] = 0;
  }
  err_.assign(static_cast<size_t>(batch.rows), 0);
  err_instr_.assign(static_cast<size_t>(batch.rows), -1);
  spec_depth_ = 0;
  spec_log_.clear();
}

Vm::Col Vm::Operand(int32_t instr) const {
  const Instr& in = code_[static_cast<size_t>(instr)];
  switch (in.op) {
    case Opcode::kConst: case Opcode::kParam: case Opcode::kAsOf: {
      const int64_t* v = &scalar_[static_cast<size_t>(instr)];
      return {v, *v, true, 0};
    }
    case Opcode::kTier: return {tiers_, 0, false, -1};
    default: return {ptr_[static_cast<size_t>(instr)], 0, false, -1};
  }
}

int64_t* Vm::Out(int32_t instr) { return store_[static_cast<size_t>(instr)].data(); }

void Vm::Fail(int32_t domain, int32_t index, EvalError e, int32_t instr) {
  int32_t row = domain == kRowsDomain ? index : batch_->lists[static_cast<size_t>(domain)].parent[static_cast<size_t>(index)];
  if (spec_depth_ > 0) {
    spec_log_.push_back({row, e, instr});
    return;
  }
  Record(row, e, instr);
}

void Vm::Record(int32_t row, EvalError e, int32_t instr) {
  if (err_[static_cast<size_t>(row)] == 0) {
    err_[static_cast<size_t>(row)] = static_cast<uint8_t>(e);
    err_instr_[static_cast<size_t>(row)] = instr;
  }
}

void Vm::Settle(size_t mark) {
  if (spec_depth_ > 0) return;  // an enclosing speculation settles them
  for (size_t k = mark; k < spec_log_.size(); ++k) Record(spec_log_[k].row, spec_log_[k].e, spec_log_[k].instr);
  spec_log_.resize(mark);
}

void Vm::ElementsOf(int32_t list_slot, Sel rows, std::vector<int32_t>* out) {
  const ListColumn& l = batch_->lists[static_cast<size_t>(list_slot)];
  out->clear();
  if (!rows.idx || static_cast<int64_t>(rows.n) * 8 >= batch_->rows) {
    // Many rows: mark them, then keep the elements whose row is marked, without a
    // branch per element (walking each row's elements mispredicts where lists vary).
    row_mask_.assign(static_cast<size_t>(batch_->rows), 0);
    Loop(rows, [&](int32_t r) { row_mask_[static_cast<size_t>(r)] = 1; });
    const int32_t* parent = l.parent.data();
    out->resize(static_cast<size_t>(l.size()));
    int32_t* o = out->data();
    int32_t k = 0;
    for (int32_t e = 0; e < l.size(); ++e) {
      o[k] = e;
      k += row_mask_[static_cast<size_t>(parent[e])];
    }
    out->resize(static_cast<size_t>(k));
    return;
  }
  Loop(rows, [&](int32_t r) {
    for (int32_t e = l.offsets[static_cast<size_t>(r)]; e < l.offsets[static_cast<size_t>(r) + 1]; ++e) out->push_back(e);
  });
}

void Vm::RunOp(int32_t i, Sel sel) {
  const Instr& in = code_[static_cast<size_t>(i)];
  switch (in.op) {
    case Opcode::kConst: case Opcode::kParam: case Opcode::kAsOf: case Opcode::kInput:
    case Opcode::kElemField: case Opcode::kTier:
      return;
    case Opcode::kMemo: {
      auto& done = memo_done_[static_cast<size_t>(in.memo)];
      int32_t& count = memo_count_[static_cast<size_t>(in.memo)];
      if (count == batch_->rows) return;
      if (count == 0 && !sel.idx && sel.n == batch_->rows) {
        Run(in.a, sel);
        std::fill(done.begin(), done.end(), 1);
        count = batch_->rows;
        return;
      }
      Buffer todo(*this);
      Loop(sel, [&](int32_t r) { if (!done[static_cast<size_t>(r)]) todo->push_back(r); });
      if (todo->empty()) return;
      Run(in.a, Sel{todo->data(), static_cast<int32_t>(todo->size())});
      for (int32_t r : *todo) done[static_cast<size_t>(r)] = 1;
      count += static_cast<int32_t>(todo->size());
      return;
    }
    case Opcode::kBroadcast: {
      const ListColumn& l = batch_->lists[static_cast<size_t>(in.domain)];
      Buffer parents(*this);
      Loop(sel, [&](int32_t e) {
        int32_t p = l.parent[static_cast<size_t>(e)];
        if (parents->empty() || parents->back() != p) parents->push_back(p);
      });
      Run(in.a, Sel{parents->data(), static_cast<int32_t>(parents->size())});
      Col a = Operand(in.a);
      int64_t* out = Out(i);
      Loop(sel, [&](int32_t e) { out[e] = a[l.parent[static_cast<size_t>(e)]]; });
      return;
    }
    case Opcode::kAnd: case Opcode::kOr: case Opcode::kIf:
      return RunLazy(i, in, sel);
    case Opcode::kAddN:
      return RunAddN(i, in, sel);
    case Opcode::kCount: case Opcode::kCountIf: case Opcode::kSum: case Opcode::kMinOf:
    case Opcode::kMaxOf: case Opcode::kAny: case Opcode::kAll: case Opcode::kInList:
      return RunList(i, in, sel);
    default:
      return RunEager(i, in, sel);
  }
}

// Speculation: an operand that can fail (a division, checked arithmetic, a list
// function) normally runs only on the rows that need it, which costs a pass to split
// the selection and slower indexed loops below. When few rows would be spared, or the
// operand is cheap, it runs on every selected row instead, with its errors held back:
// those of the rows that needed it are then recorded, in the order they happened, and
// the others dropped. Values are per row, so a row that needs the operand gets the same
// value and errors either way. A memo computed for a row that did not need it might
// hide an error from a later use, so such a row's memos are forgotten (recomputed if
// needed, which only costs time on rows that had an error).
constexpr int32_t kNarrowCostPerRow = 4;  // splitting, indexed loops, scattering back

void Vm::RunSpeculative(int32_t x, Sel sel, const Col& guard, bool want) {
  if (code_[static_cast<size_t>(x)].safe) {
    Run(x, sel);
    return;
  }
  const size_t mark = spec_log_.size();
  ++spec_depth_;
  Run(x, sel);
  --spec_depth_;
  if (spec_log_.size() == mark) return;
  size_t keep = mark;
  for (size_t k = mark; k < spec_log_.size(); ++k) {
    const SpecError s = spec_log_[k];
    if ((guard[s.row] != 0) == want) spec_log_[keep++] = s;
    else ForgetRow(s.row);
  }
  spec_log_.resize(keep);
  Settle(mark);
}

namespace {

// out[r] = (or +=, unless first) when[r] ? value[r] : 0 over sel, wrapping; true if
// an addition overflowed.
bool AddTerm(Sel sel, int64_t* out, const Vm::Col& when, const Vm::Col& value, bool first) {
  if (!sel.idx && (!when.scalar || when.v != 0)) {
    const int64_t* w = when.scalar ? nullptr : when.p;
    const uint64_t ovf = value.scalar ? kernels::AddTermScalar(out, w, value.v, first, sel.n)
                                     : kernels::AddTerm(out, w, value.p, first, sel.n);
    return (ovf >> 63) != 0;
  }
  uint64_t ovf = 0;
  auto pass = [&](auto term) {
    if (first) {
      Loop(sel, [&](int32_t r) { out[r] = term(r); });
      return;
    }
    Loop(sel, [&](int32_t r) {
      const uint64_t t = static_cast<uint64_t>(term(r)), s = static_cast<uint64_t>(out[r]), z = s + t;
      ovf |= (s ^ z) & (t ^ z);  // sign bit: both operands' sign differs from the sum's
      out[r] = static_cast<int64_t>(z);
    });
  };
  if (when.scalar) {
    if (when.v == 0) pass([](int32_t) { return int64_t{0}; });
    else if (value.scalar) pass([v = value.v](int32_t) { return v; });
    else pass([p = value.p](int32_t r) { return p[r]; });
  } else if (value.scalar) {
    pass([c = when.p, v = value.v](int32_t r) { return Pick(c[r], v, 0); });
  } else {
    pass([c = when.p, p = value.p](int32_t r) { return Pick(c[r], p[r], 0); });
  }
  return (ovf >> 63) != 0;
}

// Rows of sel where c holds.
int64_t CountTrue(const Vm::Col& c, Sel sel) {
  if (c.scalar) return c.v != 0 ? sel.n : 0;
  if (!sel.idx) return kernels::CountTrue(c.p, sel.n);
  int64_t holds = 0;
  Loop(sel, [&](int32_t r) { holds += c.p[r] != 0; });
  return holds;
}

}  // namespace

bool Vm::WorthSpeculating(int64_t spared_cost, int32_t rows) const {
  return spared_cost <= static_cast<int64_t>(rows) * kNarrowCostPerRow;
}

void Vm::RunGuarded(int32_t x, Sel sel, const Col& guard) {
  const Instr& ix = code_[static_cast<size_t>(x)];
  if (ix.safe) {
    Run(x, sel);
    return;
  }
  const int64_t holds = CountTrue(guard, sel);
  if (holds == sel.n || WorthSpeculating((sel.n - holds) * ix.cost, sel.n)) {
    RunSpeculative(x, sel, guard, true);
    return;
  }
  Buffer yes(*this);
  yes->resize(static_cast<size_t>(sel.n));
  int32_t* y = yes->data();
  int32_t ny = 0;
  Loop(sel, [&](int32_t r) {
    y[ny] = r;
    ny += guard[r] != 0;
  });
  Run(x, Sel{y, ny});
}

// The chain's order, row by row, is: term 0, term 1, the first addition, term 2, the
// second addition, and so on. The terms run first here, their errors held back in the
// log; the additions' overflows found by the pass are then merged in at their place.
void Vm::RunAddN(int32_t i, const Instr& in, Sel sel) {
  const Term* terms = policy_.program.terms.data() + in.slot;
  const int32_t nt = in.field;
  Buffer ends(*this);  // the log's size after each term
  const size_t mark = spec_log_.size();
  ++spec_depth_;
  for (int32_t k = 0; k < nt; ++k) {
    const Term& t = terms[k];
    if (t.when >= 0) {
      // Criteria often share a condition (count(projects) > 0): it has been run here.
      if (k == 0 || terms[k - 1].when != t.when) Run(t.when, sel);
      RunGuarded(t.value, sel, Operand(t.when));
    } else {
      Run(t.value, sel);
    }
    ends->push_back(static_cast<int32_t>(spec_log_.size() - mark));
  }
  --spec_depth_;

  // Operands, a guard of true for unguarded terms. Values of rows a guard excludes may
  // be stale (never computed); they are read and masked off.
  static const int64_t kTrue = 1;
  constexpr int32_t kMaxTerms = 64;
  Col when_buf[kMaxTerms], value_buf[kMaxTerms];
  std::vector<Col> when_heap, value_heap;
  Col* when = when_buf;
  Col* value = value_buf;
  if (nt > kMaxTerms) {
    when_heap.resize(static_cast<size_t>(nt));
    value_heap.resize(static_cast<size_t>(nt));
    when = when_heap.data();
    value = value_heap.data();
  }
  for (int32_t k = 0; k < nt; ++k) {
    when[k] = terms[k].when >= 0 ? Operand(terms[k].when) : Col::Scalar(&kTrue);
    value[k] = Operand(terms[k].value);
  }
  int64_t* out = Out(i);
  // Term by term into out, each a tight loop over the rows; overflows (the sign test
  // of a wrapping addition) are only noted here.
  bool any_overflow = false;
  for (int32_t k = 0; k < nt; ++k) any_overflow |= AddTerm(sel, out, when[k], value[k], k == 0);

  merged_.clear();
  if (any_overflow) {
    // Again, exactly, on the rows that overflowed: a failed addition gives 0 and the
    // chain goes on from there. Each overflow is logged at its place in the chain.
    Buffer events(*this);  // (row, k) pairs, k the term whose addition overflowed
    Loop(sel, [&](int32_t r) {
      int64_t s = Pick(when[0][r], value[0][r], 0);
      bool ovf = false;
      for (int32_t k = 1; k < nt; ++k) {
        int64_t z;
        if (__builtin_add_overflow(s, Pick(when[k][r], value[k][r], 0), &z)) {
          events->push_back(r);
          events->push_back(k);
          ovf = true;
          z = 0;
        }
        s = z;
      }
      if (ovf) out[r] = s;
    });
    // Merge: the errors of term k (log entries up to ends[k]) come before the overflow
    // of the addition of term k. Stable by term, so each row keeps the chain's order.
    const int32_t ne = static_cast<int32_t>(events->size() / 2);
    for (int32_t k = 0; k < nt; ++k) {
      const size_t from = mark + static_cast<size_t>(k == 0 ? 0 : (*ends)[static_cast<size_t>(k) - 1]);
      const size_t to = mark + static_cast<size_t>((*ends)[static_cast<size_t>(k)]);
      merged_.insert(merged_.end(), spec_log_.begin() + static_cast<std::ptrdiff_t>(from),
                     spec_log_.begin() + static_cast<std::ptrdiff_t>(to));
      for (int32_t v = 0; v < ne; ++v) {
        if ((*events)[static_cast<size_t>(2 * v + 1)] == k)
          merged_.push_back({(*events)[static_cast<size_t>(2 * v)], EvalError::kOverflow, terms[k].add});
      }
    }
    spec_log_.resize(mark);
    spec_log_.insert(spec_log_.end(), merged_.begin(), merged_.end());
  }
  Settle(mark);
}

void Vm::RunFor(int32_t instr, Sel need) {
  const int32_t rows = batch_->rows;
  if (!need.idx || need.n == rows) {  // ascending and distinct: all rows
    Run(instr, AllRows());
    return;
  }
  if (static_cast<int64_t>(need.n) * 4 < static_cast<int64_t>(rows) * 3) {
    Run(instr, need);
    return;
  }
  need_.assign(static_cast<size_t>(rows), 0);
  Loop(need, [&](int32_t r) { need_[static_cast<size_t>(r)] = 1; });
  RunSpeculative(instr, AllRows(), Col{need_.data(), 0, false, -1}, true);
}

void Vm::RunLazy(int32_t i, const Instr& in, Sel sel) {
  Run(in.a, sel);
  Col a = Operand(in.a);
  int64_t* out = Out(i);
  const Instr& ib = code_[static_cast<size_t>(in.b)];
  const Instr* ic = in.op == Opcode::kIf ? &code_[static_cast<size_t>(in.c)] : nullptr;
  // Operands that cannot fail and cost little run on every selected row; blending is
  // cheaper than narrowing the selection.
  bool eager = ib.safe && (!ic || ic->safe);
  if (!eager && in.domain == kRowsDomain) {
    const int64_t holds = CountTrue(a, sel);
    const int64_t fails = sel.n - holds;
    int64_t waste = in.op == Opcode::kAnd ? fails * ib.cost
                    : in.op == Opcode::kOr ? holds * ib.cost
                                           : fails * ib.cost + holds * ic->cost;
    eager = WorthSpeculating(waste, sel.n);
  }
  if (eager) {
    RunSpeculative(in.b, sel, a, in.op != Opcode::kOr);
    Col b = Operand(in.b);
    if (!sel.idx && !a.scalar && !b.scalar && in.op != Opcode::kIf) {
      if (in.op == Opcode::kAnd) kernels::And(out, a.p, b.p, sel.n);
      else kernels::Or(out, a.p, b.p, sel.n);
      return;
    }
    if (in.op == Opcode::kAnd) {
      Loop(sel, [&](int32_t r) { out[r] = (a[r] != 0) & (b[r] != 0); });
    } else if (in.op == Opcode::kOr) {
      Loop(sel, [&](int32_t r) { out[r] = (a[r] != 0) | (b[r] != 0); });
    } else {
      RunSpeculative(in.c, sel, a, false);
      Col c = Operand(in.c);
      // Both sides are read on every row and picked with a mask: a branch on the
      // condition would mispredict on mixed rows.
      if (a.scalar) {
        Loop(sel, [&](int32_t r) { out[r] = a.v ? b[r] : c[r]; });
      } else if (!sel.idx) {
        if (b.scalar && c.scalar) kernels::PickScalars(out, a.p, b.v, c.v, sel.n);
        else if (c.scalar) kernels::PickScalarElse(out, a.p, b.p, c.v, sel.n);
        else if (b.scalar) kernels::PickScalarThen(out, a.p, b.v, c.p, sel.n);
        else kernels::Pick(out, a.p, b.p, c.p, sel.n);
      } else if (b.scalar && c.scalar) {
        const int64_t bv = b.v, cv = c.v;
        Loop(sel, [&](int32_t r) { out[r] = Pick(a.p[r], bv, cv); });
      } else if (c.scalar) {
        const int64_t cv = c.v;
        Loop(sel, [&](int32_t r) { out[r] = Pick(a.p[r], b.p[r], cv); });
      } else if (b.scalar) {
        const int64_t bv = b.v;
        Loop(sel, [&](int32_t r) { out[r] = Pick(a.p[r], bv, c.p[r]); });
      } else {
        Loop(sel, [&](int32_t r) { out[r] = Pick(a.p[r], b.p[r], c.p[r]); });
      }
    }
    return;
  }
  Buffer yes(*this), no(*this);
  yes->resize(static_cast<size_t>(sel.n));
  no->resize(static_cast<size_t>(sel.n));
  int32_t* y = yes->data();
  int32_t* n = no->data();
  int32_t ny = 0, nn = 0;
  Loop(sel, [&](int32_t r) {  // branchless: both slots written, one count advances
    const bool t = a[r] != 0;
    y[ny] = r;
    n[nn] = r;
    ny += t;
    nn += !t;
  });
  Sel ysel{y, ny};
  Sel nsel{n, nn};
  if (in.op == Opcode::kAnd) {
    Loop(sel, [&](int32_t r) { out[r] = 0; });
    Run(in.b, ysel);
    Col b = Operand(in.b);
    Loop(ysel, [&](int32_t r) { out[r] = b[r] != 0; });
  } else if (in.op == Opcode::kOr) {
    Loop(sel, [&](int32_t r) { out[r] = 1; });
    Run(in.b, nsel);
    Col b = Operand(in.b);
    Loop(nsel, [&](int32_t r) { out[r] = b[r] != 0; });
  } else {
    Run(in.b, ysel);
    Run(in.c, nsel);
    Col b = Operand(in.b), c = Operand(in.c);
    Loop(ysel, [&](int32_t r) { out[r] = b[r]; });
    Loop(nsel, [&](int32_t r) { out[r] = c[r]; });
  }
}

// List functions walk the elements in order, each adding into its row's result,
// rather than looping over each row's elements: lists are short and of varying
// length, and a loop per row mispredicts its exit on most rows. Elements of a row are
// contiguous and ascending, so a row's partial sums are the same either way.
void Vm::RunList(int32_t i, const Instr& in, Sel sel) {
  const ListColumn& l = batch_->lists[static_cast<size_t>(in.slot)];
  const int32_t* off = l.offsets.data();
  const int32_t* parent = l.parent.data();
  int64_t* out = Out(i);
  if (in.op == Opcode::kCount) {
    Loop(sel, [&](int32_t r) { out[r] = static_cast<int64_t>(off[r + 1] - off[r]) * kNumberScale; });
    return;
  }
  const bool all_rows = !sel.idx && sel.n == batch_->rows;
  Buffer elems(*this);
  Sel esel{nullptr, l.size()};
  if (!all_rows) {
    ElementsOf(in.slot, sel, &*elems);
    esel = Sel{elems->data(), static_cast<int32_t>(elems->size())};
  }
  if (in.op == Opcode::kInList) {
    Run(in.a, sel);
    Col a = Operand(in.a);
    const int64_t* el = l.elements[0].data();
    Loop(sel, [&](int32_t r) { out[r] = 0; });
    if (a.scalar) {
      const int64_t v = a.v;
      Loop(esel, [&](int32_t e) { out[parent[e]] |= el[e] == v; });
    } else {
      Loop(esel, [&](int32_t e) { out[parent[e]] |= el[e] == a.p[parent[e]]; });
    }
    return;
  }
  // Lambda body over the elements of the selected rows.
  Run(in.a, esel);
  Col b = Operand(in.a);
  switch (in.op) {
    case Opcode::kCountIf:
      Loop(sel, [&](int32_t r) { out[r] = 0; });
      Loop(esel, [&](int32_t e) { out[parent[e]] += static_cast<int64_t>(b[e] != 0) * kNumberScale; });
      break;
    case Opcode::kAny:
      Loop(sel, [&](int32_t r) { out[r] = 0; });
      Loop(esel, [&](int32_t e) { out[parent[e]] |= b[e] != 0; });
      break;
    case Opcode::kAll:
      Loop(sel, [&](int32_t r) { out[r] = 1; });
      Loop(esel, [&](int32_t e) { out[parent[e]] &= b[e] != 0; });
      break;
    case Opcode::kSum:
      // An overflow anywhere along a row's running sum fails the row (the sum wraps,
      // as the row loop's did); Fail keeps the row's first error.
      Loop(sel, [&](int32_t r) { out[r] = 0; });
      Loop(esel, [&](int32_t e) {
        const int32_t r = parent[e];
        if (__builtin_add_overflow(out[r], b[e], &out[r])) Fail(kRowsDomain, r, EvalError::kOverflow, i);
      });
      break;
    default: {  // kMinOf, kMaxOf: rare; a loop per row, which also finds the empty lists
      bool is_min = in.op == Opcode::kMinOf;
      Loop(sel, [&](int32_t r) {
        if (off[r] == off[r + 1]) {
          Fail(kRowsDomain, r, EvalError::kEmptyList, i);
          out[r] = 0;
          return;
        }
        int64_t m = b[off[r]];
        for (int32_t e = off[r] + 1; e < off[r + 1]; ++e) m = is_min ? std::min(m, b[e]) : std::max(m, b[e]);
        out[r] = m;
      });
      break;
    }
  }
}

// The common eager instructions over whole columns, by the vectorised kernels. False
// when the instruction or its operands' shape has none, or when checked arithmetic
// overflowed somewhere: the row loop then runs and reports each failing row.
bool Vm::RunDense(const Instr& in, int32_t n, const Col& a, const Col& b, int64_t* out) {
  static_assert(static_cast<int>(Opcode::kNe) == static_cast<int>(Opcode::kEq) + 1 &&
                static_cast<int>(Opcode::kGe) == static_cast<int>(Opcode::kEq) + 5);
  const bool cols = !a.scalar && !b.scalar;
  switch (in.op) {
    case Opcode::kEq: case Opcode::kNe: case Opcode::kLt: case Opcode::kLe: case Opcode::kGt: case Opcode::kGe: {
      if (cols) kernels::Compare(in.op, out, a.p, b.p, n);
      else if (!a.scalar) kernels::CompareScalar(in.op, out, a.p, b.v, n);
      else if (!b.scalar) kernels::CompareScalar(Mirror(in.op), out, b.p, a.v, n);
      else return false;
      return true;
    }
    case Opcode::kMin2: case Opcode::kMax2: {
      const bool is_min = in.op == Opcode::kMin2;
      if (cols) kernels::MinMax(is_min, out, a.p, b.p, n);
      else if (!a.scalar) kernels::MinMaxScalar(is_min, out, a.p, b.v, n);
      else if (!b.scalar) kernels::MinMaxScalar(is_min, out, b.p, a.v, n);
      else return false;
      return true;
    }
    case Opcode::kNot:
      if (a.scalar) return false;
      kernels::Not(out, a.p, n);
      return true;
    case Opcode::kMul: {  // a column times a whole number (points per unit, say): no rounding
      if (a.scalar == b.scalar) return false;
      const Col& col = a.scalar ? b : a;
      const int64_t factor = a.scalar ? a.v : b.v;
      return factor % kNumberScale == 0 && kernels::MulWhole(out, col.p, factor / kNumberScale, n);
    }
    case Opcode::kAdd: {
      uint64_t ovf;
      if (cols) ovf = kernels::Add(out, a.p, b.p, n);
      else if (!a.scalar) ovf = kernels::AddScalar(out, a.p, b.v, n);
      else if (!b.scalar) ovf = kernels::AddScalar(out, b.p, a.v, n);
      else return false;
      return (ovf >> 63) == 0;
    }
    case Opcode::kSub: {
      uint64_t ovf;
      if (cols) ovf = kernels::Sub(out, a.p, b.p, n);
      else if (!a.scalar) ovf = kernels::SubScalar(out, a.p, b.v, n);
      else if (!b.scalar) ovf = kernels::ScalarSub(out, a.v, b.p, n);
      else return false;
      return (ovf >> 63) == 0;
    }
    default:
      return false;
  }
}

void Vm::RunEager(int32_t i, const Instr& in, Sel sel) {
  Run(in.a, sel);
  if (in.b >= 0) Run(in.b, sel);
  Col a = Operand(in.a);
  Col b = in.b >= 0 ? Operand(in.b) : Col{&scalar_[0], 0, true, 0};
  int64_t* out = Out(i);
  const int32_t dom = in.domain;
  // Specialise the common shapes (column OP column, column OP scalar) so the loop
  // body reads memory only where it must.
  // Everything the loops read is copied into them (operations capture by value too):
  // what a loop reads through a reference, the compiler must reload after each store
  // to out, which might have changed it.
  auto map2 = [&](auto f) {
    int64_t* const o = out;
    const int64_t* const ap = a.p;
    const int64_t* const bp = b.p;
    const int64_t av = a.v, bv = b.v;
    if (!a.scalar && !b.scalar) Loop(sel, [=](int32_t r) { o[r] = f(ap[r], bp[r], r); });
    else if (!a.scalar) Loop(sel, [=](int32_t r) { o[r] = f(ap[r], bv, r); });
    else if (!b.scalar) Loop(sel, [=](int32_t r) { o[r] = f(av, bp[r], r); });
    else Loop(sel, [=](int32_t r) { o[r] = f(av, bv, r); });
  };
  if (!sel.idx && RunDense(in, sel.n, a, b, out)) return;
  switch (in.op) {
    case Opcode::kNeg:
      map2([=, this](int64_t x, int64_t, int32_t r) {
        if (x == std::numeric_limits<int64_t>::min()) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
        return -x;
      });
      break;
    case Opcode::kNot: map2([](int64_t x, int64_t, int32_t) { return static_cast<int64_t>(x == 0); }); break;
    case Opcode::kAdd:
      map2([=, this](int64_t x, int64_t y, int32_t r) {
        int64_t z;
        if (__builtin_add_overflow(x, y, &z)) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
        return z;
      });
      break;
    case Opcode::kSub:
      map2([=, this](int64_t x, int64_t y, int32_t r) {
        int64_t z;
        if (__builtin_sub_overflow(x, y, &z)) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
        return z;
      });
      break;
    case Opcode::kMul:
      if (b.scalar && b.v % kNumberScale == 0) {  // times a whole number: no rounding
        int64_t k = b.v / kNumberScale;
        map2([=, this](int64_t x, int64_t, int32_t r) {
          int64_t z;
          if (__builtin_mul_overflow(x, k, &z)) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
          return z;
        });
      } else {
        map2([=, this](int64_t x, int64_t y, int32_t r) {
          int64_t z;
          if (!MulScaled(x, y, &z)) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
          return z;
        });
      }
      break;
    case Opcode::kDiv:
      if (in.field > 0) {  // fused round/floor/ceil of the exact quotient
        const int64_t unit = in.imm;
        auto rounded = [&](auto fn) {
          constexpr Fn F = decltype(fn)::value;
          int64_t d64;
          if (b.scalar && b.v != 0 && !__builtin_mul_overflow(b.v, unit, &d64) && d64 != INT64_MIN) {
            const Divider dv(kNumberScale, d64);
            const int64_t y = b.v;
            constexpr int64_t kDoubleExact = int64_t{1} << 51;
            if (!sel.idx && !a.scalar && dv.mult() == 1 && dv.d() < kDoubleExact && unit < kDoubleExact &&
                kernels::DivideRounded(F == Fn::kFloor ? 0 : F == Fn::kCeil ? 1 : 2, out, a.p, dv.d(), dv.flip(), unit,
                                       sel.n)) {
              return;
            }
            map2([=, this](int64_t x, int64_t, int32_t r) {
              int64_t z;
              if (__builtin_expect(!DivToUnitBy<F>(x, y, dv, unit, &z), 0)) {
                Fail(dom, r, EvalError::kOverflow, i);
                return int64_t{0};
              }
              return z;
            });
            return;
          }
          map2([=, this](int64_t x, int64_t y, int32_t r) {
            if (y == 0) { Fail(dom, r, EvalError::kDivisionByZero, i); return int64_t{0}; }
            int64_t z;
            if (!DivToUnit<F>(x, y, unit, &z)) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
            return z;
          });
        };
        switch (static_cast<Fn>(in.field)) {
          case Fn::kFloor: rounded(std::integral_constant<Fn, Fn::kFloor>{}); break;
          case Fn::kCeil: rounded(std::integral_constant<Fn, Fn::kCeil>{}); break;
          default: rounded(std::integral_constant<Fn, Fn::kRound>{}); break;
        }
        break;
      }
      if (b.scalar && b.v != 0 && b.v != INT64_MIN) {
        const Divider dv(kNumberScale, b.v);
        const int64_t y = b.v;
        map2([=, this](int64_t x, int64_t, int32_t r) {
          int64_t z;
          if (!DivScaledBy(x, y, dv, &z)) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
          return z;
        });
        break;
      }
      map2([=, this](int64_t x, int64_t y, int32_t r) {
        if (y == 0) { Fail(dom, r, EvalError::kDivisionByZero, i); return int64_t{0}; }
        int64_t z;
        if (!DivScaled(x, y, &z)) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
        return z;
      });
      break;
    case Opcode::kRound: {
      Fn fn = static_cast<Fn>(in.field);
      int64_t unit = in.imm;
      map2([=, this](int64_t x, int64_t, int32_t r) {
        int64_t z;
        if (!RoundTo(x, unit, fn, &z)) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
        return z;
      });
      break;
    }
    case Opcode::kEq: map2([](int64_t x, int64_t y, int32_t) { return static_cast<int64_t>(x == y); }); break;
    case Opcode::kNe: map2([](int64_t x, int64_t y, int32_t) { return static_cast<int64_t>(x != y); }); break;
    case Opcode::kLt: map2([](int64_t x, int64_t y, int32_t) { return static_cast<int64_t>(x < y); }); break;
    case Opcode::kLe: map2([](int64_t x, int64_t y, int32_t) { return static_cast<int64_t>(x <= y); }); break;
    case Opcode::kGt: map2([](int64_t x, int64_t y, int32_t) { return static_cast<int64_t>(x > y); }); break;
    case Opcode::kGe: map2([](int64_t x, int64_t y, int32_t) { return static_cast<int64_t>(x >= y); }); break;
    case Opcode::kMin2: map2([](int64_t x, int64_t y, int32_t) { return std::min(x, y); }); break;
    case Opcode::kMax2: map2([](int64_t x, int64_t y, int32_t) { return std::max(x, y); }); break;
    case Opcode::kYears: case Opcode::kMonths:
      // From or to one date (as_of, mostly): its calendar date is worked out once.
      if (a.scalar != b.scalar && in.op == Opcode::kYears) {
        const YearsTo& years = YearsToDate(static_cast<int32_t>(a.scalar ? a.v : b.v));
        const int64_t sign = a.scalar ? -1 : 1;
        const int64_t* p = a.scalar ? b.p : a.p;
        Loop(sel, [=, &years](int32_t r) { out[r] = sign * years.From(static_cast<int32_t>(p[r])) * kNumberScale; });
        break;
      }
      if (a.scalar != b.scalar) {
        const MonthsTo to(static_cast<int32_t>(a.scalar ? a.v : b.v));
        const int64_t sign = a.scalar ? -1 : 1, per = in.op == Opcode::kYears ? 12 : 1;
        const int64_t* p = a.scalar ? b.p : a.p;
        Loop(sel, [=](int32_t r) { out[r] = sign * to.From(static_cast<int32_t>(p[r])) / per * kNumberScale; });
        break;
      }
      if (in.op == Opcode::kMonths) {
        map2([](int64_t x, int64_t y, int32_t) { return MonthsBetween(static_cast<int32_t>(x), static_cast<int32_t>(y)) * kNumberScale; });
        break;
      }
      map2([](int64_t x, int64_t y, int32_t) { return YearsBetween(static_cast<int32_t>(x), static_cast<int32_t>(y)) * kNumberScale; });
      break;
    case Opcode::kDays:
      map2([](int64_t x, int64_t y, int32_t) { return (y - x) * kNumberScale; });
      break;
    case Opcode::kInSet: {
      const std::vector<int64_t>& set = policy_.program.sets[static_cast<size_t>(in.set)];
      if (set.size() <= 8) {
        map2([&set](int64_t x, int64_t, int32_t) {
          int64_t hit = 0;
          for (int64_t m : set) hit |= m == x;
          return hit;
        });
      } else {
        map2([&set](int64_t x, int64_t, int32_t) { return static_cast<int64_t>(std::binary_search(set.begin(), set.end(), x)); });
      }
      break;
    }
    default:
      break;
  }
}

}  // namespace jincai::policy
