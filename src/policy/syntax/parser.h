// Parses one expression into an Ast. Syntax errors are reported as (offset, message);
// the caller turns the offset into a file location. Nesting deeper than kMaxDepth is an
// error rather than a stack overflow.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "policy/syntax/ast.h"

namespace jincai::policy {

struct ParseError {
  size_t offset = 0;
  std::string message;
};

struct ParseResult {
  std::unique_ptr<Ast> ast;  // null on error
  ParseError error;
};

constexpr int kMaxDepth = 128;    // recursion of the parser itself
constexpr int kMaxHeight = 512;   // height of the tree, including left-associative chains

ParseResult ParseExpression(std::string_view text);

}  // namespace jincai::policy
