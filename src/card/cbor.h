// A small CBOR (RFC 8949) writer and reader for the card: integers, byte and text
// strings, arrays, maps and tags, definite lengths only. The writer produces core
// deterministic encoding (§4.2.1), so the same payload always gives the same bytes;
// the reader accepts only that encoding and only what the card needs, and bounds
// everything by its input.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace jincai::card {

// Appends items to a byte string. Integers and lengths take their shortest form.
// Containers are written as a head with their count, followed by exactly that many
// items (maps: key, value, key, value...) — the writer does not check the count.
// Maps written by hand must have their keys in deterministic order; CborMapWriter
// sorts them for you.
class CborWriter {
 public:
  CborWriter& Uint(uint64_t v);
  CborWriter& Int(int64_t v);
  CborWriter& Bytes(std::string_view b);
  CborWriter& Text(std::string_view t);  // REQUIRES: valid UTF-8 (the reader checks)
  CborWriter& Array(uint64_t count);
  CborWriter& Map(uint64_t pairs);
  CborWriter& Tag(uint64_t tag);
  CborWriter& Raw(std::string_view encoded_item);  // REQUIRES: one well-formed item
  void Reserve(size_t bytes) { out_.reserve(bytes); }

  const std::string& bytes() const { return out_; }
  std::string Release() && { return std::move(out_); }

 private:
  void Head(uint8_t major, uint64_t argument);
  std::string out_;
};

// A map whose entries may be added in any order and are written in core
// deterministic order: by the bytes of their encoded keys. REQUIRES: distinct keys.
class CborMapWriter {
 public:
  // A writer for the value under `key`; write exactly one item into it. The
  // reference stays valid while this map lives (later entries do not move it).
  CborWriter& Entry(int64_t key);
  void WriteTo(CborWriter& out) &&;

 private:
  std::deque<std::pair<std::string, CborWriter>> entries_;
};

enum class CborKind : uint8_t { kUnsigned, kNegative, kBytes, kText, kArray, kMap, kTag };

// One decoded item. Its views point into the parsed input, which must outlive it.
struct CborItem {
  CborKind kind = CborKind::kUnsigned;
  // kUnsigned: the value; kNegative: -1 - the value; kBytes/kText: the length;
  // kArray: the element count; kMap: the pair count; kTag: the tag number.
  uint64_t argument = 0;
  std::string_view content;  // kBytes/kText: the string itself
  std::string_view encoded;  // the whole item as it appears in the input
  size_t offset = 0;         // where the item starts in the input
  // kArray: the elements; kMap: key, value, key, value...; kTag: the tagged item.
  std::vector<CborItem> items;

  // The integer value of a kUnsigned or kNegative item that fits in int64_t.
  std::optional<int64_t> AsInt() const;
  // kMap only: the value under integer key `key`, or nullptr when there is none.
  const CborItem* Find(int64_t key) const;
};

struct CborLimits {
  int max_depth = 16;  // items nested inside more containers (arrays, maps, tags) are refused
  std::span<const uint64_t> allowed_tags;  // tags outside this list are refused
};

// Parses `bytes` as exactly one item. InvalidArgument, naming the byte offset, when
// the input is truncated or has bytes after the item; uses floats, simple values
// (false, true, null), indefinite lengths, reserved forms or a tag not allowed; is
// not core deterministic (an integer or length not in its shortest form, map keys
// out of order or repeated); has a text string that is not UTF-8; or nests deeper
// than limits.max_depth. Never reads outside `bytes`; every length and count is
// checked against the bytes that remain before anything is allocated for it.
Result<CborItem> ParseCbor(std::string_view bytes, const CborLimits& limits = {});

// Whether `text` is UTF-8 as RFC 3629 defines it (no overlong forms, no surrogates,
// nothing above U+10FFFF): what ParseCbor requires of a text string.
bool IsUtf8(std::string_view text);

}  // namespace jincai::card
