// Expression typing: parse, then resolve each name (lambda variable, for_each element,
// formula, parameter, input, built-in) and type each node bottom-up. Messages name the
// types and, for unknown names, the closest declared one.
#include "policy/check/expression_checker.h"

#include <algorithm>
#include <set>

#include "policy/check/checker.h"
#include "policy/syntax/parser.h"

namespace jincai::policy {
namespace {

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

size_t StartOf(const Ast& a) {
  if (a.start != std::string::npos) return a.start;
  size_t start = a.offset;
  for (const auto& k : a.args) start = std::min(start, StartOf(*k));
  return start;
}

std::string SourceOf(const Ast& a, const Scope& s) {
  size_t start = StartOf(a);
  size_t end = std::min(std::max(a.end, start), s.text->text.size());
  return s.text->text.substr(start, end - start);
}

}  // namespace

std::string JoinNames(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void ExpressionChecker::Err(const ExprText& t, size_t offset, std::string msg, const char* code) {
  d_.Error(t.At(offset), code, std::move(msg));
}

std::unique_ptr<CExpr> ExpressionChecker::Expect(const ExprText& text, Scope& s, Kind want, const std::string& which) {
  auto e = Check(text, s);
  if (e && e->type != want) {
    std::string hint = want == Kind::kMoney && e->type == Kind::kNumber ? " (write amounts as money, e.g. 5000 CNY, or multiply a money input)" : "";
    Err(text, e->offset, which + " of " + s.what + " must be " + KindName(want) + ", but this is " + KindName(e->type) + hint);
    return nullptr;
  }
  return e;
}

std::unique_ptr<CExpr> ExpressionChecker::Check(const ExprText& text, Scope& s) {
  s.text = &text;
  ParseResult pr = ParseExpression(text.text);
  if (!pr.ast) {
    Err(text, pr.error.offset, pr.error.message, "syntax");
    return nullptr;
  }
  failed_ = false;
  auto e = Node(*pr.ast, s);
  return failed_ ? nullptr : std::move(e);
}


ExpressionChecker::P ExpressionChecker::Fail(const Scope& s, size_t offset, std::string msg, const char* code) {
  if (!failed_) Err(*s.text, offset, std::move(msg), code);
  failed_ = true;
  return nullptr;
}

ExpressionChecker::P ExpressionChecker::Make(CKind k, Kind type, const Ast& a, const Scope& s) {
  auto e = std::make_unique<CExpr>();
  e->k = k;
  e->type = type;
  e->offset = a.offset;
  e->text = SourceOf(a, s);
  return e;
}


ExpressionChecker::P ExpressionChecker::Node(const Ast& a, Scope& s) {
  if (failed_) return nullptr;
  switch (a.kind) {
    case AstKind::kNumber: { auto e = Make(CKind::kConst, Kind::kNumber, a, s); e->imm = a.value; return e; }
    case AstKind::kMoney: { auto e = Make(CKind::kConst, Kind::kMoney, a, s); e->imm = a.value; return e; }
    case AstKind::kBool: { auto e = Make(CKind::kConst, Kind::kBool, a, s); e->imm = a.value; return e; }
    case AstKind::kString: { auto e = Make(CKind::kConst, Kind::kString, a, s); e->imm = p_->pool->Intern(a.text); return e; }
    case AstKind::kName: return Name(a, s);
    case AstKind::kField: return Field(a, s);
    case AstKind::kUnary: return Unary(a, s);
    case AstKind::kBinary: return Binary(a, s);
    case AstKind::kIf: return If(a, s);
    case AstKind::kCall: return Call(a, s);
    case AstKind::kList: return Fail(s, a.offset, "a list literal can only follow 'in', as in x in [\"a\", \"b\"]");
    case AstKind::kLambda: return Fail(s, a.offset, "a lambda (x -> ...) can only be the last argument of count, sum, min, max, any or all");
  }
  return nullptr;
}

const InputSpec* ExpressionChecker::ListInputNamed(const Ast& a) const {
  if (a.kind != AstKind::kName) return nullptr;
  const InputSpec* in = p_->doc->FindInput(a.text);
  return in && (in->kind() == Kind::kListString || in->kind() == Kind::kListRecord) ? in : nullptr;
}

ExpressionChecker::P ExpressionChecker::Name(const Ast& a, Scope& s) {
  const std::string& n = a.text;
  const PolicyDocument& doc = *p_->doc;
  if (s.in_lambda && n == s.lambda_var) {
    const auto& slot = p_->layout.lists[static_cast<size_t>(s.lambda_list)];
    if (slot.spec->kind() == Kind::kListRecord)
      return Fail(s, a.offset, "'" + n + "' is an element of " + slot.name + ", a record: use one of its fields, e.g. " + n + "." + slot.spec->fields.front().name);
    auto e = Make(CKind::kElemField, Kind::kString, a, s);
    e->slot = s.lambda_list;
    e->field = 0;
    e->element = true;
    if (!slot.spec->scalar.values.empty()) e->values = &slot.spec->scalar.values;
    return e;
  }
  if (!s.elem_var.empty() && n == s.elem_var)
    return Fail(s, a.offset, "'" + n + "' is a record: use one of its fields, e.g. " + n + "." +
                p_->layout.lists[static_cast<size_t>(s.elem_list)].spec->fields.front().name);
  for (size_t i = 0; i < doc.formulas.size(); ++i) {
    if (doc.formulas[i].name != n) continue;
    if ((*formulas_.state)[i] == 1) {
      std::string cycle;
      bool on = false;
      for (int f : *formulas_.stack) {
        if (f == static_cast<int>(i)) on = true;
        if (on) cycle += doc.formulas[static_cast<size_t>(f)].name + " -> ";
      }
      return Fail(s, a.offset, "formulas depend on each other in a cycle: " + cycle + n, "cycle");
    }
    if ((*formulas_.state)[i] == 0) {
      // Later stages follow formula references recursively: bound the chain.
      if (formulas_.stack->size() >= kMaxFormulaChain)
        return Fail(s, a.offset, "formulas refer to formulas more than " + std::to_string(kMaxFormulaChain) + " levels deep", "too-deep");
      bool saved = failed_;
      Scope inner;
      formulas_.check_formula(static_cast<int>(i));
      failed_ = saved;
      (void)inner;
    }
    const auto& f = p_->formulas[i];
    if (!f) return Fail(s, a.offset, "formula '" + n + "' has an error (see above)", "depends-on-error");
    auto e = Make(CKind::kFormula, f->type, a, s);
    e->slot = static_cast<int>(i);
    e->values = f->values;
    return e;
  }
  for (size_t i = 0; i < doc.parameters.size(); ++i) {
    if (doc.parameters[i].name != n) continue;
    auto e = Make(CKind::kParam, doc.parameters[i].kind, a, s);
    e->slot = static_cast<int>(i);
    return e;
  }
  if (const InputSpec* in = doc.FindInput(n)) {
    if (IsScalar(in->kind())) {
      auto e = Make(CKind::kInput, in->kind(), a, s);
      e->slot = p_->layout.scalar_index.at(n);
      if (!in->scalar.values.empty()) e->values = &in->scalar.values;
      return e;
    }
    if (in->kind() == Kind::kRecord)
      return Fail(s, a.offset, "'" + n + "' is a record: use one of its fields, e.g. " + n + "." + in->fields.front().name);
    return Fail(s, a.offset, "'" + n + "' is a " + KindName(in->kind()) + ": use it in count(), sum(), any(), all(), min(), max() or after 'in'");
  }
  for (int i = 0; i < 4; ++i) {
    if (n == kPointNames[i]) {
      auto e = Make(CKind::kPoints, Kind::kNumber, a, s);
      e->slot = i;
      return e;
    }
  }
  if (n == "as_of") return Make(CKind::kAsOf, Kind::kDate, a, s);
  if (n == "tier") {
    if (!s.allow_tier) return Fail(s, a.offset, "'tier' can only be used in entitlements (it is decided after points and tiers)", "unknown-name");
    return Make(CKind::kTier, Kind::kString, a, s);
  }
  std::string best;
  size_t best_d = 3;
  for (const auto& cand : all_names_) {
    size_t dist = EditDistance(n, cand);
    if (dist < best_d) { best_d = dist; best = cand; }
  }
  return Fail(s, a.offset, "unknown name '" + n + "'" + (best.empty() ? "" : " (did you mean '" + best + "'?)"), "unknown-name");
}

ExpressionChecker::P ExpressionChecker::Field(const Ast& a, Scope& s) {
  const Ast& base = *a.args[0];
  const PolicyDocument& doc = *p_->doc;
  auto field_of = [&](const std::vector<FieldSpec>& fields, const std::string& owner) -> int {
    for (size_t i = 0; i < fields.size(); ++i) if (fields[i].name == a.text) return static_cast<int>(i);
    std::vector<std::string> names;
    for (const auto& f : fields) names.push_back(f.name);
    Fail(s, a.offset, "'" + owner + "' has no field '" + a.text + "' (fields: " + JoinNames(names) + ")", "unknown-name");
    return -1;
  };
  if (base.kind == AstKind::kName) {
    int list = -1;
    if (s.in_lambda && base.text == s.lambda_var) list = s.lambda_list;
    else if (!s.elem_var.empty() && base.text == s.elem_var) list = s.elem_list;
    if (list >= 0) {
      const InputSpec& in = *p_->layout.lists[static_cast<size_t>(list)].spec;
      if (in.kind() != Kind::kListRecord) return Fail(s, a.offset, "'" + base.text + "' is a string and has no fields");
      int f = field_of(in.fields, base.text);
      if (f < 0) return nullptr;
      auto e = Make(CKind::kElemField, in.fields[static_cast<size_t>(f)].kind, a, s);
      e->slot = list;
      e->field = f;
      e->element = true;
      if (!in.fields[static_cast<size_t>(f)].values.empty()) e->values = &in.fields[static_cast<size_t>(f)].values;
      return e;
    }
    const InputSpec* in = doc.FindInput(base.text);
    if (in && in->kind() == Kind::kRecord) {
      int f = field_of(in->fields, base.text);
      if (f < 0) return nullptr;
      auto e = Make(CKind::kInput, in->fields[static_cast<size_t>(f)].kind, a, s);
      e->slot = p_->layout.scalar_index.at(base.text + "." + a.text);
      if (!in->fields[static_cast<size_t>(f)].values.empty()) e->values = &in->fields[static_cast<size_t>(f)].values;
      return e;
    }
  }
  auto b = Node(base, s);
  if (!b) return nullptr;
  return Fail(s, a.offset, "a " + std::string(KindName(b->type)) + " has no fields; '.' follows a record");
}

ExpressionChecker::P ExpressionChecker::Unary(const Ast& a, Scope& s) {
  auto x = Node(*a.args[0], s);
  if (!x) return nullptr;
  if (a.op == AstOp::kNot) {
    if (x->type != Kind::kBool) return Fail(s, a.offset, std::string("'not' needs a bool, not ") + KindName(x->type));
    auto e = Make(CKind::kNot, Kind::kBool, a, s);
    e->element = x->element;
    e->kids.push_back(std::move(x));
    return e;
  }
  if (x->type != Kind::kNumber && x->type != Kind::kMoney) return Fail(s, a.offset, std::string("'-' needs a number or money, not ") + KindName(x->type));
  auto e = Make(CKind::kNeg, x->type, a, s);
  e->element = x->element;
  e->kids.push_back(std::move(x));
  return e;
}

// A string compared with a literal outside its input's allowed values is a mistake.
bool ExpressionChecker::CheckValue(const Scope& s, const CExpr& var, const CExpr& lit) {
  if (!var.values || lit.k != CKind::kConst || lit.type != Kind::kString) return true;
  const std::string& v = p_->pool->Get(lit.imm);
  if (std::find(var.values->begin(), var.values->end(), v) != var.values->end()) return true;
  Fail(s, lit.offset, "\"" + v + "\" is not a value of " + var.text + " (allowed: " + JoinNames(*var.values) + ")", "unknown-value");
  return false;
}

ExpressionChecker::P ExpressionChecker::In(const Ast& a, Scope& s) {
  auto x = Node(*a.args[0], s);
  if (!x) return nullptr;
  const Ast& rhs = *a.args[1];
  P e;
  if (rhs.kind == AstKind::kList) {
    e = Make(CKind::kInSet, Kind::kBool, a, s);
    for (const auto& el : rhs.args) {
      auto v = Node(*el, s);
      if (!v) return nullptr;
      if (v->k != CKind::kConst) return Fail(s, el->offset, "a list literal holds literal values only");
      if (v->type != x->type) return Fail(s, el->offset, std::string("the list holds a ") + KindName(v->type) + " but the value before 'in' is a " + KindName(x->type));
      if (!CheckValue(s, *x, *v)) return nullptr;
      e->set.push_back(v->imm);
    }
    if (x->type != Kind::kString && x->type != Kind::kNumber && x->type != Kind::kMoney && x->type != Kind::kDate)
      return Fail(s, a.offset, std::string("'in' does not apply to a ") + KindName(x->type));
  } else if (const InputSpec* in = ListInputNamed(rhs)) {
    if (in->kind() != Kind::kListString) return Fail(s, rhs.offset, "'" + rhs.text + "' is a list of records; use any(" + rhs.text + ", x -> ...)");
    if (x->type != Kind::kString) return Fail(s, a.offset, std::string("'") + rhs.text + "' holds strings, but the value before 'in' is a " + KindName(x->type));
    if (s.in_lambda || !s.elem_var.empty()) return Fail(s, a.offset, "'in' a list input cannot be used inside a lambda or a for_each entitlement");
    if (!in->scalar.values.empty() && x->k == CKind::kConst) {
      CExpr fake;
      fake.values = &in->scalar.values;
      fake.text = rhs.text;
      if (!CheckValue(s, fake, *x)) return nullptr;
    }
    e = Make(CKind::kInList, Kind::kBool, a, s);
    e->slot = p_->layout.list_index.at(in->name());
  } else {
    return Fail(s, rhs.offset, "after 'in' comes a list input (like honors) or a list literal like [\"a\", \"b\"]");
  }
  e->element = x->element;
  e->kids.push_back(std::move(x));
  if (a.op == AstOp::kNotIn) {
    auto n = Make(CKind::kNot, Kind::kBool, a, s);
    n->element = e->element;
    n->kids.push_back(std::move(e));
    return n;
  }
  return e;
}

ExpressionChecker::P ExpressionChecker::Binary(const Ast& a, Scope& s) {
  if (a.op == AstOp::kIn || a.op == AstOp::kNotIn) return In(a, s);
  auto x = Node(*a.args[0], s);
  if (!x) return nullptr;
  auto y = Node(*a.args[1], s);
  if (!y) return nullptr;
  const char* op = AstOpText(a.op);
  Kind tx = x->type, ty = y->type;
  auto both = [&](Kind k) { return tx == k && ty == k; };
  P e;
  switch (a.op) {
    case AstOp::kAnd: case AstOp::kOr:
      if (!both(Kind::kBool)) return Fail(s, a.offset, std::string("'") + op + "' joins two bools, not " + KindName(tx) + " and " + KindName(ty));
      e = Make(a.op == AstOp::kAnd ? CKind::kAnd : CKind::kOr, Kind::kBool, a, s);
      break;
    case AstOp::kAdd: case AstOp::kSub:
      if (!(both(Kind::kNumber) || both(Kind::kMoney)))
        return Fail(s, a.offset, std::string("cannot ") + (a.op == AstOp::kAdd ? "add " : "subtract ") + KindName(ty) + (a.op == AstOp::kAdd ? " to " : " from ") + KindName(tx) +
                    (tx == Kind::kMoney || ty == Kind::kMoney ? ": write money amounts as 5000 CNY" : ""));
      e = Make(CKind::kArith, tx, a, s);
      break;
    case AstOp::kMul:
      if (both(Kind::kNumber)) e = Make(CKind::kArith, Kind::kNumber, a, s);
      else if ((tx == Kind::kMoney && ty == Kind::kNumber) || (tx == Kind::kNumber && ty == Kind::kMoney)) {
        e = Make(CKind::kArith, Kind::kMoney, a, s);
        if (tx == Kind::kNumber) std::swap(x, y);  // money first: one rounding rule
      } else return Fail(s, a.offset, std::string("cannot multiply ") + KindName(tx) + " by " + KindName(ty));
      break;
    case AstOp::kDiv:
      if (both(Kind::kNumber)) e = Make(CKind::kArith, Kind::kNumber, a, s);
      else if (tx == Kind::kMoney && ty == Kind::kNumber) e = Make(CKind::kArith, Kind::kMoney, a, s);
      else if (both(Kind::kMoney)) e = Make(CKind::kArith, Kind::kNumber, a, s);
      else return Fail(s, a.offset, std::string("cannot divide ") + KindName(tx) + " by " + KindName(ty));
      break;
    case AstOp::kEq: case AstOp::kNe:
      if (tx != ty || !IsScalar(tx)) return Fail(s, a.offset, std::string("cannot compare ") + KindName(tx) + " with " + KindName(ty) +
                                                  (tx == Kind::kMoney || ty == Kind::kMoney ? ": write money amounts as 5000 CNY" : ""));
      if (!CheckValue(s, *x, *y) || !CheckValue(s, *y, *x)) return nullptr;
      e = Make(CKind::kCompare, Kind::kBool, a, s);
      break;
    default:  // < <= > >=
      if (tx != ty || !(tx == Kind::kNumber || tx == Kind::kMoney || tx == Kind::kDate))
        return Fail(s, a.offset, std::string("'") + op + "' orders numbers, money or dates of one kind, not " + KindName(tx) + " and " + KindName(ty) +
                    (tx == Kind::kMoney || ty == Kind::kMoney ? ": write money amounts as 5000 CNY" : ""));
      e = Make(CKind::kCompare, Kind::kBool, a, s);
      break;
  }
  e->op = a.op;
  e->element = x->element || y->element;
  e->kids.push_back(std::move(x));
  e->kids.push_back(std::move(y));
  return e;
}

ExpressionChecker::P ExpressionChecker::If(const Ast& a, Scope& s) {
  auto c = Node(*a.args[0], s);
  if (!c) return nullptr;
  if (c->type != Kind::kBool) return Fail(s, a.args[0]->offset, std::string("the condition of 'if' must be a bool, not ") + KindName(c->type));
  auto t = Node(*a.args[1], s);
  if (!t) return nullptr;
  auto f = Node(*a.args[2], s);
  if (!f) return nullptr;
  if (t->type != f->type)
    return Fail(s, a.args[2]->offset, std::string("both branches of 'if' must have one type: 'then' gives ") + KindName(t->type) + ", 'else' gives " + KindName(f->type));
  auto e = Make(CKind::kIf, t->type, a, s);
  e->element = c->element || t->element || f->element;
  if (t->values && f->values == t->values) e->values = t->values;
  e->kids.push_back(std::move(c));
  e->kids.push_back(std::move(t));
  e->kids.push_back(std::move(f));
  return e;
}

ExpressionChecker::P ExpressionChecker::Call(const Ast& a, Scope& s) {
  const std::string& fn = a.text;
  size_t n = a.args.size();
  bool has_lambda = n > 0 && a.args.back()->kind == AstKind::kLambda;
  static const std::set<std::string> kListFns = {"count", "sum", "min", "max", "any", "all"};
  if (kListFns.count(fn) && n >= 1 && ListInputNamed(*a.args[0]) && (has_lambda || fn == "count")) return ListCall(a, s);
  if (fn == "min" || fn == "max") {
    if (n < 2) return Fail(s, a.offset, fn + "() takes two or more values, or a list and a lambda: " + fn + "(projects_led, p -> p.funding_cny)");
    auto e = Make(CKind::kMinMax, Kind::kNumber, a, s);
    e->fn = fn == "min" ? Fn::kMin2 : Fn::kMax2;
    for (const auto& arg : a.args) {
      auto v = Node(*arg, s);
      if (!v) return nullptr;
      if (!(v->type == Kind::kNumber || v->type == Kind::kMoney || v->type == Kind::kDate))
        return Fail(s, arg->offset, fn + "() compares numbers, money or dates, not " + KindName(v->type));
      if (!e->kids.empty() && v->type != e->kids[0]->type)
        return Fail(s, arg->offset, fn + "() needs values of one type: " + KindName(e->kids[0]->type) + " and " + KindName(v->type));
      e->element = e->element || v->element;
      e->kids.push_back(std::move(v));
    }
    e->type = e->kids[0]->type;
    return e;
  }
  if (kListFns.count(fn))
    return Fail(s, a.offset, fn + "() takes a list input and a lambda, as in " + fn + "(awards, a -> a.level == \"national\")");
  if (fn == "years_between" || fn == "months_between" || fn == "days_between") {
    if (n != 2) return Fail(s, a.offset, fn + "() takes two dates");
    auto e = Make(CKind::kDateDiff, Kind::kNumber, a, s);
    e->fn = fn[0] == 'y' ? Fn::kYears : fn[0] == 'm' ? Fn::kMonths : Fn::kDays;
    for (const auto& arg : a.args) {
      auto v = Node(*arg, s);
      if (!v) return nullptr;
      if (v->type != Kind::kDate) return Fail(s, arg->offset, fn + "() takes dates, not " + KindName(v->type));
      e->element = e->element || v->element;
      e->kids.push_back(std::move(v));
    }
    return e;
  }
  if (fn == "round" || fn == "floor" || fn == "ceil") {
    if (n != 1) return Fail(s, a.offset, fn + "() takes one number or money");
    auto v = Node(*a.args[0], s);
    if (!v) return nullptr;
    if (v->type != Kind::kNumber && v->type != Kind::kMoney) return Fail(s, a.args[0]->offset, fn + "() takes a number or money, not " + KindName(v->type));
    auto e = Make(CKind::kRound, v->type, a, s);
    e->fn = fn == "round" ? Fn::kRound : fn == "floor" ? Fn::kFloor : Fn::kCeil;
    e->element = v->element;
    e->kids.push_back(std::move(v));
    return e;
  }
  if (fn == "date") {
    if (n != 1 || a.args[0]->kind != AstKind::kString) return Fail(s, a.offset, "date() takes one literal string: date(\"2017-03-29\")");
    auto day = ParseDate(a.args[0]->text);
    if (!day) return Fail(s, a.args[0]->offset, "\"" + a.args[0]->text + "\" is not a date (YYYY-MM-DD, a real calendar day)", "bad-date");
    auto e = Make(CKind::kConst, Kind::kDate, a, s);
    e->imm = *day;
    return e;
  }
  return Fail(s, a.offset, "unknown function '" + fn + "' (functions: count, sum, min, max, any, all, years_between, months_between, days_between, round, floor, ceil, date)", "unknown-name");
}

ExpressionChecker::P ExpressionChecker::ListCall(const Ast& a, Scope& s) {
  const std::string& fn = a.text;
  const InputSpec* in = ListInputNamed(*a.args[0]);
  int slot = p_->layout.list_index.at(in->name());
  if (s.in_lambda || !s.elem_var.empty())
    return Fail(s, a.offset, fn + "() over a list cannot be used inside a lambda or a for_each entitlement");
  if (a.args.size() == 1) {
    auto e = Make(CKind::kCount, Kind::kNumber, a, s);
    e->slot = slot;
    return e;
  }
  if (a.args.size() != 2) return Fail(s, a.offset, fn + "() takes a list and one lambda");
  const Ast& lam = *a.args[1];
  if (lam.kind != AstKind::kLambda)
    return Fail(s, lam.offset, "the second argument of " + fn + "() must be a lambda, as in " + fn + "(" + a.args[0]->text + ", x -> ...)");
  Scope inner = s;
  inner.in_lambda = true;
  inner.lambda_var = lam.text;
  inner.lambda_list = slot;
  const PolicyDocument& doc = *p_->doc;
  if (doc.FindInput(lam.text) || doc.FindParameter(lam.text))
    return Fail(s, lam.offset, "the lambda variable '" + lam.text + "' hides a declared name; choose another");
  auto body = Node(*lam.args[0], inner);
  if (!body) return nullptr;
  auto e = Make(CKind::kAggregate, Kind::kNumber, a, s);
  e->slot = slot;
  if (fn == "count" || fn == "any" || fn == "all") {
    if (body->type != Kind::kBool) return Fail(s, lam.args[0]->offset, fn + "() needs a condition (bool) in its lambda, not " + KindName(body->type));
    e->fn = fn == "count" ? Fn::kCountIf : fn == "any" ? Fn::kAny : Fn::kAll;
    e->type = fn == "count" ? Kind::kNumber : Kind::kBool;
  } else {
    bool ok = body->type == Kind::kNumber || body->type == Kind::kMoney || (fn != "sum" && body->type == Kind::kDate);
    if (!ok) return Fail(s, lam.args[0]->offset, fn + "() needs " + (fn == "sum" ? "a number or money" : "a number, money or date") + " in its lambda, not " + KindName(body->type));
    e->fn = fn == "sum" ? Fn::kSum : fn == "min" ? Fn::kMin : Fn::kMax;
    e->type = body->type;
  }
  e->kids.push_back(std::move(body));
  return e;
}

}  // namespace jincai::policy
