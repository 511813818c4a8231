// The audit log's hash chain, independent of any backend: the canonical encoding that
// is hashed, entry validation, and the verifier that walks records in id order and
// names the first broken link. Both backends use it, so both chains are identical.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"
#include "store/store.h"

namespace jincai::store {

// The first record's prev_hash.
inline const std::string kGenesisHash(64, '0');

// SHA-256 of prev_hash followed by each field as "<byte length>:<bytes>\n", in a fixed
// order (id, time, actor, action, object type, object id, before, after). Length
// prefixes make the encoding unambiguous: no two field lists share a byte string.
std::string AuditHash(const std::string& prev_hash, int64_t id, const AuditEntry& e);

// Checks the caller's fields; fills an empty time with now. InvalidArgument if wrong.
Status NormaliseAuditEntry(AuditEntry& e);
// Now as ISO 8601 UTC with milliseconds: "2026-11-28T18:19:22.123Z".
std::string NowIso8601Utc();

// What the store keeps beside the chain, updated in the same transaction as each
// append, so that deleting the last records is detectable too.
struct AuditHead {
  int64_t last_id = 0;
  std::string last_hash = kGenesisHash;
};

// Feed records in id order, then Finish with the head (nullopt when its row is gone).
class AuditChainVerifier {
 public:
  // Returns false once a break is found; later records are then ignored.
  bool Feed(const AuditRecord& r);
  AuditVerdict Finish(const std::optional<AuditHead>& head);

 private:
  bool Break(AuditBreak kind, int64_t id, std::string detail);
  AuditVerdict v_;
  int64_t last_id_ = 0;
  std::string last_hash_ = kGenesisHash;
};

}  // namespace jincai::store
