// What a green card says about its holder, and its CBOR form: the payload that the
// card's envelope signs. Small integer map keys (like CWT claims) keep it compact.
//
// The payload is a CBOR map, written in core deterministic order:
//    1  card id                 text, not empty
//    2  holder name             text, not empty
//    3  holder document digest  bytes, 32: SHA-256 of "kind:nationality:NUMBER"
//    4  nationality             text, ISO 3166-1 alpha-2 in capitals ("CN", "DE")
//    5  tier                    text, not empty
//    6  entitlements            array of maps {1: id (text), 2: clause (text)}, both
//                               not empty; the clause cites the policy ("§3.2 ...")
//    7  issued on               unsigned integer: days since 1970-01-01
//    8  expires on              unsigned integer: days since 1970-01-01, >= issued on
//    9  policy id               text, not empty
//   10  policy version          text, not empty
// Every key is required and no other key is allowed: a new field means a new version
// prefix ("JC2:"), not a silently ignored key. Dates are whole days, not text, because
// they are 3 bytes instead of 11 and compare as numbers; they are calendar days in
// Asia/Shanghai, the office's day (service::ShanghaiDay gives today's). A card is valid
// from the start of its issue day to the end of its expiry day.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace jincai::card {

using DocumentDigest = std::array<uint8_t, 32>;

struct CardEntitlement {
  std::string id;      // "housing_subsidy"
  std::string clause;  // the policy's citation: "《山西省…》第三条第二款"
  bool operator==(const CardEntitlement&) const = default;
};

struct CardPayload {
  std::string card_id;
  std::string holder_name;
  DocumentDigest document_digest{};
  std::string nationality;
  std::string tier;
  std::vector<CardEntitlement> entitlements;
  int32_t issued_on = 0;   // days since 1970-01-01
  int32_t expires_on = 0;  // days since 1970-01-01, the last day the card is valid
  std::string policy_id;
  std::string policy_version;
  bool operator==(const CardPayload&) const = default;
};

// SHA-256 (libsodium) of kind + ":" + nationality + ":" + number, with the number's
// ASCII letters in capitals so that "…002x" and "…002X" agree. The card carries this
// instead of the number: a desk with the document in hand can check that it is the
// holder's. It does not keep the number secret from someone who guesses numbers
// (identity numbers are few enough to enumerate); the card is shown by its holder.
DocumentDigest HolderDocumentDigest(std::string_view kind, std::string_view nationality, std::string_view number);

// Ok when the payload may be issued, else InvalidArgument for the first rule above it
// breaks (and for text that is not UTF-8).
Status CheckCardPayload(const CardPayload& payload);

// The deterministic CBOR bytes. REQUIRES: CheckCardPayload(payload).ok().
std::string EncodeCardPayload(const CardPayload& payload);

// The payload in `cbor`. InvalidArgument (field set to the key's name, message in
// English and Chinese) for CBOR that ParseCbor refuses, a value of the wrong type,
// a missing or unknown key, or a payload that CheckCardPayload refuses.
Result<CardPayload> DecodeCardPayload(std::string_view cbor);

// Days since 1970-01-01 of a proleptic Gregorian date, and back to "YYYY-MM-DD".
int32_t CardDay(int year, int month, int day);
std::string CardDayText(int32_t days);

}  // namespace jincai::card
