// TOML values of a policy tests file turned into what the engine reads: the dossier as
// JSON text, overrides as OverrideParameter text, expectations as scaled integers.
#include "policy/analysis/test_values.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "policy/value.h"

namespace jincai::policy {
namespace {

void AppendJsonString(std::string_view s, std::string& out) {
  out.push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

// Shortest text that reads back as the same double: 0.8 stays "0.8", not 0.80000000000000004.
std::string DoubleText(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::string("nan");
}

}  // namespace

int TomlLine(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

std::string TomlDateText(const toml::date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

bool TomlToJson(const toml::node& n, std::string& out, std::string& err, int& err_line) {
  if (auto* s = n.as_string()) { AppendJsonString(s->get(), out); return true; }
  if (auto* i = n.as_integer()) { out += std::to_string(i->get()); return true; }
  if (auto* b = n.as_boolean()) { out += b->get() ? "true" : "false"; return true; }
  if (auto* d = n.as_date()) { out += "\"" + TomlDateText(d->get()) + "\""; return true; }
  if (auto* f = n.as_floating_point()) {
    if (!std::isfinite(f->get())) { err = "a dossier number must be finite"; err_line = TomlLine(n); return false; }
    out += DoubleText(f->get());
    return true;
  }
  if (auto* a = n.as_array()) {
    out.push_back('[');
    for (size_t k = 0; k < a->size(); ++k) {
      if (k) out.push_back(',');
      if (!TomlToJson(*a->get(k), out, err, err_line)) return false;
    }
    out.push_back(']');
    return true;
  }
  if (auto* t = n.as_table()) {
    out.push_back('{');
    bool first = true;
    for (auto&& [k, v] : *t) {
      if (!first) out.push_back(',');
      first = false;
      AppendJsonString(k.str(), out);
      out.push_back(':');
      if (!TomlToJson(v, out, err, err_line)) return false;
    }
    out.push_back('}');
    return true;
  }
  err = "dossier dates are written YYYY-MM-DD, without a time";
  err_line = TomlLine(n);
  return false;
}

std::optional<std::string> TomlOverrideText(const toml::node& n) {
  if (auto* s = n.as_string()) return s->get();
  if (auto* i = n.as_integer()) return std::to_string(i->get());
  if (auto* b = n.as_boolean()) return std::string(b->get() ? "true" : "false");
  if (auto* d = n.as_date()) return TomlDateText(d->get());
  if (auto* f = n.as_floating_point()) if (std::isfinite(f->get())) return DoubleText(f->get());
  return std::nullopt;
}

std::optional<int64_t> TomlScaled(const toml::node& n, int digits) {
  if (auto* i = n.as_integer()) {
    __int128 x = static_cast<__int128>(i->get()) * (digits == 2 ? kFenPerYuan : kNumberScale);
    if (x > INT64_MAX || x < INT64_MIN) return std::nullopt;
    return static_cast<int64_t>(x);
  }
  if (auto* f = n.as_floating_point()) return ScaledFromDouble(f->get(), digits);
  if (auto* s = n.as_string()) return ParseScaled(s->get(), digits);
  return std::nullopt;
}

}  // namespace jincai::policy
