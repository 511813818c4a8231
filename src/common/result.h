// Errors as values: Status (a code and a message) and Result<T> (a value or a Status).
// Expected failures (bad input, not found, conflict) travel as these, never as exceptions
// across module boundaries; only the CLI/HTTP edge turns them into exit codes or responses.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace jincai {

enum class Code {
  kOk,
  kInvalidArgument,
  kNotFound,
  kConflict,
  kForbidden,
  kUnauthenticated,  // no valid credentials (HTTP 401)
  kTooManyRequests,  // slowed or locked out for a while (HTTP 429)
  kIo,
  kInternal,
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status Conflict(std::string m) { return {Code::kConflict, std::move(m)}; }
  static Status Forbidden(std::string m) { return {Code::kForbidden, std::move(m)}; }
  static Status Unauthenticated(std::string m) { return {Code::kUnauthenticated, std::move(m)}; }
  static Status TooManyRequests(std::string m) { return {Code::kTooManyRequests, std::move(m)}; }
  static Status Io(std::string m) { return {Code::kIo, std::move(m)}; }
  static Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // For errors people see through the platform: the field the error is about
  // ("dossier.birth_date") and the message in Chinese. message() stays English.
  Status Field(std::string field) && { field_ = std::move(field); return std::move(*this); }
  Status Zh(std::string zh) && { message_zh_ = std::move(zh); return std::move(*this); }
  const std::string& field() const { return field_; }
  // The Chinese message, or the English one when none was given.
  const std::string& message_zh() const { return message_zh_.empty() ? message_ : message_zh_; }

 private:
  Code code_ = Code::kOk;
  std::string message_;
  std::string field_;
  std::string message_zh_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }

 private:
  std::variant<T, Status> v_;
};

#define JINCAI_RETURN_IF_ERROR(expr)          \
  do {                                        \
    ::jincai::Status _st = (expr);            \
    if (!_st.ok()) return _st;                \
  } while (0)

}  // namespace jincai
