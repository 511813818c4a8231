// The hash chain's encoding and verification. The verifier checks, per record, the
// sequence first (a gap is a deletion), then the link, then the contents, so that a
// deletion is not misreported as the next record's wrong link.
#include "store/audit_chain.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "store/sha256.h"

namespace jincai::store {
namespace {

void AddField(Sha256& s, std::string_view v) {
  s.Update(std::to_string(v.size()));
  s.Update(":");
  s.Update(v);
  s.Update("\n");
}

bool IsHexDigest(const std::string& d) {
  if (d.size() != 64) return false;
  for (char c : d)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// YYYY-MM-DDTHH:MM:SS, an optional fraction of 1-9 digits, then Z. Only UTC, so that
// records sort and compare as text.
bool IsIsoUtc(const std::string& t) {
  static const char kShape[] = "dddd-dd-ddTdd:dd:dd";
  if (t.size() < 20 || t.back() != 'Z') return false;
  for (size_t i = 0; i < 19; ++i) {
    bool digit = t[i] >= '0' && t[i] <= '9';
    if (kShape[i] == 'd' ? !digit : t[i] != kShape[i]) return false;
  }
  size_t frac = t.size() - 20;
  if (frac == 0) return true;
  if (t[19] != '.' || frac < 2 || frac > 10) return false;
  for (size_t i = 20; i + 1 < t.size(); ++i)
    if (t[i] < '0' || t[i] > '9') return false;
  return true;
}

}  // namespace

const char* AuditBreakName(AuditBreak b) {
  switch (b) {
    case AuditBreak::kNone: return "ok";
    case AuditBreak::kEdited: return "edited";
    case AuditBreak::kMissing: return "missing";
    case AuditBreak::kWrongPrevHash: return "wrong previous hash";
    case AuditBreak::kHeadMismatch: return "head mismatch";
  }
  return "?";
}

std::string AuditHash(const std::string& prev_hash, int64_t id, const AuditEntry& e) {
  Sha256 s;
  s.Update(prev_hash);
  AddField(s, std::to_string(id));
  for (const std::string* f : {&e.time, &e.actor, &e.action, &e.object_type, &e.object_id, &e.before_digest,
                               &e.after_digest})
    AddField(s, *f);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (uint8_t b : s.Final()) hex += {kHex[b >> 4], kHex[b & 15]};
  return hex;
}

std::string NowIso8601Utc() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[80];  // roomy enough that -Wformat-truncation can prove it fits
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

Status NormaliseAuditEntry(AuditEntry& e) {
  if (e.actor.empty()) return Status::InvalidArgument("audit entry has no actor");
  if (e.action.empty()) return Status::InvalidArgument("audit entry has no action");
  if (e.object_type.empty()) return Status::InvalidArgument("audit entry has no object type");
  for (const std::string* d : {&e.before_digest, &e.after_digest})
    if (!d->empty() && !IsHexDigest(*d))
      return Status::InvalidArgument("audit digest must be empty or 64 lowercase hex characters: \"" + *d + "\"");
  if (e.time.empty()) e.time = NowIso8601Utc();
  if (!IsIsoUtc(e.time))
    return Status::InvalidArgument("audit time must be ISO 8601 UTC like 2026-11-28T18:19:22Z: \"" + e.time + "\"");
  return Status::Ok();
}

bool AuditChainVerifier::Break(AuditBreak kind, int64_t id, std::string detail) {
  v_.kind = kind;
  v_.broken_id = id;
  v_.detail = std::move(detail);
  return false;
}

bool AuditChainVerifier::Feed(const AuditRecord& r) {
  if (!v_.ok()) return false;
  const int64_t expected = last_id_ + 1;
  if (r.id != expected) {
    return Break(AuditBreak::kMissing, expected,
                 r.id == expected + 1 ? "record " + std::to_string(expected) + " is missing"
                                      : "records " + std::to_string(expected) + " to " + std::to_string(r.id - 1) +
                                            " are missing");
  }
  if (r.prev_hash != last_hash_)
    return Break(AuditBreak::kWrongPrevHash, r.id,
                 "record " + std::to_string(r.id) + " does not chain to record " + std::to_string(last_id_));
  if (AuditHash(r.prev_hash, r.id, r.entry) != r.hash)
    return Break(AuditBreak::kEdited, r.id, "record " + std::to_string(r.id) + " was edited: its hash does not match its fields");
  last_id_ = r.id;
  last_hash_ = r.hash;
  ++v_.records;
  return true;
}

AuditVerdict AuditChainVerifier::Finish(const std::optional<AuditHead>& head) {
  if (v_.ok()) {
    if (!head) {
      Break(AuditBreak::kHeadMismatch, last_id_ + 1, "the audit head record is missing");
    } else if (head->last_id > last_id_) {
      Break(AuditBreak::kMissing, last_id_ + 1,
            head->last_id == last_id_ + 1
                ? "record " + std::to_string(head->last_id) + " (the last) is missing"
                : "records " + std::to_string(last_id_ + 1) + " to " + std::to_string(head->last_id) + " (the last) are missing");
    } else if (head->last_id < last_id_ || head->last_hash != last_hash_) {
      Break(AuditBreak::kHeadMismatch, std::max<int64_t>(head->last_id < last_id_ ? head->last_id + 1 : last_id_, 1),
            "the audit head (record " + std::to_string(head->last_id) + ") does not match the last record (" +
                std::to_string(last_id_) + ")");
    }
  }
  v_.head_hash = last_hash_;
  return v_;
}

}  // namespace jincai::store
