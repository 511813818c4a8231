// Secrets of accounts, with libsodium: argon2id password hashes, random session and
// CSRF tokens from the system CSPRNG, and the digest under which a token is stored.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace jincai::service {

// Call once before any other function here (libsodium's sodium_init); Internal if the
// library cannot initialise (no entropy source).
Status InitCredentials();

// argon2id with libsodium's interactive limits, in its self-describing string form.
Result<std::string> HashPassword(std::string_view password);
// Constant-time check against a HashPassword() string.
bool VerifyPassword(const std::string& hash, std::string_view password);
// A hash that never verifies, compared against for unknown user names so that the
// answer takes as long as for a wrong password.
const std::string& DecoyPasswordHash();

// 32 random bytes as unpadded base64url (43 characters).
std::string NewToken();
// SHA-256 hex of a token: what the sessions table stores.
std::string TokenDigest(std::string_view token);

// Empty when acceptable, else why not (English, Chinese).
struct PasswordProblem {
  std::string en, zh;
  bool ok() const { return en.empty(); }
};
PasswordProblem CheckNewPassword(std::string_view password, std::string_view username);

}  // namespace jincai::service
