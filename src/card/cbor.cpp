// The reader is a recursive descent over the input, bounded by CborLimits::max_depth;
// each head is checked for its shortest form as it is read, so an accepted input is
// the only encoding of its value and re-encoding it gives the same bytes.
#include "card/cbor.h"

#include <algorithm>
#include <cassert>

namespace jincai::card {
namespace {

constexpr uint8_t kMajorUnsigned = 0, kMajorNegative = 1, kMajorBytes = 2, kMajorText = 3, kMajorArray = 4,
                  kMajorMap = 5, kMajorTag = 6, kMajorSimple = 7;

Status Bad(size_t at, const std::string& what) {
  return Status::InvalidArgument("CBOR: " + what + " at byte " + std::to_string(at));
}

}  // namespace

bool IsUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<uint8_t>(s[i]);
    if (c < 0x80) { ++i; continue; }
    size_t n;
    uint32_t cp, min;
    if ((c & 0xe0) == 0xc0) { n = 1; cp = c & 0x1f; min = 0x80; }
    else if ((c & 0xf0) == 0xe0) { n = 2; cp = c & 0x0f; min = 0x800; }
    else if ((c & 0xf8) == 0xf0) { n = 3; cp = c & 0x07; min = 0x10000; }
    else return false;
    if (s.size() - i <= n) return false;
    for (size_t k = 1; k <= n; ++k) {
      auto cc = static_cast<uint8_t>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += n + 1;
  }
  return true;
}

namespace {

class Parser {
 public:
  Parser(std::string_view in, const CborLimits& limits) : in_(in), limits_(limits) {}

  Status Document(CborItem& root) {
    JINCAI_RETURN_IF_ERROR(Item(root, 0));
    if (pos_ != in_.size())
      return Bad(pos_, std::to_string(in_.size() - pos_) + (in_.size() - pos_ == 1 ? " byte follows" : " bytes follow") +
                           " the item that should be the whole input");
    return Status::Ok();
  }

 private:
  size_t Remaining() const { return in_.size() - pos_; }

  Status Head(uint8_t& major, uint64_t& argument) {
    const size_t start = pos_;
    if (pos_ >= in_.size()) return Bad(start, "the input ends where an item should start");
    const auto initial = static_cast<uint8_t>(in_[pos_++]);
    major = initial >> 5;
    const uint8_t info = initial & 31;
    if (major == kMajorSimple) {
      if (info >= 25 && info <= 27) return Bad(start, "a floating-point number is not accepted");
      if (info == 31) return Bad(start, "a break (0xFF) outside an indefinite-length item is not accepted");
      return Bad(start, "a simple value (false, true, null, undefined or other) is not accepted");
    }
    if (info == 31) {
      if (major >= kMajorBytes && major <= kMajorMap) return Bad(start, "an indefinite-length item is not accepted");
      return Bad(start, "additional information 31 is not valid for major type " + std::to_string(major));
    }
    if (info >= 28) return Bad(start, "reserved additional information " + std::to_string(info) + " is not valid");
    if (info < 24) {
      argument = info;
      return Status::Ok();
    }
    const size_t n = size_t{1} << (info - 24);
    if (Remaining() < n)
      return Bad(start, "the input ends inside the head of an item (" + std::to_string(n) + " argument bytes needed, " +
                            std::to_string(Remaining()) + " remain)");
    argument = 0;
    for (size_t k = 0; k < n; ++k) argument = (argument << 8) | static_cast<uint8_t>(in_[pos_++]);
    static constexpr uint64_t kShorterBelow[4] = {24, 0x100, 0x10000, 0x100000000};
    if (argument < kShorterBelow[info - 24])
      return Bad(start, "the value " + std::to_string(argument) + " is not in its shortest form (not deterministic)");
    return Status::Ok();
  }

  Status Item(CborItem& out, int depth) {
    const size_t start = pos_;
    if (depth > limits_.max_depth)
      return Bad(start, "items nest deeper than " + std::to_string(limits_.max_depth) + " levels");
    uint8_t major;
    uint64_t arg;
    JINCAI_RETURN_IF_ERROR(Head(major, arg));
    out.offset = start;
    out.argument = arg;
    switch (major) {
      case kMajorUnsigned: out.kind = CborKind::kUnsigned; break;
      case kMajorNegative: out.kind = CborKind::kNegative; break;
      case kMajorBytes:
      case kMajorText:
        out.kind = major == kMajorBytes ? CborKind::kBytes : CborKind::kText;
        if (arg > Remaining())
          return Bad(start, "a string of " + std::to_string(arg) + " bytes is longer than the " +
                                std::to_string(Remaining()) + " bytes that remain");
        out.content = in_.substr(pos_, static_cast<size_t>(arg));
        pos_ += static_cast<size_t>(arg);
        if (major == kMajorText && !IsUtf8(out.content)) return Bad(start, "a text string is not valid UTF-8");
        break;
      case kMajorArray:
      case kMajorMap: {
        out.kind = major == kMajorArray ? CborKind::kArray : CborKind::kMap;
        // Every item takes at least one byte: a larger count cannot be true, and
        // checking it first keeps the reservation below bounded by the input.
        const uint64_t per = major == kMajorArray ? 1 : 2;
        if (arg > Remaining() / per)
          return Bad(start, std::string(major == kMajorArray ? "an array of " : "a map of ") + std::to_string(arg) +
                                (major == kMajorArray ? " elements" : " pairs") + " cannot fit in the " +
                                std::to_string(Remaining()) + " bytes that remain");
        const auto count = static_cast<size_t>(arg * per);
        out.items.resize(count);
        for (size_t k = 0; k < count; ++k) {
          JINCAI_RETURN_IF_ERROR(Item(out.items[k], depth + 1));
          if (major == kMajorMap && k % 2 == 0 && k >= 2 && out.items[k].encoded <= out.items[k - 2].encoded)
            return Bad(out.items[k].offset, out.items[k].encoded == out.items[k - 2].encoded
                                                ? "a map key is repeated"
                                                : "map keys are not in deterministic (bytewise) order");
        }
        break;
      }
      case kMajorTag: {
        out.kind = CborKind::kTag;
        const auto& tags = limits_.allowed_tags;
        if (std::find(tags.begin(), tags.end(), arg) == tags.end())
          return Bad(start, "tag " + std::to_string(arg) + " is not accepted here");
        out.items.resize(1);
        JINCAI_RETURN_IF_ERROR(Item(out.items[0], depth + 1));
        break;
      }
    }
    out.encoded = in_.substr(start, pos_ - start);
    return Status::Ok();
  }

  std::string_view in_;
  const CborLimits& limits_;
  size_t pos_ = 0;
};

}  // namespace

void CborWriter::Head(uint8_t major, uint64_t argument) {
  const auto m = static_cast<char>(major << 5);
  if (argument < 24) {
    out_ += static_cast<char>(m | static_cast<char>(argument));
    return;
  }
  int n = argument <= 0xff ? 1 : argument <= 0xffff ? 2 : argument <= 0xffffffff ? 4 : 8;
  out_ += static_cast<char>(m | static_cast<char>(n == 1 ? 24 : n == 2 ? 25 : n == 4 ? 26 : 27));
  for (int k = n - 1; k >= 0; --k) out_ += static_cast<char>((argument >> (8 * k)) & 0xff);
}

CborWriter& CborWriter::Uint(uint64_t v) {
  Head(kMajorUnsigned, v);
  return *this;
}

CborWriter& CborWriter::Int(int64_t v) {
  if (v >= 0) Head(kMajorUnsigned, static_cast<uint64_t>(v));
  else Head(kMajorNegative, static_cast<uint64_t>(-(v + 1)));  // -1 - v, without overflow at INT64_MIN
  return *this;
}

CborWriter& CborWriter::Bytes(std::string_view b) {
  Head(kMajorBytes, b.size());
  out_ += b;
  return *this;
}

CborWriter& CborWriter::Text(std::string_view t) {
  Head(kMajorText, t.size());
  out_ += t;
  return *this;
}

CborWriter& CborWriter::Array(uint64_t count) {
  Head(kMajorArray, count);
  return *this;
}

CborWriter& CborWriter::Map(uint64_t pairs) {
  Head(kMajorMap, pairs);
  return *this;
}

CborWriter& CborWriter::Tag(uint64_t tag) {
  Head(kMajorTag, tag);
  return *this;
}

CborWriter& CborWriter::Raw(std::string_view encoded_item) {
  out_ += encoded_item;
  return *this;
}

CborWriter& CborMapWriter::Entry(int64_t key) {
  CborWriter k;
  k.Int(key);
  entries_.emplace_back(std::move(k).Release(), CborWriter{});
  return entries_.back().second;
}

void CborMapWriter::WriteTo(CborWriter& out) && {
  std::sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  assert(std::adjacent_find(entries_.begin(), entries_.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }) == entries_.end());
  out.Map(entries_.size());
  for (const auto& [key, value] : entries_) out.Raw(key).Raw(value.bytes());
}

std::optional<int64_t> CborItem::AsInt() const {
  constexpr auto kMax = static_cast<uint64_t>(INT64_MAX);
  if (kind == CborKind::kUnsigned && argument <= kMax) return static_cast<int64_t>(argument);
  if (kind == CborKind::kNegative && argument <= kMax) return -1 - static_cast<int64_t>(argument);
  return std::nullopt;
}

const CborItem* CborItem::Find(int64_t key) const {
  if (kind != CborKind::kMap) return nullptr;
  for (size_t k = 0; k + 1 < items.size(); k += 2)
    if (items[k].AsInt() == key) return &items[k + 1];
  return nullptr;
}

Result<CborItem> ParseCbor(std::string_view bytes, const CborLimits& limits) {
  CborItem root;
  JINCAI_RETURN_IF_ERROR(Parser(bytes, limits).Document(root));
  return root;
}

}  // namespace jincai::card
