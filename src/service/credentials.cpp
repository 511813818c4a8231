// libsodium behind the account functions. Hashing is deliberately slow (argon2id,
// interactive limits: about 0.1 s and 64 MiB), so it runs outside store transactions.
#include "service/credentials.h"

#include <sodium.h>

#include "store/sha256.h"

namespace jincai::service {

Status InitCredentials() {
  if (sodium_init() < 0) return Status::Internal("libsodium could not initialise");
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return Status::Internal("out of memory while hashing a password");
  return std::string(out);
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& DecoyPasswordHash() {
  static const std::string kDecoy = [] {
    auto h = HashPassword(NewToken());
    return h.ok() ? *h : std::string();
  }();
  return kDecoy;
}

std::string NewToken() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string TokenDigest(std::string_view token) { return store::Sha256Hex(token); }

PasswordProblem CheckNewPassword(std::string_view password, std::string_view username) {
  if (password.size() < 10) return {"the password must have at least 10 characters", "密码至少需要 10 个字符"};
  if (password.size() > 128) return {"the password may have at most 128 bytes", "密码最多 128 字节"};
  if (password == username) return {"the password may not be the user name", "密码不能与用户名相同"};
  return {};
}

}  // namespace jincai::service
