// The SAX handler that turns one JSON object into a record: keys are matched against the
// policy's inputs, each value is converted where it lands, and errors name the path
// ("awards[1].rank"). Also AppendJsonRecord, the one-object entry point.
#include "policy/io/json_record.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "policy/io/json_fast.h"

namespace jincai::policy {
namespace io {

namespace {

struct Token {
  enum Type { kNull, kBool, kNumber, kString, kObject, kArray } type;
  std::string_view text;  // number's raw text, or the string
  bool b = false;
};

std::string Describe(const Token& t) {
  switch (t.type) {
    case Token::kNull: return "null";
    case Token::kBool: return t.b ? "true" : "false";
    case Token::kNumber: return std::string(t.text);
    case Token::kString: return Quote(t.text);
    case Token::kObject: return "an object";
    case Token::kArray: return "a list";
  }
  return "a value";
}

class Handler {
 public:
  Handler(const JsonNames& names, RecordBuilder& b)
      : names_(names), b_(b), record_seen_(names.records.size()) {}

  bool syntax_error = false;
  size_t error_offset = 0;

  bool null() { return Value({Token::kNull, {}}); }
  bool boolean(bool v) { return Value({Token::kBool, {}, v}); }
  bool number_integer(int64_t v) { return Integer(v); }
  bool number_unsigned(uint64_t v) { return Integer(v); }
  bool number_float(double, const std::string& raw) { return Value({Token::kNumber, raw}); }
  bool string(std::string& s) { return Value({Token::kString, s}); }
  // The entry points of FastJson (views into the text, or into its scratch).
  bool NumberValue(std::string_view raw) { return Value({Token::kNumber, raw}); }
  bool StringValue(std::string_view s) { return Value({Token::kString, s}); }
  bool binary(nlohmann::json::binary_t&) { return false; }  // not produced by JSON text
  bool start_object(size_t) { return Open({Token::kObject, {}}); }
  bool start_array(size_t) { return Open({Token::kArray, {}}); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }
  bool key(std::string& k) { return Key(k); }
  bool Key(std::string_view k) { return KeyImpl(k); }  // also FastJson's entry point
  bool parse_error(size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 9: MESSAGE", or
    // "[json.exception.out_of_range.406] MESSAGE": keep MESSAGE.
    if (what.rfind("[json.exception.", 0) == 0) {
      if (size_t close = what.find("] "); close != std::string::npos) what = what.substr(close + 2);
    }
    if (what.rfind("parse error", 0) == 0) {
      if (size_t col = what.find(", column "); col != std::string::npos) {
        if (size_t colon = what.find(": ", col); colon != std::string::npos) {
          what = what.substr(colon + 2);
        }
      }
    }
    syntax_error = true;
    error_offset = position > 0 ? position - 1 : 0;
    b_.Fail("", "invalid JSON: " + SanitizeUtf8(what), /*override=*/true);
    return false;
  }

 private:
  enum FrameType { kTop, kRecord, kListString, kListRecord, kElement, kSkip };
  struct Frame {
    FrameType type;
    int index = -1;       // record index or list slot
    int64_t count = 0;    // lists: elements so far; kElement: its index
  };
  enum TargetType { kNone, kId, kScalar, kRecordInput, kList, kElementField, kIgnore };
  struct Target {
    TargetType type = kNone;
    int index = -1;       // scalar slot, record index, list slot
    size_t col = 0;       // element field
  };

  template <typename T>
  bool Integer(T v) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return Value({Token::kNumber, std::string_view(buf, static_cast<size_t>(r.ptr - buf))});
  }

  // The path a message names for the pending target.
  std::string TargetPath() const {
    switch (target_.type) {
      case kId: return "id";
      case kScalar: return b_.layout().scalars[target_.index].name;
      case kRecordInput: return names_.records[target_.index].name;
      case kList: return b_.layout().lists[target_.index].name;
      case kElementField: {
        const Frame& f = frames_.back();
        return b_.ElementPath(f.index, f.count) + "." +
               b_.layout().lists[f.index].spec->fields[target_.col].name;
      }
      default: return "";
    }
  }

  void Mismatch(const std::string& path, const char* expected, const Token& got) {
    b_.Fail(path, std::string("expected ") + expected + ", got " + Describe(got));
  }

  // Converts a scalar token for a field of kind plan.kind, or reports the mismatch.
  // `path` is called only on failure (building it costs an allocation).
  template <typename PathFn>
  bool ConvertToken(const FieldPlan& plan, const Token& t, PathFn path, int64_t* out) {
    const bool numeric = plan.kind == Kind::kNumber || plan.kind == Kind::kMoney;
    const bool textual = plan.kind == Kind::kString || plan.kind == Kind::kDate;
    if (plan.kind == Kind::kBool && t.type == Token::kBool) {
      *out = t.b ? 1 : 0;
      return true;
    }
    if ((numeric && t.type == Token::kNumber) || (textual && t.type == Token::kString)) {
      if (fast::Convert(plan, t.text, b_.strings(), out)) return true;
      std::string message;
      if (ConvertScalar(plan, t.text, t.type == Token::kNumber, b_.strings(), out, &message)) return true;
      b_.Fail(path(), std::move(message));
      return false;
    }
    Mismatch(path(), Expectation(plan.kind), t);
    return false;
  }

  bool Value(const Token& t) {
    if (frames_.empty()) {
      Mismatch("", "a JSON object", t);
      return true;
    }
    Frame& f = frames_.back();
    switch (f.type) {
      case kSkip: return true;
      case kListString: {
        const int64_t index = f.count++;
        if (b_.failed()) return true;
        int64_t v;
        const int slot = f.index;
        if (ConvertToken(b_.element_plan(slot, 0), t, [&] { return b_.ElementPath(slot, index); }, &v)) {
          b_.AppendString(f.index, v);
        }
        return true;
      }
      case kListRecord: {
        const int64_t index = f.count++;
        Mismatch(b_.ElementPath(f.index, index), "an object", t);
        return true;
      }
      default: break;
    }
    const Target target = target_;
    target_ = Target();
    if (target.type == kId) {
      if (t.type != Token::kString) {
        Mismatch("id", "a string", t);
      } else {
        b_.SetId(t.text);
        if (t.text.empty()) b_.Fail("id", "must not be empty");
      }
      return true;
    }
    if (b_.failed()) return true;
    int64_t v;
    switch (target.type) {
      case kScalar:
      case kElementField: {
        const auto path = [&] {
          target_ = target;
          std::string p = TargetPath();
          target_ = Target();
          return p;
        };
        if (target.type == kScalar) {
          if (ConvertToken(b_.scalar_plan(target.index), t, path, &v)) b_.SetScalar(target.index, v);
        } else if (ConvertToken(b_.element_plan(f.index, target.col), t, path, &v)) {
          b_.SetElementField(f.index, target.col, v);
        }
        break;
      }
      case kRecordInput: Mismatch(names_.records[target.index].name, "an object", t); break;
      case kList: Mismatch(b_.layout().lists[target.index].name, "a list", t); break;
      default: break;
    }
    return true;
  }

  bool Open(const Token& t) {
    const bool object = t.type == Token::kObject;
    if (frames_.empty()) {
      if (object) {
        frames_.push_back({kTop});
      } else {
        Mismatch("", "a JSON object", t);
        frames_.push_back({kSkip});
      }
      return true;
    }
    Frame& f = frames_.back();
    if (f.type == kSkip) {
      frames_.push_back({kSkip});
      return true;
    }
    if (f.type == kListString) {
      const int64_t index = f.count++;
      Mismatch(b_.ElementPath(f.index, index), "a string", t);
      frames_.push_back({kSkip});
      return true;
    }
    if (f.type == kListRecord) {
      const int64_t index = f.count++;
      if (!object) {
        Mismatch(b_.ElementPath(f.index, index), "an object", t);
        frames_.push_back({kSkip});
      } else if (b_.failed()) {
        frames_.push_back({kSkip});
      } else {
        b_.BeginElement(f.index);
        frames_.push_back({kElement, f.index, index});
      }
      return true;
    }
    const Target target = target_;
    const auto path = [&] {
      target_ = target;
      std::string p = TargetPath();
      target_ = Target();
      return p;
    };
    target_ = Target();
    if (b_.failed() && target.type != kIgnore) {
      frames_.push_back({kSkip});
      return true;
    }
    switch (target.type) {
      case kRecordInput:
        if (object) {
          frames_.push_back({kRecord, target.index});
          return true;
        }
        Mismatch(path(), "an object", t);
        break;
      case kList:
        if (!object) {
          b_.StartList(target.index);
          const bool strings = b_.layout().lists[target.index].spec->kind() == Kind::kListString;
          frames_.push_back({strings ? kListString : kListRecord, target.index});
          return true;
        }
        Mismatch(path(), "a list", t);
        break;
      case kId: Mismatch(path(), "a string", t); break;
      case kScalar: Mismatch(path(), Expectation(b_.scalar_plan(target.index).kind), t); break;
      case kElementField:
        Mismatch(path(), Expectation(b_.element_plan(f.index, target.col).kind), t);
        break;
      default: break;
    }
    frames_.push_back({kSkip});
    return true;
  }

  bool Close() {
    const Frame f = frames_.back();
    frames_.pop_back();
    if (f.type == kElement && !b_.failed()) b_.EndElement(f.index);
    return true;
  }

  bool KeyImpl(std::string_view k) {
    Frame& f = frames_.back();
    target_ = Target();
    if (f.type == kSkip) return true;
    if (f.type == kTop && k == "id") {
      if (b_.id_set()) b_.Fail("id", "field 'id' appears twice");
      target_.type = kId;
      return true;
    }
    if (b_.failed()) {
      target_.type = kIgnore;
      return true;
    }
    bool duplicate = false;
    std::string path;
    if (f.type == kTop) {
      const int* top = names_.top.Find(k);
      if (!top) {
        const std::string name(k);
        b_.Fail(name, "unknown field '" + name + "' (the policy declares no such input)");
        target_.type = kIgnore;
        return true;
      }
      const JsonNames::Top& entry = names_.tops[static_cast<size_t>(*top)];
      target_.index = entry.index;
      switch (entry.type) {
        case JsonNames::Top::kScalar:
          target_.type = kScalar;
          duplicate = b_.scalar_set(target_.index);
          break;
        case JsonNames::Top::kRecord:
          target_.type = kRecordInput;
          duplicate = record_seen_[target_.index];
          record_seen_[target_.index] = 1;
          break;
        case JsonNames::Top::kList:
          target_.type = kList;
          duplicate = b_.list_set(target_.index);
          break;
      }
    } else if (f.type == kRecord) {
      const auto& record = names_.records[f.index];
      const int* slot = record.fields.Find(k);
      if (!slot) {
        path = record.name + "." + std::string(k);
        b_.Fail(path, "unknown field '" + path + "' (the record '" + record.name +
                          "' has no such field)");
        target_.type = kIgnore;
        return true;
      }
      target_ = {kScalar, *slot};
      duplicate = b_.scalar_set(*slot);
    } else if (f.type == kElement) {
      const int* col = names_.element_fields[f.index].Find(k);
      if (!col) {
        path = b_.ElementPath(f.index, f.count) + "." + std::string(k);
        b_.Fail(path, "unknown field '" + path + "' (the elements of '" +
                          b_.layout().lists[f.index].name + "' have no such field)");
        target_.type = kIgnore;
        return true;
      }
      target_ = {kElementField, -1, static_cast<size_t>(*col)};
      duplicate = b_.element_field_set(f.index, target_.col);
    }
    if (duplicate) {
      path = TargetPath();
      b_.Fail(path, "field '" + path + "' appears twice");
      target_.type = kIgnore;
    }
    return true;
  }

  const JsonNames& names_;
  RecordBuilder& b_;
  std::vector<Frame> frames_;
  Target target_;
  std::vector<uint8_t> record_seen_;
};

}  // namespace

bool ParseJsonRecord(std::string_view text, const JsonNames& names, RecordBuilder& b,
                     size_t* error_offset, bool use_fast) {
  if (use_fast) {
    Handler h(names, b);
    if (FastJson<Handler>(text, h).Parse()) return true;
  }
  // Not plain enough for the fast parser: start the record again with nlohmann, whose
  // verdict (and messages) decide.
  b.Restart();
  Handler h(names, b);
  nlohmann::json::sax_parse(text.begin(), text.end(), &h, nlohmann::json::input_format_t::json,
                            /*strict=*/true, /*ignore_comments=*/false);
  if (h.syntax_error && error_offset) *error_offset = h.error_offset;
  return !h.syntax_error;
}

}  // namespace io

struct JsonRecordAppender::State {
  State(const BatchLayout& l, StringPool& pool) : layout(l), builder(l, pool), names(io::JsonNames::For(l)) {}
  const BatchLayout& layout;
  io::RecordBuilder builder;
  io::JsonNames names;
};

JsonRecordAppender::JsonRecordAppender(const BatchLayout& layout, StringPool& pool)
    : state_(std::make_unique<State>(layout, pool)) {}

JsonRecordAppender::~JsonRecordAppender() = default;

Status JsonRecordAppender::Append(std::string_view json_object, int64_t line, Batch& out) {
  const BatchLayout& layout = state_->layout;
  if (out.scalars.size() != layout.scalars.size() || out.lists.size() != layout.lists.size()) {
    if (out.rows != 0) return Status::Internal("AppendJsonRecord: batch has another layout");
    out.Reset(layout);
  }
  io::RecordBuilder& b = state_->builder;
  b.Begin(line);
  size_t offset = 0;
  const bool parsed = io::ParseJsonRecord(json_object, state_->names, b, &offset);
  if (!parsed || !b.Commit(out)) {
    RecordError e = b.TakeError();
    if (!parsed) {
      for (size_t i = 0; i < offset && i < json_object.size(); ++i) e.line += json_object[i] == '\n';
    }
    return Status::InvalidArgument(e.Render());
  }
  return Status::Ok();
}

Status AppendJsonRecord(std::string_view json_object, int64_t line, const BatchLayout& layout, StringPool& pool,
                        Batch& out) {
  return JsonRecordAppender(layout, pool).Append(json_object, line, out);
}

}  // namespace jincai::policy
