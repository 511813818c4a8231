// CheckedPolicy -> Program. Formulas and point totals compile once, behind a memo
// instruction, on first use, so every operand precedes its user. A rows-level value
// used among list elements is wrapped in a broadcast.
#include <algorithm>
#include <map>
#include <tuple>

#include "policy/compile/compiled_policy.h"

namespace jincai::policy {

const char* EvalErrorText(EvalError e) {
  switch (e) {
    case EvalError::kNone: return "none";
    case EvalError::kDivisionByZero: return "division by zero";
    case EvalError::kOverflow: return "number overflow";
    case EvalError::kEmptyList: return "min or max of an empty list";
  }
  return "?";
}

namespace {

class Compiler {
 public:
  explicit Compiler(std::shared_ptr<const CheckedPolicy> checked) {
    out_ = std::make_shared<CompiledPolicy>();
    out_->checked = std::move(checked);
    out_->parameters = out_->doc().parameters;
  }

  std::shared_ptr<CompiledPolicy> Run() {
    const CheckedPolicy& c = *out_->checked;
    const PolicyDocument& doc = out_->doc();
    out_->formula_instr.assign(doc.formulas.size(), -1);
    for (int d = 0; d < 4; ++d) Points(d);
    for (size_t i = 0; i < doc.formulas.size(); ++i) Formula(static_cast<int>(i));
    for (size_t t = 0; t < doc.tiers.size(); ++t)
      out_->tier_when.push_back(c.tier_when[t] ? Emit(*c.tier_when[t], kRowsDomain) : -1);
    for (size_t i = 0; i < doc.entitlements.size(); ++i) {
      const CheckedEntitlement& ce = c.entitlements[i];
      CompiledEntitlement e;
      e.list_slot = ce.list_slot;
      int32_t dom = ce.list_slot >= 0 ? ce.list_slot : kRowsDomain;
      if (ce.when) e.when = Emit(*ce.when, dom);
      if (ce.monthly) e.monthly = Emit(*ce.monthly, dom);
      for (const auto& a : ce.amounts) e.amounts.push_back(a ? Emit(*a, dom) : -1);
      for (const auto& a : ce.details) e.details.push_back(a ? Emit(*a, dom) : -1);
      out_->entitlements.push_back(std::move(e));
    }
    FuseAdditions();
    return out_;
  }

 private:
  // Whether an instruction may run on rows that do not need it (see Instr::safe).
  bool Safe(const Instr& in) const {
    auto ok = [&](int32_t k) { return k < 0 || out_->program.code[static_cast<size_t>(k)].safe; };
    switch (in.op) {
      case Opcode::kConst: case Opcode::kParam: case Opcode::kAsOf: case Opcode::kInput:
      case Opcode::kElemField: case Opcode::kTier:
        return true;
      case Opcode::kEq: case Opcode::kNe: case Opcode::kLt: case Opcode::kLe: case Opcode::kGt:
      case Opcode::kGe: case Opcode::kNot: case Opcode::kInSet: case Opcode::kMin2: case Opcode::kMax2:
      case Opcode::kAnd: case Opcode::kOr: case Opcode::kIf: case Opcode::kBroadcast:
        return ok(in.a) && ok(in.b) && ok(in.c);
      default:
        return false;  // arithmetic can overflow; lists and memos cost more than they save
    }
  }

  // Rough cycles per row of an instruction and everything below it (see Instr::cost).
  // Shared operands count once per user: an overestimate, which errs towards narrowing.
  int32_t Cost(const Instr& in) const {
    auto of = [&](int32_t k) { return k < 0 ? 0 : out_->program.code[static_cast<size_t>(k)].cost; };
    int32_t own = 1;
    switch (in.op) {
      case Opcode::kConst: case Opcode::kParam: case Opcode::kAsOf: case Opcode::kInput:
      case Opcode::kElemField: case Opcode::kTier: case Opcode::kMemo:
        own = 0;
        break;
      case Opcode::kMul: case Opcode::kRound: own = 2; break;
      case Opcode::kDiv: own = 4; break;
      case Opcode::kYears: case Opcode::kMonths: own = 10; break;
      case Opcode::kCount: case Opcode::kCountIf: case Opcode::kSum: case Opcode::kMinOf:
      case Opcode::kMaxOf: case Opcode::kAny: case Opcode::kAll: case Opcode::kInList:
        own = 3;
        break;
      default: break;
    }
    return std::min(own + of(in.a) + of(in.b) + of(in.c), int32_t{1} << 20);
  }

  // Identical instructions are emitted once (common subexpressions: the same test in
  // two criteria, `years_between(child.birth_date, as_of)` twice in one condition).
  // Every instruction is a pure function of its row, so sharing changes no value;
  // memos stay distinct by their memo index.
  int32_t Push(Instr in) {
    auto key = std::make_tuple(static_cast<int>(in.op), static_cast<int>(in.kind), in.domain, in.a, in.b, in.c,
                               in.slot, in.field, in.set, in.memo, in.imm);
    auto it = emitted_.find(key);
    if (it != emitted_.end()) return it->second;
    in.safe = Safe(in);
    in.cost = Cost(in);
    out_->program.code.push_back(in);
    return emitted_[key] = static_cast<int32_t>(out_->program.code.size() - 1);
  }

  // The index of a literal set, shared by equal sets (so equal tests are one).
  int32_t Set(std::vector<int64_t> set) {
    auto& sets = out_->program.sets;
    auto it = std::find(sets.begin(), sets.end(), set);
    if (it != sets.end()) return static_cast<int32_t>(it - sets.begin());
    sets.push_back(std::move(set));
    return static_cast<int32_t>(sets.size() - 1);
  }

  int32_t Leaf(Opcode op, Kind kind, int32_t domain, int32_t slot, int32_t field, int64_t imm) {
    auto key = std::make_tuple(static_cast<int>(op), static_cast<int>(kind), domain, slot, field, imm);
    auto it = leaves_.find(key);
    if (it != leaves_.end()) return it->second;
    Instr in;
    in.op = op;
    in.kind = kind;
    in.domain = domain;
    in.slot = slot;
    in.field = field;
    in.imm = imm;
    return leaves_[key] = Push(in);
  }

  int32_t Const(Kind kind, int64_t v) { return Leaf(Opcode::kConst, kind, kRowsDomain, -1, -1, v); }

  int32_t Memo(int32_t body, Kind kind) {
    Instr in;
    in.op = Opcode::kMemo;
    in.kind = kind;
    in.a = body;
    in.memo = out_->program.memo_count++;
    return Push(in);
  }

  int32_t Formula(int f) {
    int32_t& slot = out_->formula_instr[static_cast<size_t>(f)];
    if (slot >= 0) return slot;
    const CExpr& body = *out_->checked->formulas[static_cast<size_t>(f)];
    int32_t b = Emit(body, kRowsDomain);
    slot = out_->program.IsScalar(b) ? b : Memo(b, body.type);
    return slot;
  }

  int32_t Points(int d) {
    if (out_->points[d] >= 0) return out_->points[d];
    const CheckedPolicy& c = *out_->checked;
    const PolicyDocument& doc = out_->doc();
    int32_t sum = -1;
    if (d == 3) {
      sum = Binary(Opcode::kAdd, Kind::kNumber, kRowsDomain, Points(0), Points(1));
      sum = Binary(Opcode::kAdd, Kind::kNumber, kRowsDomain, sum, Points(2));
    } else {
      if (out_->criterion_term.empty()) {
        out_->criterion_when.assign(doc.criteria.size(), -1);
        out_->criterion_points.assign(doc.criteria.size(), -1);
        out_->criterion_term.assign(doc.criteria.size(), -1);
      }
      for (size_t i = 0; i < doc.criteria.size(); ++i) {
        if (static_cast<int>(doc.criteria[i].dimension) != d) continue;
        int32_t w = c.criterion_when[i] ? Emit(*c.criterion_when[i], kRowsDomain) : -1;
        int32_t p = Emit(*c.criterion_points[i], kRowsDomain);
        int32_t term = p;
        if (w >= 0) {
          Instr in;
          in.op = Opcode::kIf;
          in.kind = Kind::kNumber;
          in.a = w;
          in.b = p;
          in.c = Const(Kind::kNumber, 0);
          term = Push(in);
        }
        out_->criterion_when[i] = w;
        out_->criterion_points[i] = p;
        out_->criterion_term[i] = term;
        sum = sum < 0 ? term : Binary(Opcode::kAdd, Kind::kNumber, kRowsDomain, sum, term);
      }
      if (sum < 0) sum = Const(Kind::kNumber, 0);
    }
    out_->points[d] = out_->program.IsScalar(sum) ? sum : Memo(sum, Kind::kNumber);
    return out_->points[d];
  }

  int32_t Binary(Opcode op, Kind kind, int32_t domain, int32_t a, int32_t b) {
    Instr in;
    in.op = op;
    in.kind = kind;
    in.domain = domain;
    in.a = a;
    in.b = b;
    return Push(in);
  }

  int32_t Broadcast(int32_t r, int32_t domain) {
    if (out_->program.IsScalar(r)) return r;
    auto key = std::make_pair(r, domain);
    auto it = broadcasts_.find(key);
    if (it != broadcasts_.end()) return it->second;
    Instr in;
    in.op = Opcode::kBroadcast;
    in.kind = out_->program.code[static_cast<size_t>(r)].kind;
    in.domain = domain;
    in.a = r;
    return broadcasts_[key] = Push(in);
  }

  int32_t Emit(const CExpr& e, int32_t domain) {
    if (domain != kRowsDomain && !e.element) return Broadcast(Emit(e, kRowsDomain), domain);
    int32_t r = EmitHere(e, domain);
    if (domain == kRowsDomain) out_->instr_of.emplace(&e, r);
    return r;
  }

  static Opcode CompareOp(AstOp op) {
    switch (op) {
      case AstOp::kEq: return Opcode::kEq;
      case AstOp::kNe: return Opcode::kNe;
      case AstOp::kLt: return Opcode::kLt;
      case AstOp::kLe: return Opcode::kLe;
      case AstOp::kGt: return Opcode::kGt;
      default: return Opcode::kGe;
    }
  }

  int32_t EmitHere(const CExpr& e, int32_t dom) {
    auto kid = [&](size_t i) { return Emit(*e.kids[i], dom); };
    switch (e.k) {
      case CKind::kConst: return Const(e.type, e.imm);
      case CKind::kParam: return Leaf(Opcode::kParam, e.type, kRowsDomain, e.slot, -1, 0);
      case CKind::kAsOf: return Leaf(Opcode::kAsOf, Kind::kDate, kRowsDomain, -1, -1, 0);
      case CKind::kInput: return Leaf(Opcode::kInput, e.type, kRowsDomain, e.slot, -1, 0);
      case CKind::kElemField: return Leaf(Opcode::kElemField, e.type, e.slot, e.slot, e.field, 0);
      case CKind::kTier: return Leaf(Opcode::kTier, Kind::kString, kRowsDomain, -1, -1, 0);
      case CKind::kFormula: return Formula(e.slot);
      case CKind::kPoints: return Points(e.slot);
      case CKind::kNeg: case CKind::kNot: {
        Instr in;
        in.op = e.k == CKind::kNeg ? Opcode::kNeg : Opcode::kNot;
        in.kind = e.type;
        in.domain = dom;
        in.a = kid(0);
        return Push(in);
      }
      case CKind::kArith: {
        Opcode op = e.op == AstOp::kAdd ? Opcode::kAdd : e.op == AstOp::kSub ? Opcode::kSub
                    : e.op == AstOp::kMul ? Opcode::kMul : Opcode::kDiv;
        int32_t a = kid(0), b = kid(1);
        return Binary(op, e.type, dom, a, b);
      }
      case CKind::kCompare: {
        int32_t a = kid(0), b = kid(1);
        return Binary(CompareOp(e.op), Kind::kBool, dom, a, b);
      }
      case CKind::kAnd: case CKind::kOr: {
        int32_t a = kid(0), b = kid(1);
        return Binary(e.k == CKind::kAnd ? Opcode::kAnd : Opcode::kOr, Kind::kBool, dom, a, b);
      }
      case CKind::kIf: {
        Instr in;
        in.op = Opcode::kIf;
        in.kind = e.type;
        in.domain = dom;
        in.a = kid(0);
        in.b = kid(1);
        in.c = kid(2);
        return Push(in);
      }
      case CKind::kInSet: {
        std::vector<int64_t> set = e.set;
        std::sort(set.begin(), set.end());
        set.erase(std::unique(set.begin(), set.end()), set.end());
        Instr in;
        in.op = Opcode::kInSet;
        in.kind = Kind::kBool;
        in.domain = dom;
        in.a = kid(0);
        in.set = Set(std::move(set));
        return Push(in);
      }
      case CKind::kInList: {
        Instr in;
        in.op = Opcode::kInList;
        in.kind = Kind::kBool;
        in.domain = dom;
        in.a = kid(0);
        in.slot = e.slot;
        return Push(in);
      }
      case CKind::kCount: {
        Instr in;
        in.op = Opcode::kCount;
        in.kind = Kind::kNumber;
        in.domain = dom;
        in.slot = e.slot;
        return Push(in);
      }
      case CKind::kAggregate: {
        Instr in;
        switch (e.fn) {
          case Fn::kCountIf: in.op = Opcode::kCountIf; break;
          case Fn::kSum: in.op = Opcode::kSum; break;
          case Fn::kMin: in.op = Opcode::kMinOf; break;
          case Fn::kMax: in.op = Opcode::kMaxOf; break;
          case Fn::kAny: in.op = Opcode::kAny; break;
          default: in.op = Opcode::kAll; break;
        }
        in.kind = e.type;
        in.domain = dom;
        in.slot = e.slot;
        in.a = Emit(*e.kids[0], e.slot);
        return Push(in);
      }
      case CKind::kMinMax: {
        int32_t acc = kid(0);
        for (size_t i = 1; i < e.kids.size(); ++i)
          acc = Binary(e.fn == Fn::kMin2 ? Opcode::kMin2 : Opcode::kMax2, e.type, dom, acc, kid(i));
        return acc;
      }
      case CKind::kDateDiff: {
        Opcode op = e.fn == Fn::kYears ? Opcode::kYears : e.fn == Fn::kMonths ? Opcode::kMonths : Opcode::kDays;
        int32_t a = kid(0), b = kid(1);
        return Binary(op, Kind::kNumber, dom, a, b);
      }
      case CKind::kRound: {
        // round/floor/ceil of a quotient rounds the exact quotient, not the quotient
        // already rounded to six places (floor(399999.99 CNY / 100000 CNY) is 3).
        const CExpr& arg = *e.kids[0];
        if (arg.k == CKind::kArith && arg.op == AstOp::kDiv) {
          Instr in;
          in.op = Opcode::kDiv;
          in.kind = e.type;
          in.domain = dom;
          in.a = Emit(*arg.kids[0], dom);
          in.b = Emit(*arg.kids[1], dom);
          in.imm = e.type == Kind::kMoney ? kFenPerYuan : kNumberScale;
          in.field = static_cast<int32_t>(e.fn);
          return Push(in);
        }
        Instr in;
        in.op = Opcode::kRound;
        in.kind = e.type;
        in.domain = dom;
        in.a = kid(0);
        in.imm = e.type == Kind::kMoney ? kFenPerYuan : kNumberScale;
        in.field = static_cast<int32_t>(e.fn);
        return Push(in);
      }
    }
    return Const(Kind::kNumber, 0);
  }

  // Peephole: a chain of additions ((t0 + t1) + t2) + ... (point totals, sums in
  // formulas) becomes one kAddN over its terms, and a term `if c then x else 0` (a
  // criterion with a condition) becomes a guarded term. One pass over the rows instead
  // of one per addition and per condition. The chain's instructions are left in place:
  // explanations compute its nodes, and errors name them. Only the left spine is
  // flattened, so the partial sums, and where they overflow, are the chain's.
  void FuseAdditions() {
    const std::vector<Instr> code = out_->program.code;  // as emitted
    auto term_of = [&](int32_t x, int32_t add) {
      const Instr& t = code[static_cast<size_t>(x)];
      Term term;
      term.add = add;
      term.value = x;
      if (t.op == Opcode::kIf) {
        const Instr& z = code[static_cast<size_t>(t.c)];
        if (z.op == Opcode::kConst && z.imm == 0) {
          term.when = t.a;
          term.value = t.b;
        }
      }
      return term;
    };
    for (size_t f = 0; f < code.size(); ++f) {
      const Instr& in = code[f];
      if (in.op != Opcode::kAdd || in.domain != kRowsDomain) continue;
      std::vector<std::pair<int32_t, int32_t>> spine;  // (add, its right operand), top down
      int32_t k = static_cast<int32_t>(f);
      while (code[static_cast<size_t>(k)].op == Opcode::kAdd) {
        spine.emplace_back(k, code[static_cast<size_t>(k)].b);
        k = code[static_cast<size_t>(k)].a;
      }
      std::vector<Term> terms{term_of(k, -1)};
      for (auto it = spine.rbegin(); it != spine.rend(); ++it) terms.push_back(term_of(it->second, it->first));
      const bool guarded = std::any_of(terms.begin(), terms.end(), [](const Term& t) { return t.when >= 0; });
      if (terms.size() < 3 && !guarded) continue;
      Instr fused = in;
      fused.op = Opcode::kAddN;
      fused.a = fused.b = fused.c = -1;
      fused.slot = static_cast<int32_t>(out_->program.terms.size());
      fused.field = static_cast<int32_t>(terms.size());
      int64_t cost = 1;
      for (const Term& t : terms) {
        cost += code[static_cast<size_t>(t.value)].cost;
        if (t.when >= 0) cost += code[static_cast<size_t>(t.when)].cost;
      }
      fused.cost = static_cast<int32_t>(std::min<int64_t>(cost, int64_t{1} << 20));
      out_->program.terms.insert(out_->program.terms.end(), terms.begin(), terms.end());
      out_->program.code[f] = fused;
    }
  }

  std::shared_ptr<CompiledPolicy> out_;
  std::map<std::tuple<int, int, int32_t, int32_t, int32_t, int64_t>, int32_t> leaves_;
  std::map<std::pair<int32_t, int32_t>, int32_t> broadcasts_;
  std::map<std::tuple<int, int, int32_t, int32_t, int32_t, int32_t, int32_t, int32_t, int32_t, int32_t, int64_t>, int32_t>
      emitted_;
};

}  // namespace

std::shared_ptr<CompiledPolicy> Compile(std::shared_ptr<const CheckedPolicy> checked) {
  return Compiler(std::move(checked)).Run();
}

Status OverrideParameter(CompiledPolicy& policy, const std::string& name, const std::string& text) {
  auto it = std::find_if(policy.parameters.begin(), policy.parameters.end(),
                         [&](const ParameterSpec& p) { return p.name == name; });
  if (it == policy.parameters.end()) {
    std::string names;
    for (const auto& p : policy.parameters) names += (names.empty() ? "" : ", ") + p.name;
    return Status::InvalidArgument("the policy has no parameter '" + name + "' (parameters: " + names + ")");
  }
  ParamValue v;
  v.from = INT32_MIN;
  std::string t = text;
  auto bad = [&](const char* what) {
    return Status::InvalidArgument("'" + text + "' is not a value for " + name + ", a " + KindName(it->kind) + ": " + what);
  };
  switch (it->kind) {
    case Kind::kNumber: {
      auto n = ParseNumber(t);
      if (!n) return bad("give a decimal number such as 0.8 or 60");
      v.value = *n;
      break;
    }
    case Kind::kMoney: {
      if (t.size() > 3 && t.compare(t.size() - 3, 3, "CNY") == 0) {
        t.resize(t.size() - 3);
        while (!t.empty() && t.back() == ' ') t.pop_back();
      }
      auto m = ParseMoney(t);
      if (!m) return bad("give yuan with at most two decimals, such as 5000 or 5000.50");
      v.value = *m;
      break;
    }
    case Kind::kBool:
      if (t == "true") v.value = 1;
      else if (t == "false") v.value = 0;
      else return bad("give true or false");
      break;
    case Kind::kDate: {
      auto d = ParseDate(t);
      if (!d) return bad("give a date as YYYY-MM-DD");
      v.value = *d;
      break;
    }
    default:
      v.string_value = t;
      break;
  }
  it->values.assign(1, v);
  return Status::Ok();
}

}  // namespace jincai::policy
