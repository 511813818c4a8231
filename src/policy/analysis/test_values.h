// TOML values of a policy tests file turned into what the engine reads: the dossier as
// JSON text for AppendJsonRecord, overrides as OverrideParameter text, expected points
// and amounts as scaled integers. Numbers never lose digits on the way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <toml++/toml.h>

namespace jincai::policy {

// The 1-based line where a node starts.
int TomlLine(const toml::node& n);
// "YYYY-MM-DD".
std::string TomlDateText(const toml::date& d);

// Appends `n` as JSON: dates become "YYYY-MM-DD" strings, integers are written as is,
// floats in their shortest round-trip form (12000.50 -> 12000.5), arrays and tables
// recursively. Returns false, with a message and the line, for a time, a date-time, NaN
// or an infinity, which no dossier field can hold.
bool TomlToJson(const toml::node& n, std::string& out, std::string& err, int& err_line);

// The text OverrideParameter parses for a number, string, boolean or date; nullopt for
// anything else.
std::optional<std::string> TomlOverrideText(const toml::node& n);

// An expected number (digits = 6) or money amount in yuan (digits = 2), given as a TOML
// integer, float or decimal string, in its scaled encoding; nullopt when it has more
// decimals than that or does not fit.
std::optional<int64_t> TomlScaled(const toml::node& n, int digits);

}  // namespace jincai::policy
