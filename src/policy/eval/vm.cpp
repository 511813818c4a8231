// Instruction semantics. Eager instructions run their operands on the same selection
// and then one tight loop; the loop is specialised for scalar operands so that
// comparisons with constants and parameters read one column only.
#include "policy/eval/vm.h"

#include <algorithm>
#include <limits>

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

// The exact quotient a * 1e6 / b, rounded by fn to a multiple of unit. REQUIRES: b != 0.
inline bool DivToUnit(int64_t a, int64_t b, int64_t unit, Fn fn, int64_t* out) {
  int64_t n64, d64;
  if (!__builtin_mul_overflow(a, kNumberScale, &n64) && !__builtin_mul_overflow(b, unit, &d64) && d64 != INT64_MIN &&
      n64 != INT64_MIN) {
    if (d64 < 0) { n64 = -n64; d64 = -d64; }
    int64_t q = n64 / d64, r = n64 % d64;
    if (r != 0) {
      switch (fn) {
        case Fn::kFloor: if (r < 0) --q; break;
        case Fn::kCeil: if (r > 0) ++q; break;
        default: {
          int64_t ar = r < 0 ? -r : r;
          if (ar >= d64 - ar) q += r < 0 ? -1 : 1;
          break;
        }
      }
    }
    if (!__builtin_mul_overflow(q, unit, out)) return true;
  }
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
  if (err_[static_cast<size_t>(row)] == 0) {
    err_[static_cast<size_t>(row)] = static_cast<uint8_t>(e);
    err_instr_[static_cast<size_t>(row)] = instr;
  }
}

void Vm::ElementsOf(int32_t list_slot, Sel rows, std::vector<int32_t>* out) const {
  const ListColumn& l = batch_->lists[static_cast<size_t>(list_slot)];
  out->clear();
  Loop(rows, [&](int32_t r) {
    for (int32_t e = l.offsets[static_cast<size_t>(r)]; e < l.offsets[static_cast<size_t>(r) + 1]; ++e) out->push_back(e);
  });
}

void Vm::Run(int32_t i, Sel sel) {
  if (sel.n == 0) return;
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
    case Opcode::kCount: case Opcode::kCountIf: case Opcode::kSum: case Opcode::kMinOf:
    case Opcode::kMaxOf: case Opcode::kAny: case Opcode::kAll: case Opcode::kInList:
      return RunList(i, in, sel);
    default:
      return RunEager(i, in, sel);
  }
}

void Vm::RunLazy(int32_t i, const Instr& in, Sel sel) {
  Run(in.a, sel);
  Col a = Operand(in.a);
  int64_t* out = Out(i);
  // Operands that cannot fail and cost little run on every selected row; blending is
  // cheaper than narrowing the selection.
  const bool eager = code_[static_cast<size_t>(in.b)].safe && (in.op != Opcode::kIf || code_[static_cast<size_t>(in.c)].safe);
  if (eager) {
    Run(in.b, sel);
    Col b = Operand(in.b);
    if (in.op == Opcode::kAnd) {
      Loop(sel, [&](int32_t r) { out[r] = (a[r] != 0) & (b[r] != 0); });
    } else if (in.op == Opcode::kOr) {
      Loop(sel, [&](int32_t r) { out[r] = (a[r] != 0) | (b[r] != 0); });
    } else {
      Run(in.c, sel);
      Col c = Operand(in.c);
      Loop(sel, [&](int32_t r) { out[r] = a[r] ? b[r] : c[r]; });
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

void Vm::RunList(int32_t i, const Instr& in, Sel sel) {
  const ListColumn& l = batch_->lists[static_cast<size_t>(in.slot)];
  const int32_t* off = l.offsets.data();
  int64_t* out = Out(i);
  if (in.op == Opcode::kCount) {
    Loop(sel, [&](int32_t r) { out[r] = static_cast<int64_t>(off[r + 1] - off[r]) * kNumberScale; });
    return;
  }
  if (in.op == Opcode::kInList) {
    Run(in.a, sel);
    Col a = Operand(in.a);
    const int64_t* el = l.elements[0].data();
    Loop(sel, [&](int32_t r) {
      int64_t hit = 0;
      for (int32_t e = off[r]; e < off[r + 1]; ++e) hit |= el[e] == a[r];
      out[r] = hit;
    });
    return;
  }
  // Lambda body over the elements of the selected rows.
  bool all_rows = !sel.idx && sel.n == batch_->rows;
  Buffer elems(*this);
  Sel esel;
  if (all_rows) {
    esel = Sel{nullptr, l.size()};
  } else {
    ElementsOf(in.slot, sel, &*elems);
    esel = Sel{elems->data(), static_cast<int32_t>(elems->size())};
  }
  Run(in.a, esel);
  Col b = Operand(in.a);
  switch (in.op) {
    case Opcode::kCountIf:
      Loop(sel, [&](int32_t r) {
        int64_t n = 0;
        for (int32_t e = off[r]; e < off[r + 1]; ++e) n += b[e] != 0;
        out[r] = n * kNumberScale;
      });
      break;
    case Opcode::kAny:
      Loop(sel, [&](int32_t r) {
        int64_t hit = 0;
        for (int32_t e = off[r]; e < off[r + 1]; ++e) hit |= b[e] != 0;
        out[r] = hit;
      });
      break;
    case Opcode::kAll:
      Loop(sel, [&](int32_t r) {
        int64_t all = 1;
        for (int32_t e = off[r]; e < off[r + 1]; ++e) all &= b[e] != 0;
        out[r] = all;
      });
      break;
    case Opcode::kSum:
      Loop(sel, [&](int32_t r) {
        int64_t s = 0;
        bool ovf = false;
        for (int32_t e = off[r]; e < off[r + 1]; ++e) ovf |= __builtin_add_overflow(s, b[e], &s);
        if (ovf) Fail(kRowsDomain, r, EvalError::kOverflow, i);
        out[r] = s;
      });
      break;
    default: {  // kMinOf, kMaxOf
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

void Vm::RunEager(int32_t i, const Instr& in, Sel sel) {
  Run(in.a, sel);
  if (in.b >= 0) Run(in.b, sel);
  Col a = Operand(in.a);
  Col b = in.b >= 0 ? Operand(in.b) : Col{&scalar_[0], 0, true, 0};
  int64_t* out = Out(i);
  const int32_t dom = in.domain;
  // Specialise the common shapes (column OP column, column OP scalar) so the loop
  // body reads memory only where it must.
  auto map2 = [&](auto f) {
    if (!a.scalar && !b.scalar) Loop(sel, [&](int32_t r) { out[r] = f(a.p[r], b.p[r], r); });
    else if (!a.scalar) { int64_t bv = b.v; Loop(sel, [&](int32_t r) { out[r] = f(a.p[r], bv, r); }); }
    else if (!b.scalar) { int64_t av = a.v; Loop(sel, [&](int32_t r) { out[r] = f(av, b.p[r], r); }); }
    else { int64_t av = a.v, bv = b.v; Loop(sel, [&](int32_t r) { out[r] = f(av, bv, r); }); }
  };
  switch (in.op) {
    case Opcode::kNeg:
      map2([&](int64_t x, int64_t, int32_t r) {
        if (x == std::numeric_limits<int64_t>::min()) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
        return -x;
      });
      break;
    case Opcode::kNot: map2([](int64_t x, int64_t, int32_t) { return static_cast<int64_t>(x == 0); }); break;
    case Opcode::kAdd:
      map2([&](int64_t x, int64_t y, int32_t r) {
        int64_t z;
        if (__builtin_add_overflow(x, y, &z)) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
        return z;
      });
      break;
    case Opcode::kSub:
      map2([&](int64_t x, int64_t y, int32_t r) {
        int64_t z;
        if (__builtin_sub_overflow(x, y, &z)) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
        return z;
      });
      break;
    case Opcode::kMul:
      if (b.scalar && b.v % kNumberScale == 0) {  // times a whole number: no rounding
        int64_t k = b.v / kNumberScale;
        map2([&](int64_t x, int64_t, int32_t r) {
          int64_t z;
          if (__builtin_mul_overflow(x, k, &z)) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
          return z;
        });
      } else {
        map2([&](int64_t x, int64_t y, int32_t r) {
          int64_t z;
          if (!MulScaled(x, y, &z)) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
          return z;
        });
      }
      break;
    case Opcode::kDiv:
      if (in.field > 0) {  // fused round/floor/ceil of the exact quotient
        Fn fn = static_cast<Fn>(in.field);
        int64_t unit = in.imm;
        map2([&](int64_t x, int64_t y, int32_t r) {
          if (y == 0) { Fail(dom, r, EvalError::kDivisionByZero, i); return int64_t{0}; }
          int64_t z;
          if (!DivToUnit(x, y, unit, fn, &z)) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
          return z;
        });
        break;
      }
      map2([&](int64_t x, int64_t y, int32_t r) {
        if (y == 0) { Fail(dom, r, EvalError::kDivisionByZero, i); return int64_t{0}; }
        int64_t z;
        if (!DivScaled(x, y, &z)) { Fail(dom, r, EvalError::kOverflow, i); return int64_t{0}; }
        return z;
      });
      break;
    case Opcode::kRound: {
      Fn fn = static_cast<Fn>(in.field);
      int64_t unit = in.imm;
      map2([&](int64_t x, int64_t, int32_t r) {
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
    case Opcode::kYears:
      map2([](int64_t x, int64_t y, int32_t) { return YearsBetween(static_cast<int32_t>(x), static_cast<int32_t>(y)) * kNumberScale; });
      break;
    case Opcode::kMonths:
      map2([](int64_t x, int64_t y, int32_t) { return MonthsBetween(static_cast<int32_t>(x), static_cast<int32_t>(y)) * kNumberScale; });
      break;
    case Opcode::kDays:
      map2([](int64_t x, int64_t y, int32_t) { return (y - x) * kNumberScale; });
      break;
    case Opcode::kInSet: {
      const std::vector<int64_t>& set = policy_.program.sets[static_cast<size_t>(in.set)];
      if (set.size() <= 8) {
        map2([&](int64_t x, int64_t, int32_t) {
          int64_t hit = 0;
          for (int64_t m : set) hit |= m == x;
          return hit;
        });
      } else {
        map2([&](int64_t x, int64_t, int32_t) { return static_cast<int64_t>(std::binary_search(set.begin(), set.end(), x)); });
      }
      break;
    }
    default:
      break;
  }
}

}  // namespace jincai::policy
