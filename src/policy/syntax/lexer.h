// Splits an expression into tokens. Keywords (and, or, not, in, if, then, else, true,
// false, CNY) are recognised here; numbers stay text so that they parse exactly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jincai::policy {

enum class Tok {
  kEnd, kNumber, kString, kIdent,
  kLParen, kRParen, kLBracket, kRBracket, kComma, kDot, kArrow,
  kPlus, kMinus, kStar, kSlash, kEq, kNe, kLt, kLe, kGt, kGe,
  kAnd, kOr, kNot, kIn, kIf, kThen, kElse, kTrue, kFalse, kCny,
  kError,
};

struct Token {
  Tok kind = Tok::kEnd;
  size_t offset = 0;
  size_t end = 0;    // offset just past the token in the source
  std::string text;  // identifier, number text, decoded string, or error message
};

// Never fails: a bad character becomes one kError token carrying the message.
std::vector<Token> Lex(std::string_view src);
const char* TokName(Tok t);

}  // namespace jincai::policy
