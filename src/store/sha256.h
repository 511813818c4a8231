// SHA-256 (FIPS 180-4), for the audit log's hash chain and the digests of objects
// before and after a change. Ours because no crypto library is linked yet; when
// libsodium arrives (cards), this can become a thin wrapper over crypto_hash_sha256.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace jincai::store {

// Incremental hashing: Update() any number of times, then Final() once.
class Sha256 {
 public:
  Sha256();
  void Update(std::string_view data);
  std::array<uint8_t, 32> Final();
  // Final() as 64 lowercase hex characters.
  std::string FinalHex();

 private:
  void Block(const uint8_t* p);
  std::array<uint32_t, 8> h_;
  std::array<uint8_t, 64> buf_{};
  size_t used_ = 0;
  uint64_t total_ = 0;
};

// The digest of `data` as 64 lowercase hex characters.
std::string Sha256Hex(std::string_view data);

}  // namespace jincai::store
