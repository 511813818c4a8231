// The vectorised interpreter: runs one instruction of a Program over a selection of
// rows (or list elements) of a bound Batch, column at a time. Lazy instructions
// (and, or, if, list functions) give their operands only the rows that need them, or
// run a cheap operand on every row with its errors held back and kept only for the
// rows that needed it (RunSpeculative): a division guarded by `if` fails no row it is
// guarded from.
// Not thread-safe: one Vm per thread; many Vms may share one CompiledPolicy.
#pragma once

#include <cstdint>
#include <deque>
#include <vector>

#include "common/result.h"
#include "policy/compile/compiled_policy.h"
#include "policy/eval/batch.h"

namespace jincai::policy {

// A selection: the indexes to compute, ascending. idx == nullptr means 0..n-1.
struct Sel {
  const int32_t* idx = nullptr;
  int32_t n = 0;
};

class Vm {
 public:
  explicit Vm(const CompiledPolicy& policy);

  // Resolves every parameter for the date. Fails, naming the parameter, when one has
  // no value in force on that date.
  Status SetDate(int32_t as_of);
  int32_t as_of() const { return as_of_; }
  // Value of parameter i in force, and the date it took effect (INT32_MIN: always).
  int64_t param(int i) const { return params_[static_cast<size_t>(i)]; }
  int32_t param_from(int i) const { return param_from_[static_cast<size_t>(i)]; }

  // Binds a batch: clears memos and errors. The batch must outlive the runs.
  void Bind(const Batch& batch);
  // The tier id (interned string) per row, read by `tier` in entitlements.
  void SetTiers(const int64_t* tier_ids) { tiers_ = tier_ids; }

  // Leaves (constants, parameters, inputs) have nothing to run: half the operands, so
  // they are skipped here, inline.
  void Run(int32_t instr, Sel sel) {
    if (sel.n > 0 && !leaf_[static_cast<size_t>(instr)]) RunOp(instr, sel);
  }
  // Runs instr for (at least) the rows of `need`, ascending. When they are most of the
  // batch it runs on every row instead, as dense loops are faster than indexed ones,
  // and drops the errors of the rows not in `need` (see RunSpeculative).
  void RunFor(int32_t instr, Sel need);
  Sel AllRows() const { return Sel{nullptr, batch_->rows}; }

  // The value of an instruction at a row or element it has been run on.
  int64_t At(int32_t instr, int32_t index) const {
    const Instr& in = code_[static_cast<size_t>(instr)];
    if (in.op == Opcode::kConst) return in.imm;
    if (in.op == Opcode::kParam) return params_[static_cast<size_t>(in.slot)];
    if (in.op == Opcode::kAsOf) return as_of_;
    return ptr_[static_cast<size_t>(instr)][index];
  }

  // The values of an instruction: a column, or a scalar read through the same pointer
  // with index 0 (mask 0), so loops index it without a branch.
  struct Col {
    const int64_t* p;
    int64_t v;
    bool scalar;
    int32_t mask;
    int64_t operator[](int32_t i) const { return p[i & mask]; }
    static Col Scalar(const int64_t* v) { return {v, *v, true, 0}; }
  };
  // For loops over many rows: indexed like At, without its dispatch per call.
  Col ValuesOf(int32_t instr) const { return Operand(instr); }

  EvalError error(int32_t row) const { return static_cast<EvalError>(err_[static_cast<size_t>(row)]); }
  // The error of every row of the bound batch (an EvalError each; 0 is none).
  const uint8_t* errors() const { return err_.data(); }
  int32_t error_instr(int32_t row) const { return err_instr_[static_cast<size_t>(row)]; }
  // Forgets what the memo instructions computed for a row, so the next run of a formula
  // for it recomputes (and reports any error again): explanations need this.
  void ForgetRow(int32_t row) {
    for (size_t m = 0; m < memo_done_.size(); ++m) {
      if (memo_done_[m][static_cast<size_t>(row)]) {
        memo_done_[m][static_cast<size_t>(row)] = 0;
        --memo_count_[m];
      }
    }
  }
  // Forgets a row's error (explanations force extra instructions and restore it).
  void SetError(int32_t row, EvalError e, int32_t instr) {
    err_[static_cast<size_t>(row)] = static_cast<uint8_t>(e);
    err_instr_[static_cast<size_t>(row)] = instr;
  }
  const Batch& batch() const { return *batch_; }
  // Elements of the selected rows in a list slot (ascending).
  void ElementsOf(int32_t list_slot, Sel rows, std::vector<int32_t>* out);

 private:
  void RunOp(int32_t instr, Sel sel);
  Col Operand(int32_t instr) const;
  int64_t* Out(int32_t instr);
  // Cold: errors are rare, and keeping the call out of line keeps the loops tight.
  [[gnu::cold, gnu::noinline]] void Fail(int32_t domain, int32_t index, EvalError e, int32_t instr);
  // Records a row's error unless it has one (the first wins).
  void Record(int32_t row, EvalError e, int32_t instr);
  // Records the errors logged since `mark` and drops them from the log, unless an
  // enclosing speculation is still running (it settles them).
  void Settle(size_t mark);
  void RunLazy(int32_t i, const Instr& in, Sel sel);
  void RunList(int32_t i, const Instr& in, Sel sel);
  void RunEager(int32_t i, const Instr& in, Sel sel);
  bool RunDense(const Instr& in, int32_t n, const Col& a, const Col& b, int64_t* out);
  // Runs operand x of a lazy instruction on all of `sel`, although only the rows where
  // (guard != 0) == want need it; see RunLazy.
  void RunSpeculative(int32_t x, Sel sel, const Col& guard, bool want);
  // Runs x on at least the rows of sel where guard holds: only on them, or on all of
  // sel speculatively when that spares little (the choice of RunLazy).
  void RunGuarded(int32_t x, Sel sel, const Col& guard);
  bool WorthSpeculating(int64_t spared_cost, int32_t rows) const;
  void RunAddN(int32_t i, const Instr& in, Sel sel);

  // Selection buffers, reused in stack order (Run recurses): no allocation per call.
  class Buffer {
   public:
    explicit Buffer(Vm& vm) : vm_(vm), v_(vm.Acquire()) {}
    ~Buffer() { --vm_.buffers_used_; }
    std::vector<int32_t>& operator*() { return v_; }
    std::vector<int32_t>* operator->() { return &v_; }

   private:
    Vm& vm_;
    std::vector<int32_t>& v_;
  };
  std::vector<int32_t>& Acquire() {
    if (buffers_used_ == buffers_.size()) buffers_.emplace_back();
    auto& b = buffers_[buffers_used_++];
    b.clear();
    return b;
  }

  const CompiledPolicy& policy_;
  const std::vector<Instr>& code_;
  std::deque<std::vector<int32_t>> buffers_;  // deque: growing keeps references valid
  size_t buffers_used_ = 0;
  const Batch* batch_ = nullptr;
  const int64_t* tiers_ = nullptr;
  int32_t as_of_ = 0;
  std::vector<int64_t> params_;
  std::vector<int32_t> param_from_;
  std::vector<uint8_t> leaf_;                 // instruction has no work (see Run)
  std::vector<const int64_t*> ptr_;           // register of each instruction
  std::vector<int64_t> scalar_;               // value of each scalar instruction
  std::vector<std::vector<int64_t>> store_;   // owned registers
  std::vector<std::vector<uint8_t>> memo_done_;
  std::vector<int32_t> memo_count_;
  std::vector<uint8_t> err_;
  std::vector<int32_t> err_instr_;
  std::vector<uint8_t> row_mask_;  // scratch of ElementsOf
  std::vector<int64_t> need_;      // scratch of RunFor
  // Tables of the dates kYears counts to (as_of, mostly), built on first use; cleared
  // by SetDate, so there are as many as the program has fixed dates.
  std::vector<YearsTo> years_to_;
  const YearsTo& YearsToDate(int32_t to);
  // While spec_depth_ > 0 errors are logged here, in the order they happen, instead of
  // being recorded; the speculating instruction keeps those of the rows that needed
  // the operand and drops the others (see RunSpeculative).
  struct SpecError {
    int32_t row;
    EvalError e;
    int32_t instr;
  };
  int32_t spec_depth_ = 0;
  std::vector<SpecError> spec_log_;
  std::vector<SpecError> merged_;  // scratch of RunAddN
};

}  // namespace jincai::policy
