// Recursive-descent parser. Grammar, lowest precedence first:
//   expr    := 'if' expr 'then' expr 'else' expr | or
//   or      := and ('or' and)*          and := not ('and' not)*
//   not     := 'not' not | cmp          cmp := add (cmpop add | ['not'] 'in' add)?
//   add     := mul (('+'|'-') mul)*     mul := unary (('*'|'/') unary)*
//   unary   := '-' unary | postfix      postfix := primary ('.' name)*
//   primary := number ['CNY'] | string | true | false | '(' expr ')' | '[' list ']'
//            | name '(' args ')' | name    arg := name '->' expr | expr
#include "policy/syntax/parser.h"

#include <vector>

#include "policy/syntax/lexer.h"
#include "policy/value.h"

namespace jincai::policy {

const char* AstOpText(AstOp op) {
  switch (op) {
    case AstOp::kAdd: return "+";
    case AstOp::kSub: return "-";
    case AstOp::kMul: return "*";
    case AstOp::kDiv: return "/";
    case AstOp::kEq: return "==";
    case AstOp::kNe: return "!=";
    case AstOp::kLt: return "<";
    case AstOp::kLe: return "<=";
    case AstOp::kGt: return ">";
    case AstOp::kGe: return ">=";
    case AstOp::kAnd: return "and";
    case AstOp::kOr: return "or";
    case AstOp::kIn: return "in";
    case AstOp::kNotIn: return "not in";
    case AstOp::kNeg: return "-";
    case AstOp::kNot: return "not";
  }
  return "?";
}

namespace {

class Parser {
 public:
  explicit Parser(std::vector<Token> toks) : t_(std::move(toks)) {}

  ParseResult Run() {
    ParseResult r;
    if (t_.size() == 1 && t_[0].kind == Tok::kEnd) {
      r.error = {0, "empty expression"};
      return r;
    }
    auto e = Expr();
    if (failed_) { r.error = err_; return r; }
    if (Peek().kind == Tok::kError) {
      Fail(Peek().offset, Peek().text);
      r.error = err_;
      return r;
    }
    if (Peek().kind != Tok::kEnd) {
      Fail(Peek().offset, std::string("unexpected ") + Describe(Peek()) + " after the expression");
      r.error = err_;
      return r;
    }
    r.ast = std::move(e);
    return r;
  }

 private:
  using P = std::unique_ptr<Ast>;

  const Token& Peek(size_t k = 0) const { return t_[std::min(pos_ + k, t_.size() - 1)]; }
  const Token& Next() {
    const Token& tok = Peek();
    if (pos_ < t_.size() - 1) ++pos_;
    last_end_ = tok.end;
    return tok;
  }
  bool Accept(Tok k) { if (Peek().kind == k) { Next(); return true; } return false; }

  static std::string Describe(const Token& tok) {
    if (tok.kind == Tok::kIdent) return "name '" + tok.text + "'";
    if (tok.kind == Tok::kNumber) return "number " + tok.text;
    if (tok.kind == Tok::kString) return "string \"" + tok.text + "\"";
    return TokName(tok.kind);
  }

  P Fail(size_t offset, std::string msg) {
    if (!failed_) { failed_ = true; err_ = {offset, std::move(msg)}; }
    return nullptr;
  }
  P Expect(Tok k, const char* where) {
    if (Peek().kind == Tok::kError) return Fail(Peek().offset, Peek().text);
    if (Peek().kind != k)
      return Fail(Peek().offset, std::string("expected ") + TokName(k) + " " + where + ", found " + Describe(Peek()));
    Next();
    return nullptr;
  }

  P Node(AstKind k, size_t off) const {
    auto n = std::make_unique<Ast>();
    n->kind = k;
    n->offset = off;
    n->end = last_end_;  // leaves are made after their token is consumed
    return n;
  }
  // Left-associative chains (1 + 1 + ... + 1) are built by loops, not recursion, so
  // their height is checked here: every later stage recurses over the tree.
  P Binary(AstOp op, P a, P b, size_t off) {
    if (!a || !b) return nullptr;
    int depth = 1 + std::max(a->depth, b->depth);
    if (depth > kMaxHeight) return Fail(off, "expression nested too deeply (more than " + std::to_string(kMaxHeight) + " levels)");
    auto n = Node(AstKind::kBinary, off);
    n->depth = depth;
    n->end = last_end_;
    n->op = op;
    n->args.push_back(std::move(a));
    n->args.push_back(std::move(b));
    return n;
  }

  // Sets the height of a composite node from its children; too high is an error.
  P Height(P n) {
    if (!n) return n;
    n->end = last_end_;
    int h = 0;
    for (const auto& k : n->args) h = std::max(h, k->depth);
    n->depth = h + 1;
    if (n->depth > kMaxHeight) return Fail(n->offset, "expression nested too deeply");
    return n;
  }

  struct DepthGuard {
    Parser* p;
    explicit DepthGuard(Parser* pp) : p(pp) { ++p->depth_; }
    ~DepthGuard() { --p->depth_; }
  };

  P Expr() {
    DepthGuard g(this);
    if (depth_ > kMaxDepth) return Fail(Peek().offset, "expression nested too deeply");
    if (Peek().kind == Tok::kIf) {
      size_t off = Next().offset;
      auto c = Expr(); if (failed_) return nullptr;
      Expect(Tok::kThen, "after the condition of 'if'"); if (failed_) return nullptr;
      auto a = Expr(); if (failed_) return nullptr;
      Expect(Tok::kElse, "in 'if ... then ... else ...'"); if (failed_) return nullptr;
      auto b = Expr(); if (failed_) return nullptr;
      auto n = Node(AstKind::kIf, off);
      n->args.push_back(std::move(c));
      n->args.push_back(std::move(a));
      n->args.push_back(std::move(b));
      return Height(std::move(n));
    }
    return Or();
  }

  P Or() {
    auto a = And(); if (failed_) return nullptr;
    while (Peek().kind == Tok::kOr) {
      size_t off = Next().offset;
      auto b = And(); if (failed_) return nullptr;
      a = Binary(AstOp::kOr, std::move(a), std::move(b), off);
      if (failed_) return nullptr;
    }
    return a;
  }

  P And() {
    auto a = Not(); if (failed_) return nullptr;
    while (Peek().kind == Tok::kAnd) {
      size_t off = Next().offset;
      auto b = Not(); if (failed_) return nullptr;
      a = Binary(AstOp::kAnd, std::move(a), std::move(b), off);
      if (failed_) return nullptr;
    }
    return a;
  }

  P Not() {
    if (Peek().kind == Tok::kNot) {
      DepthGuard g(this);
      if (depth_ > kMaxDepth) return Fail(Peek().offset, "expression nested too deeply");
      size_t off = Next().offset;
      auto a = Not(); if (failed_) return nullptr;
      auto n = Node(AstKind::kUnary, off);
      n->op = AstOp::kNot;
      n->args.push_back(std::move(a));
      return Height(std::move(n));
    }
    return Cmp();
  }

  P Cmp() {
    auto a = Add(); if (failed_) return nullptr;
    AstOp op;
    size_t off = Peek().offset;
    switch (Peek().kind) {
      case Tok::kEq: op = AstOp::kEq; break;
      case Tok::kNe: op = AstOp::kNe; break;
      case Tok::kLt: op = AstOp::kLt; break;
      case Tok::kLe: op = AstOp::kLe; break;
      case Tok::kGt: op = AstOp::kGt; break;
      case Tok::kGe: op = AstOp::kGe; break;
      case Tok::kIn: op = AstOp::kIn; break;
      case Tok::kNot:
        if (Peek(1).kind == Tok::kIn) { Next(); op = AstOp::kNotIn; break; }
        return a;
      default: return a;
    }
    Next();
    auto b = Add(); if (failed_) return nullptr;
    auto n = Binary(op, std::move(a), std::move(b), off);
    if (failed_) return nullptr;
    switch (Peek().kind) {
      case Tok::kEq: case Tok::kNe: case Tok::kLt: case Tok::kLe: case Tok::kGt: case Tok::kGe: case Tok::kIn:
        return Fail(Peek().offset, "comparisons do not chain; join them with 'and'");
      default: break;
    }
    return n;
  }

  P Add() {
    auto a = Mul(); if (failed_) return nullptr;
    while (Peek().kind == Tok::kPlus || Peek().kind == Tok::kMinus) {
      AstOp op = Peek().kind == Tok::kPlus ? AstOp::kAdd : AstOp::kSub;
      size_t off = Next().offset;
      auto b = Mul(); if (failed_) return nullptr;
      a = Binary(op, std::move(a), std::move(b), off);
      if (failed_) return nullptr;
    }
    return a;
  }

  P Mul() {
    auto a = Unary(); if (failed_) return nullptr;
    while (Peek().kind == Tok::kStar || Peek().kind == Tok::kSlash) {
      AstOp op = Peek().kind == Tok::kStar ? AstOp::kMul : AstOp::kDiv;
      size_t off = Next().offset;
      auto b = Unary(); if (failed_) return nullptr;
      a = Binary(op, std::move(a), std::move(b), off);
      if (failed_) return nullptr;
    }
    return a;
  }

  P Unary() {
    if (Peek().kind == Tok::kMinus) {
      DepthGuard g(this);
      if (depth_ > kMaxDepth) return Fail(Peek().offset, "expression nested too deeply");
      size_t off = Next().offset;
      auto a = Unary(); if (failed_) return nullptr;
      auto n = Node(AstKind::kUnary, off);
      n->op = AstOp::kNeg;
      n->args.push_back(std::move(a));
      return Height(std::move(n));
    }
    return Postfix();
  }

  P Postfix() {
    auto a = Primary(); if (failed_) return nullptr;
    while (Peek().kind == Tok::kDot) {
      Next();
      if (Peek().kind != Tok::kIdent) return Fail(Peek().offset, "expected a field name after '.', found " + Describe(Peek()));
      const Token& f = Next();
      auto n = Node(AstKind::kField, f.offset);
      n->text = f.text;
      n->depth = a->depth + 1;
      n->end = last_end_;
      if (n->depth > kMaxHeight) return Fail(f.offset, "expression nested too deeply");
      n->args.push_back(std::move(a));
      a = std::move(n);
    }
    return a;
  }

  P Primary() {
    const Token& tok = Peek();
    switch (tok.kind) {
      case Tok::kNumber: {
        Next();
        bool money = Peek().kind == Tok::kCny;
        auto v = ParseScaled(tok.text, money ? 2 : 6);
        if (!v) {
          return Fail(tok.offset, money ? "money literal '" + tok.text + "' needs at most two decimals and must fit"
                                        : "number '" + tok.text + "' needs at most six decimals and must fit");
        }
        auto n = Node(money ? AstKind::kMoney : AstKind::kNumber, tok.offset);
        n->value = *v;
        if (money) {
          Next();
          n->end = last_end_;
        }
        return n;
      }
      case Tok::kString: {
        Next();
        auto n = Node(AstKind::kString, tok.offset);
        n->text = tok.text;
        return n;
      }
      case Tok::kTrue: case Tok::kFalse: {
        Next();
        auto n = Node(AstKind::kBool, tok.offset);
        n->value = tok.kind == Tok::kTrue;
        return n;
      }
      case Tok::kLParen: {
        size_t open = Next().offset;
        auto e = Expr(); if (failed_) return nullptr;
        Expect(Tok::kRParen, "to close '('"); if (failed_) return nullptr;
        e->start = open;  // its source text keeps the parentheses
        e->end = last_end_;
        return e;
      }
      case Tok::kLBracket: {
        auto n = Node(AstKind::kList, Next().offset);
        if (!Accept(Tok::kRBracket)) {
          do {
            auto e = Expr(); if (failed_) return nullptr;
            n->args.push_back(std::move(e));
          } while (Accept(Tok::kComma));
          Expect(Tok::kRBracket, "to close the list"); if (failed_) return nullptr;
        }
        return Height(std::move(n));
      }
      case Tok::kIdent: {
        Next();
        if (Peek().kind != Tok::kLParen) {
          auto n = Node(AstKind::kName, tok.offset);
          n->text = tok.text;
          return n;
        }
        Next();
        auto n = Node(AstKind::kCall, tok.offset);
        n->text = tok.text;
        if (!Accept(Tok::kRParen)) {
          do {
            if (Peek().kind == Tok::kIdent && Peek(1).kind == Tok::kArrow) {
              const Token& param = Next();
              Next();
              auto body = Expr(); if (failed_) return nullptr;
              auto lam = Node(AstKind::kLambda, param.offset);
              lam->text = param.text;
              lam->args.push_back(std::move(body));
              lam = Height(std::move(lam));
              if (failed_) return nullptr;
              n->args.push_back(std::move(lam));
            } else {
              auto e = Expr(); if (failed_) return nullptr;
              n->args.push_back(std::move(e));
            }
          } while (Accept(Tok::kComma));
          Expect(Tok::kRParen, ("to close the call of " + tok.text + "(").c_str()); if (failed_) return nullptr;
        }
        return Height(std::move(n));
      }
      case Tok::kCny:
        return Fail(tok.offset, "'CNY' must follow a number, as in 5000 CNY");
      case Tok::kError:
        return Fail(tok.offset, tok.text);
      case Tok::kEnd:
        return Fail(tok.offset, "expression ends too early");
      default:
        return Fail(tok.offset, "unexpected " + Describe(tok));
    }
  }

  std::vector<Token> t_;
  size_t pos_ = 0;
  size_t last_end_ = 0;  // end of the last token consumed: where a finished node ends
  int depth_ = 0;
  bool failed_ = false;
  ParseError err_;
};

}  // namespace

ParseResult ParseExpression(std::string_view text) { return Parser(Lex(text)).Run(); }

}  // namespace jincai::policy
