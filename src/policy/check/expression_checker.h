// Types one expression of a policy in a Scope that says which extra names it may use
// (tier, a for_each element, a lambda variable), resolving every name to a slot. The
// first error in an expression stops that expression, to avoid cascades. Used by the
// policy checker (checker.cpp), which owns the formulas' checking state.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "policy/check/checked_policy.h"
#include "policy/syntax/ast.h"

namespace jincai::policy {

// Later stages follow formula references recursively, so chains of formulas using
// formulas are bounded.
constexpr size_t kMaxFormulaChain = 200;

struct Scope {
  const ExprText* text = nullptr;
  std::string what;           // "points of criterion 'x'"
  bool allow_tier = false;
  std::string elem_var;       // for_each element name
  int elem_list = -1;
  std::string lambda_var;
  int lambda_list = -1;
  bool in_lambda = false;
};

// "a, b, c"
std::string JoinNames(const std::vector<std::string>& v);

class ExpressionChecker {
 public:
  // How expressions reach formulas: a formula not yet checked is checked on first
  // use (check_formula); state and stack let a cycle be named when it closes.
  struct Formulas {
    std::vector<int>* state = nullptr;  // 0 unchecked, 1 in progress, 2 done
    std::vector<int>* stack = nullptr;  // formulas being checked, outermost first
    std::function<void(int)> check_formula;
  };

  ExpressionChecker(CheckedPolicy* policy, Diagnostics& diags, Formulas formulas)
      : p_(policy), d_(diags), formulas_(std::move(formulas)) {}

  // Every declared name, for "did you mean" suggestions.
  void set_known_names(std::vector<std::string> names) { all_names_ = std::move(names); }

  // The typed tree, or null after reporting the first error.
  std::unique_ptr<CExpr> Check(const ExprText& text, Scope& s);
  // Check, and require the result to be of kind `want` ("its 'when'" names the slot).
  std::unique_ptr<CExpr> Expect(const ExprText& text, Scope& s, Kind want, const std::string& which);
  void Err(const ExprText& t, size_t offset, std::string msg, const char* code = "type");

 private:
  using P = std::unique_ptr<CExpr>;
  P Fail(const Scope& s, size_t offset, std::string msg, const char* code = "type");
  P Make(CKind k, Kind type, const Ast& a, const Scope& s);
  P Node(const Ast& a, Scope& s);
  P Name(const Ast& a, Scope& s);
  P Field(const Ast& a, Scope& s);
  P Unary(const Ast& a, Scope& s);
  P In(const Ast& a, Scope& s);
  P Binary(const Ast& a, Scope& s);
  P If(const Ast& a, Scope& s);
  P Call(const Ast& a, Scope& s);
  P ListCall(const Ast& a, Scope& s);
  bool CheckValue(const Scope& s, const CExpr& var, const CExpr& lit);
  const InputSpec* ListInputNamed(const Ast& a) const;

  CheckedPolicy* p_;
  Diagnostics& d_;
  Formulas formulas_;
  std::vector<std::string> all_names_;
  bool failed_ = false;
};

}  // namespace jincai::policy
