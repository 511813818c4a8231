// jincai card verify TEXT|FILE (--trust-list FILE | --keys DIR) [--date D]: verifies a
// card offline against published public keys. TEXT is the card's text (JC1:...), or a
// file holding it, or a PNG/JPEG photo of its QR code (read with zbarimg, from the
// zbar-tools package). Prints the verdict and its reason; exit 0 only when valid.
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "card/key_ring.h"
#include "cli/cli_support.h"
#include "cli/commands.h"

namespace jincai::cli {
namespace {

struct VerifyCardOptions {
  std::string input, trust_list, keys, date;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CommandExit{kExitBadInput, "jincai: cannot read " + path};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The text of the QR code in an image, by zbarimg; empty when none is found.
std::string QrFromImage(const std::string& path) {
  std::string cmd = "zbarimg --quiet --raw -Sdisable -Sqrcode.enable '";
  for (char c : path) cmd += c == '\'' ? std::string("'\\''") : std::string(1, c);
  cmd += "' 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) throw CommandExit{kExitBadInput, "jincai: cannot run zbarimg (install zbar-tools)"};
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

void RunCardVerify(const VerifyCardOptions& o) {
  card::CardTrust trust;
  if (!o.keys.empty()) {
    auto ring = card::KeyRing::Open(o.keys);
    if (!ring.ok()) throw CommandExit{kExitBadInput, "jincai: " + ring.status().message()};
    trust = ring->Trust();
  } else {
    auto keys = card::ParseTrustList(ReadFile(o.trust_list));
    if (!keys.ok()) throw CommandExit{kExitBadInput, "jincai: " + o.trust_list + ": " + keys.status().message()};
    trust = [keys = *keys](std::string_view kid) -> std::optional<card::CardPublicKey> {
      auto it = keys.find(std::string(kid));
      if (it == keys.end()) return std::nullopt;
      return it->second;
    };
  }
  std::string text = o.input;
  if (!text.starts_with("JC") && std::ifstream(o.input).good()) {
    bool image = o.input.ends_with(".png") || o.input.ends_with(".jpg") || o.input.ends_with(".jpeg");
    text = image ? QrFromImage(o.input) : ReadFile(o.input);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (image && text.empty()) throw CommandExit{kExitBadInput, "malformed: no QR code found in " + o.input};
  }
  card::CardVerdict v = card::VerifyCard(text, trust, DateOrToday(o.date));
  std::printf("%s: %s\n", std::string(card::CardVerdictName(v.kind)).c_str(), v.reason.c_str());
  if (v.payload && v.SignatureVerified())
    std::printf("card %s, %s (%s), tier %s, valid %s to %s\n", v.payload->card_id.c_str(), v.payload->holder_name.c_str(),
                v.payload->nationality.c_str(), v.payload->tier.c_str(), card::CardDayText(v.payload->issued_on).c_str(),
                card::CardDayText(v.payload->expires_on).c_str());
  if (!v.valid()) throw CommandExit{kExitBadInput, ""};
}

}  // namespace

void SetupCardVerify(CLI::App& card) {
  auto o = std::make_shared<VerifyCardOptions>();
  CLI::App* cmd = card.add_subcommand("verify", "Verify a card offline: its text, a file, or a photo of its QR code");
  cmd->add_option("input", o->input, "The card's text (JC1:...), a file holding it, or a PNG/JPEG of its QR code")
      ->required();
  auto* tl = cmd->add_option("--trust-list", o->trust_list, "The published trust list (GET /api/v1/trust-list)");
  auto* k = cmd->add_option("--keys", o->keys, "A key directory instead of a trust list");
  tl->excludes(k);
  cmd->add_option("--date", o->date, "Verify as of this day YYYY-MM-DD (default: today, Asia/Shanghai)");
  cmd->callback([o] {
    RunCommand([&] {
      if (o->trust_list.empty() && o->keys.empty())
        throw CommandExit{kExitUsage, "jincai: give --trust-list FILE or --keys DIR"};
      RunCardVerify(*o);
    });
  });
}

}  // namespace jincai::cli
