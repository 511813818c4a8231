// The key ring on disk (see key_ring.h). Files are created with O_EXCL and mode 0600,
// so a key is never briefly readable by others, and never overwritten.
#include "card/key_ring.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace jincai::card {
namespace {

namespace fs = std::filesystem;

std::string Hex(const uint8_t* p, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

bool FromHex(const std::string& text, uint8_t* out, size_t n) {
  size_t len = 0;
  return sodium_hex2bin(out, n, text.data(), text.size(), nullptr, &len, nullptr) == 0 && len == n;
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

Status WriteNew(const fs::path& p, const std::string& text, mode_t mode) {
  int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL, mode);
  if (fd < 0) return Status::Io("cannot create " + p.string() + ": " + std::strerror(errno));
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Status::Io("cannot write " + p.string());
  return Status::Ok();
}

// kYYYYMMDD-xxxx: the day it was made and 4 random hex digits.
std::string NewKeyId() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char day[16];
  std::strftime(day, sizeof day, "%Y%m%d", &tm);
  uint8_t r[2];
  randombytes_buf(r, sizeof r);
  return std::string("k") + day + "-" + Hex(r, 2);
}

Status AddKey(const std::string& dir) {
  if (sodium_init() < 0) return Status::Internal("libsodium could not initialise");
  std::array<uint8_t, 32> seed;
  randombytes_buf(seed.data(), seed.size());
  std::string kid = NewKeyId();
  JINCAI_RETURN_IF_ERROR(WriteNew(fs::path(dir) / (kid + ".key"), Hex(seed.data(), seed.size()) + "\n", 0600));
  sodium_memzero(seed.data(), seed.size());
  // `current` is replaced atomically: write aside, then rename over.
  fs::path tmp = fs::path(dir) / ("current.tmp-" + kid);
  JINCAI_RETURN_IF_ERROR(WriteNew(tmp, kid + "\n", 0600));
  std::error_code ec;
  fs::rename(tmp, fs::path(dir) / "current", ec);
  if (ec) return Status::Io("cannot update " + dir + "/current: " + ec.message());
  return Status::Ok();
}

}  // namespace

Result<KeyRing> KeyRing::Open(const std::string& dir) {
  if (sodium_init() < 0) return Status::Internal("libsodium could not initialise");
  KeyRing ring;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const fs::path& p = entry.path();
    if (p.extension() != ".key" || !entry.is_regular_file()) continue;
    struct stat st;
    if (::stat(p.c_str(), &st) != 0) return Status::Io("cannot stat " + p.string());
    if (st.st_mode & 077) {
      char mode[8];
      std::snprintf(mode, sizeof mode, "%04o", st.st_mode & 07777);
      return Status::InvalidArgument("signing key " + p.string() + " is open to other users (mode " + mode +
                                     "): run chmod 600 on it");
    }
    std::array<uint8_t, 32> seed;
    if (!FromHex(Slurp(p), seed.data(), seed.size()))
      return Status::InvalidArgument("signing key " + p.string() + " is not 64 hex characters");
    std::string kid = p.stem().string();
    ring.keys_[kid] = RingKey{kid, CardKeyPairFromSeed(seed)};
    sodium_memzero(seed.data(), seed.size());
  }
  if (ec) return Status::NotFound("no key directory " + dir + ": run `jincai keys generate --dir " + dir + "`");
  if (ring.keys_.empty()) return Status::NotFound("no signing key in " + dir + ": run `jincai keys generate --dir " + dir + "`");
  ring.current_ = Slurp(fs::path(dir) / "current");
  if (!ring.keys_.count(ring.current_))
    return Status::InvalidArgument(dir + "/current names no key of the ring ('" + ring.current_ + "')");
  return ring;
}

Result<KeyRing> KeyRing::Generate(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::Io("cannot create " + dir + ": " + ec.message());
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".key") return Status::Conflict(dir + " has keys already: use `jincai keys rotate`");
  JINCAI_RETURN_IF_ERROR(AddKey(dir));
  return Open(dir);
}

Result<KeyRing> KeyRing::Rotate(const std::string& dir) {
  auto ring = Open(dir);
  if (!ring.ok()) return ring.status();
  JINCAI_RETURN_IF_ERROR(AddKey(dir));
  return Open(dir);
}

CardTrust KeyRing::Trust() const {
  std::map<std::string, CardPublicKey, std::less<>> keys;
  for (const auto& [kid, k] : keys_) keys[kid] = k.pair.public_key;
  return [keys](std::string_view kid) -> std::optional<CardPublicKey> {
    auto it = keys.find(kid);
    if (it == keys.end()) return std::nullopt;
    return it->second;
  };
}

std::string KeyRing::TrustListJson() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [kid, k] : keys_)
    list.push_back({{"kid", kid},
                    {"alg", "EdDSA"},
                    {"public_key", Hex(k.pair.public_key.data(), k.pair.public_key.size())},
                    {"current", kid == current_}});
  return nlohmann::json{{"keys", list}}.dump();
}

Result<std::map<std::string, CardPublicKey>> ParseTrustList(const std::string& text) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (!doc.is_object() || !doc.contains("keys") || !doc["keys"].is_array())
    return Status::InvalidArgument("a trust list is {\"keys\": [{\"kid\": ..., \"public_key\": HEX}, ...]}");
  std::map<std::string, CardPublicKey> out;
  for (const auto& k : doc["keys"]) {
    if (!k.is_object() || !k.contains("kid") || !k["kid"].is_string() || !k.contains("public_key") ||
        !k["public_key"].is_string())
      return Status::InvalidArgument("a trust list key needs \"kid\" and \"public_key\" strings");
    CardPublicKey pk;
    if (!FromHex(k["public_key"].get<std::string>(), pk.data(), pk.size()))
      return Status::InvalidArgument("trust list key " + k["kid"].get<std::string>() + ": public_key is not 64 hex characters");
    out[k["kid"].get<std::string>()] = pk;
  }
  return out;
}

}  // namespace jincai::card
