// The parsed expression tree: what the analyst wrote, with no name resolved and no type
// checked. Offsets index the expression text (ExprText), for error carets.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace jincai::policy {

enum class AstKind {
  kNumber,   // value: scaled number
  kMoney,    // value: fen
  kString,   // text
  kBool,     // value 0/1
  kName,     // text: the name
  kField,    // args[0].text
  kUnary,    // op: kNeg or kNot; args[0]
  kBinary,   // op; args[0], args[1]
  kIf,       // args: cond, then, else
  kCall,     // text: function name; args
  kList,     // args: elements (a list literal)
  kLambda,   // text: parameter name; args[0]: body
};

enum class AstOp { kAdd, kSub, kMul, kDiv, kEq, kNe, kLt, kLe, kGt, kGe, kAnd, kOr, kIn, kNotIn, kNeg, kNot };
const char* AstOpText(AstOp op);

struct Ast {
  AstKind kind = AstKind::kNumber;
  AstOp op = AstOp::kAdd;
  size_t offset = 0;  // start of the node in the expression text
  size_t start = std::string::npos;  // set when the node was written in parentheses
  size_t end = 0;     // just past the node's last token
  int depth = 1;      // height of the subtree: later stages recurse this deep
  int64_t value = 0;
  std::string text;
  std::vector<std::unique_ptr<Ast>> args;
};

}  // namespace jincai::policy
