// Field conversion and its messages for the dossier readers (see field_codec.h). This is
// on the CSV hot path: no allocation unless a string is new to the pool or a check fails.
#include "policy/io/field_codec.h"

#include <cstdio>
#include <cstring>

namespace jincai::policy::io {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return 0;
  }
  return n;
}

using fast::Head16;

inline uint32_t Load4(const char* p) {
  uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}

// Same length and same first 16 bytes already checked: compare the rest.
inline bool TailEqual(const char* a, const char* b, size_t n) {
  return n <= 16 || std::memcmp(a + 16, b + 16, n - 16) == 0;
}


void AppendHexByte(std::string& out, unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02X", b);
  out += buf;
}

std::string Got(std::string_view text, bool json_number) {
  return json_number ? SanitizeUtf8(text) : Quote(text);
}

std::string FormatLimit(Kind kind, int64_t v) {
  switch (kind) {
    case Kind::kMoney: return FormatMoney(v);
    case Kind::kDate: return FormatDate(static_cast<int32_t>(v));
    default: return FormatNumber(v);
  }
}

// Whether text is a syntactically valid decimal (ParseScaled's grammar), so that a
// failed parse is about decimals or range rather than form.
bool LooksDecimal(std::string_view s, int digits, bool* too_many_decimals) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  const size_t i0 = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == i0) return false;
  int64_t frac = 0, last_nonzero = 0;
  if (i < s.size() && s[i] == '.') {
    const size_t f0 = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      ++frac;
      if (s[i] != '0') last_nonzero = frac;
      ++i;
    }
    if (i == f0) return false;
  }
  int64_t exp = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool neg = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
    const size_t e0 = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (exp < 1'000'000) exp = exp * 10 + (s[i] - '0');
      ++i;
    }
    if (i == e0) return false;
    if (neg) exp = -exp;
  }
  if (i != s.size()) return false;
  *too_many_decimals = last_nonzero - exp > digits;
  return true;
}

bool ConvertDecimal(const FieldPlan& plan, std::string_view text, bool json_number,
                    int64_t* out, std::string* message) {
  const bool money = plan.kind == Kind::kMoney;
  const int digits = money ? 2 : 6;
  if (auto v = ParseScaled(text, digits)) {
    *out = *v;
    return true;
  }
  bool too_many = false;
  if (!LooksDecimal(text, digits, &too_many)) {
    *message = std::string("expected ") + Expectation(plan.kind) + ", got " + Got(text, json_number);
  } else if (too_many) {
    *message = std::string("expected ") + Expectation(plan.kind) + " with at most " +
               std::to_string(digits) + " decimals, got " + Got(text, json_number);
  } else {
    *message = std::string(money ? "amount" : "number") + " out of range: " + Got(text, json_number);
  }
  return false;
}

bool CheckRange(const FieldPlan& plan, int64_t v, std::string* message) {
  const FieldSpec& spec = *plan.spec;
  if (spec.min && v < *spec.min) {
    *message = FormatLimit(plan.kind, v) + " is below the minimum " + FormatLimit(plan.kind, *spec.min);
    return false;
  }
  if (spec.max && v > *spec.max) {
    *message = FormatLimit(plan.kind, v) + " is above the maximum " + FormatLimit(plan.kind, *spec.max);
    return false;
  }
  return true;
}

std::string AllowedList(const FieldPlan& plan) {
  std::string out;
  size_t shown = 0;
  for (const AllowedValue& a : plan.allowed) {
    if (shown == 12) {
      out += ", ... (" + std::to_string(plan.allowed.size()) + " in all)";
      break;
    }
    if (shown++) out += ", ";
    out += a.text;
  }
  return out;
}

}  // namespace

uint64_t HashBytes(const char* p, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xC2B2AE3D27D4EB4Full);
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * 0x94D049BB133111EBull;
    h ^= h >> 29;
  }
  h *= 0xFF51AFD7ED558CCDull;
  return h ^ (h >> 32);
}

FieldPlan MakeFieldPlan(const FieldSpec& spec, Kind kind, StringPool& pool) {
  FieldPlan plan;
  plan.spec = &spec;
  plan.kind = kind;
  for (const std::string& v : spec.values) {
    const int64_t id = pool.Intern(v);
    AllowedValue a;
    a.text = pool.Get(id);
    a.id = id;
    Head16(a.text.data(), a.text.size(), a.head);
    plan.allowed.push_back(a);
  }
  if (kind == Kind::kString && spec.default_string) {
    plan.has_default = true;
    plan.default_value = pool.Intern(*spec.default_string);
  } else if (spec.default_value) {
    plan.has_default = true;
    plan.default_value = *spec.default_value;
  }
  return plan;
}

const char* Expectation(Kind kind) {
  switch (kind) {
    case Kind::kNumber: return "a number";
    case Kind::kMoney: return "an amount in yuan";
    case Kind::kBool: return "true or false";
    case Kind::kDate: return "a date \"YYYY-MM-DD\"";
    case Kind::kString: return "a string";
    case Kind::kListString:
    case Kind::kListRecord: return "a list";
    case Kind::kRecord: return "an object";
  }
  return "a value";
}

bool ConvertScalar(const FieldPlan& plan, std::string_view text, bool json_number,
                   StringCache& strings, int64_t* out, std::string* message) {
  switch (plan.kind) {
    case Kind::kNumber:
    case Kind::kMoney:
      if (!ConvertDecimal(plan, text, json_number, out, message)) return false;
      return CheckRange(plan, *out, message);
    case Kind::kBool: {
      // true/false, also as TRUE/FALSE or True/False (spreadsheets write those).
      if (text.size() == 4) {
        const uint32_t w = Load4(text.data());
        if (w == Load4("true") || w == Load4("True") || w == Load4("TRUE")) {
          *out = 1;
          return true;
        }
      } else if (text.size() == 5) {
        const uint32_t w = Load4(text.data() + 1);
        if ((text[0] == 'f' && w == Load4("alse")) || (text[0] == 'F' && (w == Load4("alse") || w == Load4("ALSE")))) {
          *out = 0;
          return true;
        }
      }
      *message = std::string("expected true or false, got ") + Got(text, json_number);
      return false;
    }
    case Kind::kDate: {
      if (auto d = ParseDate(text)) {
        *out = *d;
        return CheckRange(plan, *out, message);
      }
      bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
      for (size_t i = 0; shaped && i < text.size(); ++i) {
        shaped = i == 4 || i == 7 || (text[i] >= '0' && text[i] <= '9');
      }
      *message = shaped && !json_number
                     ? "no such date: " + Quote(text) + " (expected a real day, years 1000 to 9999)"
                     : std::string("expected ") + Expectation(Kind::kDate) + ", got " +
                           Got(text, json_number);
      return false;
    }
    case Kind::kString: {
      if (!plan.allowed.empty()) {
        uint64_t head[2];
        Head16(text.data(), text.size(), head);
        for (const AllowedValue& a : plan.allowed) {
          if (a.head[0] == head[0] && a.head[1] == head[1] && a.text.size() == text.size() &&
              TailEqual(a.text.data(), text.data(), text.size())) {
            *out = a.id;
            return true;
          }
        }
        *message = Quote(text) + " is not one of the allowed values: " + AllowedList(plan);
        return false;
      }
      const int64_t id = plan.intern ? strings.Intern(text) : (IsValidUtf8(text) ? 0 : -1);
      if (id < 0) {
        *message = "invalid UTF-8 in " + Quote(text);
        return false;
      }
      *out = id;
      return true;
    }
    default:
      *message = std::string("expected ") + Expectation(plan.kind) + ", got " + Got(text, json_number);
      return false;
  }
}

int64_t StringCache::Intern(std::string_view s) {
  const uint64_t h = HashBytes(s.data(), s.size());
  uint64_t head[2];
  Head16(s.data(), s.size(), head);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.data == nullptr) {
      int64_t id = pool_.Find(s);
      if (id < 0) {
        if (!IsValidUtf8(s)) return -1;
        id = pool_.Intern(s);
      }
      if (id > UINT32_MAX || s.size() > UINT32_MAX) return id;  // too big to cache
      const std::string& stored = pool_.Get(id);  // stable: the pool never moves it
      slot.hash = h;
      slot.data = stored.data();
      slot.size = static_cast<uint32_t>(s.size());
      slot.id = static_cast<uint32_t>(id);
      slot.head[0] = head[0];
      slot.head[1] = head[1];
      if (++count_ * 2 > slots_.size()) Rehash(slots_.size() * 2);
      return id;
    }
    if (slot.hash == h && slot.head[0] == head[0] && slot.head[1] == head[1] && slot.size == s.size() &&
        TailEqual(slot.data, s.data(), s.size())) {
      return slot.id;
    }
  }
}

void StringCache::Rehash(size_t capacity) {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(capacity, Slot());
  const size_t mask = capacity - 1;
  for (const Slot& slot : old) {
    if (slot.data == nullptr) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].data != nullptr) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string SanitizeUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      AppendHexByte(out, static_cast<unsigned char>(s[i]));
      ++i;
    } else {
      out.append(s.data() + i, n);
      i += n;
    }
  }
  return out;
}

std::string Quote(std::string_view s) {
  constexpr size_t kMaxShown = 60;
  std::string out = "\"";
  size_t i = 0;
  while (i < s.size()) {
    if (i >= kMaxShown) {
      out += "...";
      break;
    }
    const auto b = static_cast<unsigned char>(s[i]);
    const size_t n = Utf8SequenceLength(s, i);
    if (n == 0) {
      AppendHexByte(out, b);
      ++i;
      continue;
    }
    if (b == '"' || b == '\\') {
      out += '\\';
      out += static_cast<char>(b);
    } else if (b == '\n') {
      out += "\\n";
    } else if (b == '\r') {
      out += "\\r";
    } else if (b == '\t') {
      out += "\\t";
    } else if (b < 0x20 || b == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", b);
      out += buf;
    } else {
      out.append(s.data() + i, n);
    }
    i += n;
  }
  out += '"';
  return out;
}

}  // namespace jincai::policy::io
