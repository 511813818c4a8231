// The card's signed envelope: a COSE_Sign1 structure (RFC 9052 §4.2) with EdDSA
// (Ed25519), the signer's key id and a digest of the payload in the protected header:
//   18([ bstr .cbor {1: -8, 4: kid, -70000: SHA-256(payload)}, {}, payload, signature ])
// The signature covers the Sig_structure ["Signature1", protected, h'', payload]. The
// digest (under a private-use label) lets a verifier tell a payload changed after
// signing from a signature that is simply wrong; card_codec.h gives the rule.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace jincai::card {

inline constexpr uint64_t kCoseSign1Tag = 18;
inline constexpr int64_t kCoseHeaderAlg = 1;
inline constexpr int64_t kCoseHeaderKeyId = 4;
inline constexpr int64_t kCoseHeaderPayloadDigest = -70000;  // private use (RFC 9052 §16.4: < -65536)
inline constexpr int64_t kCoseAlgEdDSA = -8;
inline constexpr size_t kMaxKeyIdBytes = 64;

using PayloadDigest = std::array<uint8_t, 32>;

// SHA-256 of the payload bytes, as the protected header carries it.
PayloadDigest DigestOfPayload(std::string_view payload);

// The encoded protected header map. REQUIRES: 1 <= key_id.size() <= kMaxKeyIdBytes.
std::string EncodeProtectedHeader(std::string_view key_id, const PayloadDigest& digest);

// The bytes the signature covers: the CBOR of ["Signature1", protected_header, h'',
// payload] (RFC 9052 §4.4, with no external data).
std::string SigStructure(std::string_view protected_header, std::string_view payload);

// The tagged COSE_Sign1 array with an empty unprotected header.
std::string EncodeCoseSign1(std::string_view protected_header, std::string_view payload, std::string_view signature);

// A parsed envelope: views into the bytes given to ParseCoseSign1.
struct CoseSign1 {
  std::string_view protected_header;  // the encoded protected map, as signed
  std::string_view payload;
  std::string_view signature;         // any length: checking it is the verifier's job
  std::string_view key_id;
  std::string_view payload_digest;    // 32 bytes
};

// InvalidArgument (English and Chinese) when `bytes` is not CBOR (ParseCbor's rules),
// not a tag-18 array of four (bstr, empty map, bstr, bstr), or its protected header is
// not exactly {1: -8, 4: kid of 1 to 64 bytes, -70000: 32 bytes} — an algorithm other
// than EdDSA is named in the message.
Result<CoseSign1> ParseCoseSign1(std::string_view bytes);

}  // namespace jincai::card
