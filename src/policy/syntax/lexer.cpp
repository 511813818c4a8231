// Tokenizer of the expression language. Identifiers are ASCII letters, digits and '_';
// strings are double-quoted UTF-8 with \" \\ \n \t escapes.
#include "policy/syntax/lexer.h"

#include <cctype>

namespace jincai::policy {
namespace {

Tok Keyword(std::string_view w) {
  if (w == "and") return Tok::kAnd;
  if (w == "or") return Tok::kOr;
  if (w == "not") return Tok::kNot;
  if (w == "in") return Tok::kIn;
  if (w == "if") return Tok::kIf;
  if (w == "then") return Tok::kThen;
  if (w == "else") return Tok::kElse;
  if (w == "true") return Tok::kTrue;
  if (w == "false") return Tok::kFalse;
  if (w == "CNY") return Tok::kCny;
  return Tok::kIdent;
}

bool IsIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

const char* TokName(Tok t) {
  switch (t) {
    case Tok::kEnd: return "end of expression";
    case Tok::kNumber: return "number";
    case Tok::kString: return "string";
    case Tok::kIdent: return "name";
    case Tok::kLParen: return "'('";
    case Tok::kRParen: return "')'";
    case Tok::kLBracket: return "'['";
    case Tok::kRBracket: return "']'";
    case Tok::kComma: return "','";
    case Tok::kDot: return "'.'";
    case Tok::kArrow: return "'->'";
    case Tok::kPlus: return "'+'";
    case Tok::kMinus: return "'-'";
    case Tok::kStar: return "'*'";
    case Tok::kSlash: return "'/'";
    case Tok::kEq: return "'=='";
    case Tok::kNe: return "'!='";
    case Tok::kLt: return "'<'";
    case Tok::kLe: return "'<='";
    case Tok::kGt: return "'>'";
    case Tok::kGe: return "'>='";
    case Tok::kAnd: return "'and'";
    case Tok::kOr: return "'or'";
    case Tok::kNot: return "'not'";
    case Tok::kIn: return "'in'";
    case Tok::kIf: return "'if'";
    case Tok::kThen: return "'then'";
    case Tok::kElse: return "'else'";
    case Tok::kTrue: return "'true'";
    case Tok::kFalse: return "'false'";
    case Tok::kCny: return "'CNY'";
    case Tok::kError: return "invalid token";
  }
  return "?";
}

std::vector<Token> Lex(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  auto push = [&](Tok k, size_t at, std::string text = {}) { out.push_back({k, at, 0, std::move(text)}); };
  while (i < s.size()) {
    if (!out.empty() && out.back().end == 0) out.back().end = i;
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { ++i; continue; }
    if (c == '#') {  // comment to end of line
      while (i < s.size() && s[i] != '\n') ++i;
      continue;
    }
    size_t start = i;
    if (IsDigit(c) || (c == '.' && i + 1 < s.size() && IsDigit(s[i + 1]))) {
      while (i < s.size() && (IsDigit(s[i]) || s[i] == '.' || s[i] == '_')) ++i;
      if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        if (j < s.size() && IsDigit(s[j])) {
          i = j;
          while (i < s.size() && IsDigit(s[i])) ++i;
        }
      }
      if (i < s.size() && IsIdentChar(s[i])) {
        while (i < s.size() && IsIdentChar(s[i])) ++i;
        push(Tok::kError, start, "malformed number '" + std::string(s.substr(start, i - start)) + "'");
        return out;
      }
      std::string text;
      for (size_t k = start; k < i; ++k) if (s[k] != '_') text += s[k];
      push(Tok::kNumber, start, text);
      continue;
    }
    if (IsIdentStart(c)) {
      while (i < s.size() && IsIdentChar(s[i])) ++i;
      std::string_view w = s.substr(start, i - start);
      Tok k = Keyword(w);
      push(k, start, std::string(w));
      continue;
    }
    if (c == '"') {
      std::string text;
      ++i;
      bool closed = false;
      while (i < s.size()) {
        char d = s[i];
        if (d == '"') { closed = true; ++i; break; }
        if (d == '\n') break;
        if (d == '\\') {
          if (i + 1 >= s.size()) break;
          char e = s[i + 1];
          if (e == '"' || e == '\\') text += e;
          else if (e == 'n') text += '\n';
          else if (e == 't') text += '\t';
          else {
            push(Tok::kError, i, std::string("unknown escape '\\") + e + "' in string");
            return out;
          }
          i += 2;
          continue;
        }
        text += d;
        ++i;
      }
      if (!closed) {
        push(Tok::kError, start, "unterminated string");
        return out;
      }
      push(Tok::kString, start, std::move(text));
      continue;
    }
    auto two = [&](char a, char b) { return c == a && i + 1 < s.size() && s[i + 1] == b; };
    if (two('-', '>')) { push(Tok::kArrow, i); i += 2; continue; }
    if (two('=', '=')) { push(Tok::kEq, i); i += 2; continue; }
    if (two('!', '=')) { push(Tok::kNe, i); i += 2; continue; }
    if (two('<', '=')) { push(Tok::kLe, i); i += 2; continue; }
    if (two('>', '=')) { push(Tok::kGe, i); i += 2; continue; }
    Tok single = Tok::kError;
    switch (c) {
      case '(': single = Tok::kLParen; break;
      case ')': single = Tok::kRParen; break;
      case '[': single = Tok::kLBracket; break;
      case ']': single = Tok::kRBracket; break;
      case ',': single = Tok::kComma; break;
      case '.': single = Tok::kDot; break;
      case '+': single = Tok::kPlus; break;
      case '-': single = Tok::kMinus; break;
      case '*': single = Tok::kStar; break;
      case '/': single = Tok::kSlash; break;
      case '<': single = Tok::kLt; break;
      case '>': single = Tok::kGt; break;
      default: break;
    }
    if (single == Tok::kError) {
      std::string msg = c == '=' ? "'=' is not an operator; write '==' to compare"
                        : c == '&' ? "write 'and' instead of '&'"
                        : c == '|' ? "write 'or' instead of '|'"
                        : c == '!' ? "write 'not' instead of '!'"
                        : c == '\'' ? "strings use double quotes \"...\""
                        : static_cast<unsigned char>(c) >= 0x80
                            ? "unexpected non-ASCII character (names are ASCII; put text in \"...\")"
                            : std::string("unexpected character '") + c + "'";
      push(Tok::kError, i, msg);
      return out;
    }
    push(single, i);
    ++i;
  }
  if (!out.empty() && out.back().end == 0) out.back().end = i;
  push(Tok::kEnd, s.size());
  out.back().end = s.size();
  return out;
}

}  // namespace jincai::policy
