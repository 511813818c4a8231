// The dense loops (see kernels.h). Each loop runs in blocks of eight rows, whose
// inner loop has a fixed count: that is the shape the compiler vectorises at -O2
// (its cheapest cost model will not add the scalar tail itself). Comparisons are
// sign tricks on wrapping differences, because SSE2 has no 64-bit compare.
#include "policy/eval/kernels.h"

// On x86-64 each kernel is also built for AVX2 (four values per instruction, and
// real 64-bit compares), picked when the program starts if the processor has it.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define JINCAI_KERNEL [[gnu::noinline]] __attribute__((target_clones("avx2", "default")))
#else
#define JINCAI_KERNEL [[gnu::noinline]]
#endif

namespace jincai::policy::kernels {
namespace {

template <typename F>
inline __attribute__((always_inline)) void Dense(int32_t n, F f) {
  int32_t i = 0;
  for (; i + 8 <= n; i += 8)
    for (int32_t j = 0; j < 8; ++j) f(i + j);
  for (; i < n; ++i) f(i);
}

inline uint64_t U(int64_t x) { return static_cast<uint64_t>(x); }
// 1 if x < y (signed), else 0: the sign of x - y, corrected where it overflows.
inline int64_t Lt(int64_t x, int64_t y) {
  const uint64_t d = U(x) - U(y);
  return static_cast<int64_t>((d ^ ((U(x) ^ U(y)) & (d ^ U(x)))) >> 63);
}
// 1 if x != 0, else 0.
inline int64_t Nz(int64_t x) { return static_cast<int64_t>((U(x) | (0 - U(x))) >> 63); }
// c ? x : y, with c a 0/1 value.
inline int64_t Sel01(int64_t c, int64_t x, int64_t y) { return (x & -c) | (y & (c - 1)); }

template <typename B>
inline __attribute__((always_inline)) void CompareWith(Opcode op, int64_t* __restrict out, const int64_t* __restrict a, B b, int32_t n) {
  switch (op) {
    case Opcode::kEq: Dense(n, [&](int32_t i) { out[i] = 1 - Nz(a[i] ^ b(i)); }); break;
    case Opcode::kNe: Dense(n, [&](int32_t i) { out[i] = Nz(a[i] ^ b(i)); }); break;
    case Opcode::kLt: Dense(n, [&](int32_t i) { out[i] = Lt(a[i], b(i)); }); break;
    case Opcode::kLe: Dense(n, [&](int32_t i) { out[i] = 1 - Lt(b(i), a[i]); }); break;
    case Opcode::kGt: Dense(n, [&](int32_t i) { out[i] = Lt(b(i), a[i]); }); break;
    default: Dense(n, [&](int32_t i) { out[i] = 1 - Lt(a[i], b(i)); }); break;  // kGe
  }
}

// Integers below 2^51 in magnitude to and from doubles, by the bits: adding 1.5 * 2^52
// puts the integer in the low bits of the mantissa. (SSE2 and AVX2 have no 64-bit
// integer conversions; these are adds and bit casts, which they do have.)
constexpr double kMagic = 6755399441055744.0;
constexpr int64_t kMagicBits = 0x4338000000000000;
inline double ToDouble(int64_t v) {  // wrapping: out of range values are flagged, not used
  const uint64_t bits = U(v) + U(kMagicBits);
  double d;
  __builtin_memcpy(&d, &bits, sizeof d);
  return d - kMagic;
}
inline int64_t ToInt(double x) {  // REQUIRES: x whole
  const double t = x + kMagic;
  uint64_t bits;
  __builtin_memcpy(&bits, &t, sizeof bits);
  return static_cast<int64_t>(bits - U(kMagicBits));
}
// 1 where |v| >= 2^51 (in bit 0 and up): v with its sign folded away, shifted.
inline uint64_t Wide(int64_t v) { return (U(v) ^ (0 - (U(v) >> 63))) >> 51; }
// 1.0 or 0.0: a select (an AND of the comparison's mask with 1.0), not a conversion.
inline double B(bool b) {
  const uint64_t bits = (0 - static_cast<uint64_t>(b)) & 0x3FF0000000000000;  // the bits of 1.0
  double d;
  __builtin_memcpy(&d, &bits, sizeof d);
  return d;
}

template <int F>
inline __attribute__((always_inline)) bool DivideRoundedBy(int64_t* __restrict out, const int64_t* __restrict a,
                                                           int64_t d64, bool flip, int64_t unit64, int32_t n) {
  const double d = static_cast<double>(d64), inv = 1.0 / d, unit = static_cast<double>(unit64);
  const double sign = flip ? -1.0 : 1.0;
  // Rows out of range, noted per lane of a block (ORed into one value each block, the
  // flag would cost a reduction per block).
  uint64_t wide[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  auto row = [&](int32_t i, int32_t lane) __attribute__((always_inline)) {
    const int64_t v = a[i];
    uint64_t w = Wide(v);
    const double x = ToDouble(v) * sign;
    // c is within 1/2 of x / d, so its floor is off by at most one; the remainder,
    // exact in doubles below 2^53, corrects it.
    const double c = x * inv;
    const double t = (c + kMagic) - kMagic;  // c rounded to a whole number
    double q = t - B(__builtin_isgreater(t, c));
    double r = x - q * d;
    const double down = B(__builtin_isless(r, 0.0)), up = B(__builtin_isgreaterequal(r, d));
    q += up - down;
    r += (down - up) * d;
    if constexpr (F == 1) q += B(__builtin_isgreater(r, 0.0));
    if constexpr (F == 2) {
      const double half = d - r;
      q += B(__builtin_isgreater(r, half) | (__builtin_isgreaterequal(r, half) & __builtin_isgreaterequal(q, 0.0)));
    }
    const int64_t z = ToInt(q * unit);
    w |= Wide(z);
    out[i] = z;
    wide[lane] |= w;
  };
  int32_t i = 0;
  for (; i + 8 <= n; i += 8)
    for (int32_t j = 0; j < 8; ++j) row(i + j, j);
  for (; i < n; ++i) row(i, 0);
  uint64_t any = 0;
  for (uint64_t w : wide) any |= w;
  return any == 0;
}

}  // namespace

JINCAI_KERNEL bool DivideRounded(int fn, int64_t* __restrict out, const int64_t* __restrict a, int64_t d, bool flip,
                                 int64_t unit, int32_t n) {
  switch (fn) {
    case 0: return DivideRoundedBy<0>(out, a, d, flip, unit, n);
    case 1: return DivideRoundedBy<1>(out, a, d, flip, unit, n);
    default: return DivideRoundedBy<2>(out, a, d, flip, unit, n);
  }
}

namespace {

// ChooseTier's pass, with or without a condition and engagement modes.
template <bool kWhen, bool kModes>
inline __attribute__((always_inline)) void TakeTier(int32_t* __restrict tier, int64_t* __restrict id,
                                                    const int64_t* __restrict when,
                                                    const int64_t* __restrict engagement, const int64_t* modes,
                                                    const uint8_t* __restrict errors, int32_t tier_index,
                                                    int64_t tier_id, int32_t n) {
  const int64_t m0 = modes[0], m1 = modes[1], m2 = modes[2], m3 = modes[3];
  for (int32_t i = 0; i < n; ++i) {
    // 1 where the row takes the tier.
    int32_t t = static_cast<int32_t>(static_cast<uint32_t>(tier[i]) >> 31) & static_cast<int32_t>(errors[i] == 0);
    if constexpr (kWhen) t &= static_cast<int32_t>(when[i] != 0);
    if constexpr (kModes) {
      const int64_t e = engagement[i];
      t &= static_cast<int32_t>((e == m0) | (e == m1) | (e == m2) | (e == m3));
    }
    tier[i] = (tier_index & -t) | (tier[i] & (t - 1));
    id[i] = Sel01(t, tier_id, id[i]);
  }
}

}  // namespace

JINCAI_KERNEL int32_t ChooseTier(int32_t* __restrict tier, int64_t* __restrict id, int32_t* __restrict left,
                                 const int64_t* __restrict when, const int64_t* __restrict engagement,
                                 const int64_t modes[4], const uint8_t* __restrict errors, int32_t tier_index,
                                 int64_t tier_id, int32_t n) {
  if (when && engagement) TakeTier<true, true>(tier, id, when, engagement, modes, errors, tier_index, tier_id, n);
  else if (when) TakeTier<true, false>(tier, id, when, engagement, modes, errors, tier_index, tier_id, n);
  else if (engagement) TakeTier<false, true>(tier, id, when, engagement, modes, errors, tier_index, tier_id, n);
  else TakeTier<false, false>(tier, id, when, engagement, modes, errors, tier_index, tier_id, n);
  int32_t k = 0;
  for (int32_t i = 0; i < n; ++i) {  // a compaction: does not vectorise, but has no branch
    left[k] = i;
    k += static_cast<int32_t>(static_cast<uint32_t>(tier[i]) >> 31) & static_cast<int32_t>(errors[i] == 0);
  }
  return k;
}

JINCAI_KERNEL void Compare(Opcode op, int64_t* __restrict out, const int64_t* __restrict a,
                               const int64_t* __restrict b, int32_t n) {
  CompareWith(op, out, a, [b](int32_t i) { return b[i]; }, n);
}

JINCAI_KERNEL void CompareScalar(Opcode op, int64_t* __restrict out, const int64_t* __restrict a, int64_t b,
                                     int32_t n) {
  CompareWith(op, out, a, [b](int32_t) { return b; }, n);
}

JINCAI_KERNEL void MinMax(bool is_min, int64_t* __restrict out, const int64_t* __restrict a,
                              const int64_t* __restrict b, int32_t n) {
  if (is_min) Dense(n, [&](int32_t i) { out[i] = Sel01(Lt(b[i], a[i]), b[i], a[i]); });
  else Dense(n, [&](int32_t i) { out[i] = Sel01(Lt(a[i], b[i]), b[i], a[i]); });
}

JINCAI_KERNEL void MinMaxScalar(bool is_min, int64_t* __restrict out, const int64_t* __restrict a, int64_t b,
                                    int32_t n) {
  if (is_min) Dense(n, [&](int32_t i) { out[i] = Sel01(Lt(b, a[i]), b, a[i]); });
  else Dense(n, [&](int32_t i) { out[i] = Sel01(Lt(a[i], b), b, a[i]); });
}

JINCAI_KERNEL void Pick(int64_t* __restrict out, const int64_t* __restrict c, const int64_t* __restrict b,
                            const int64_t* __restrict e, int32_t n) {
  Dense(n, [&](int32_t i) { out[i] = Sel01(Nz(c[i]), b[i], e[i]); });
}

JINCAI_KERNEL void PickScalarElse(int64_t* __restrict out, const int64_t* __restrict c,
                                      const int64_t* __restrict b, int64_t e, int32_t n) {
  Dense(n, [&](int32_t i) { out[i] = Sel01(Nz(c[i]), b[i], e); });
}

JINCAI_KERNEL void PickScalarThen(int64_t* __restrict out, const int64_t* __restrict c, int64_t b,
                                      const int64_t* __restrict e, int32_t n) {
  Dense(n, [&](int32_t i) { out[i] = Sel01(Nz(c[i]), b, e[i]); });
}

JINCAI_KERNEL void PickScalars(int64_t* __restrict out, const int64_t* __restrict c, int64_t b, int64_t e,
                                   int32_t n) {
  Dense(n, [&](int32_t i) { out[i] = Sel01(Nz(c[i]), b, e); });
}

JINCAI_KERNEL void And(int64_t* __restrict out, const int64_t* __restrict a, const int64_t* __restrict b,
                           int32_t n) {
  Dense(n, [&](int32_t i) { out[i] = Nz(a[i]) & Nz(b[i]); });
}

JINCAI_KERNEL void Or(int64_t* __restrict out, const int64_t* __restrict a, const int64_t* __restrict b,
                          int32_t n) {
  Dense(n, [&](int32_t i) { out[i] = Nz(a[i]) | Nz(b[i]); });
}

JINCAI_KERNEL void Not(int64_t* __restrict out, const int64_t* __restrict a, int32_t n) {
  Dense(n, [&](int32_t i) { out[i] = 1 - Nz(a[i]); });
}

JINCAI_KERNEL int32_t CountTrue(const int64_t* __restrict a, int32_t n) {
  int64_t count = 0;
  Dense(n, [&](int32_t i) { count += Nz(a[i]); });
  return static_cast<int32_t>(count);
}

// Signed overflow of z = x + y: both operands' sign differs from the sum's (bit 63).
// Of z = x - y: the operands' signs differ and the result's differs from x's.

JINCAI_KERNEL uint64_t Add(int64_t* __restrict out, const int64_t* __restrict a, const int64_t* __restrict b,
                               int32_t n) {
  uint64_t ovf = 0;
  Dense(n, [&](int32_t i) {
    const uint64_t z = U(a[i]) + U(b[i]);
    ovf |= (U(a[i]) ^ z) & (U(b[i]) ^ z);
    out[i] = static_cast<int64_t>(z);
  });
  return ovf;
}

JINCAI_KERNEL uint64_t AddScalar(int64_t* __restrict out, const int64_t* __restrict a, int64_t b, int32_t n) {
  uint64_t ovf = 0;
  Dense(n, [&](int32_t i) {
    const uint64_t z = U(a[i]) + U(b);
    ovf |= (U(a[i]) ^ z) & (U(b) ^ z);
    out[i] = static_cast<int64_t>(z);
  });
  return ovf;
}

JINCAI_KERNEL uint64_t Sub(int64_t* __restrict out, const int64_t* __restrict a, const int64_t* __restrict b,
                               int32_t n) {
  uint64_t ovf = 0;
  Dense(n, [&](int32_t i) {
    const uint64_t z = U(a[i]) - U(b[i]);
    ovf |= (U(a[i]) ^ U(b[i])) & (U(a[i]) ^ z);
    out[i] = static_cast<int64_t>(z);
  });
  return ovf;
}

JINCAI_KERNEL uint64_t SubScalar(int64_t* __restrict out, const int64_t* __restrict a, int64_t b, int32_t n) {
  uint64_t ovf = 0;
  Dense(n, [&](int32_t i) {
    const uint64_t z = U(a[i]) - U(b);
    ovf |= (U(a[i]) ^ U(b)) & (U(a[i]) ^ z);
    out[i] = static_cast<int64_t>(z);
  });
  return ovf;
}

JINCAI_KERNEL uint64_t ScalarSub(int64_t* __restrict out, int64_t a, const int64_t* __restrict b, int32_t n) {
  uint64_t ovf = 0;
  Dense(n, [&](int32_t i) {
    const uint64_t z = U(a) - U(b[i]);
    ovf |= (U(a) ^ U(b[i])) & (U(a) ^ z);
    out[i] = static_cast<int64_t>(z);
  });
  return ovf;
}

JINCAI_KERNEL bool MulWhole(int64_t* __restrict out, const int64_t* __restrict a, int64_t k, int32_t n) {
  if (k == INT64_MIN) return false;
  // |a| <= lim: |a * k| fits.
  const int64_t lim = k == 0 ? INT64_MAX : INT64_MAX / (k < 0 ? -k : k);
  int64_t wide = 0;
  Dense(n, [&](int32_t i) {
    wide |= static_cast<int64_t>(a[i] > lim) | static_cast<int64_t>(a[i] < -lim);
    out[i] = static_cast<int64_t>(U(a[i]) * U(k));
  });
  return wide == 0;
}

JINCAI_KERNEL uint64_t AddTerm(int64_t* __restrict out, const int64_t* __restrict when,
                                   const int64_t* __restrict value, bool first, int32_t n) {
  uint64_t ovf = 0;
  if (!when) {
    if (first) {
      Dense(n, [&](int32_t i) { out[i] = value[i]; });
      return 0;
    }
    Dense(n, [&](int32_t i) {
      const uint64_t t = U(value[i]), s = U(out[i]), z = s + t;
      ovf |= (s ^ z) & (t ^ z);
      out[i] = static_cast<int64_t>(z);
    });
    return ovf;
  }
  if (first) {
    Dense(n, [&](int32_t i) { out[i] = value[i] & -Nz(when[i]); });
    return 0;
  }
  Dense(n, [&](int32_t i) {
    const uint64_t t = U(value[i] & -Nz(when[i])), s = U(out[i]), z = s + t;
    ovf |= (s ^ z) & (t ^ z);
    out[i] = static_cast<int64_t>(z);
  });
  return ovf;
}

JINCAI_KERNEL uint64_t AddTermScalar(int64_t* __restrict out, const int64_t* __restrict when, int64_t value,
                                         bool first, int32_t n) {
  uint64_t ovf = 0;
  if (!when) {
    if (first) {
      Dense(n, [&](int32_t i) { out[i] = value; });
      return 0;
    }
    Dense(n, [&](int32_t i) {
      const uint64_t s = U(out[i]), z = s + U(value);
      ovf |= (s ^ z) & (U(value) ^ z);
      out[i] = static_cast<int64_t>(z);
    });
    return ovf;
  }
  if (first) {
    Dense(n, [&](int32_t i) { out[i] = value & -Nz(when[i]); });
    return 0;
  }
  Dense(n, [&](int32_t i) {
    const uint64_t t = U(value & -Nz(when[i])), s = U(out[i]), z = s + t;
    ovf |= (s ^ z) & (t ^ z);
    out[i] = static_cast<int64_t>(z);
  });
  return ovf;
}

}  // namespace jincai::policy::kernels
