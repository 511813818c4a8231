// Random damage to a valid card never crashes the verifier and never passes: edits
// of the text (mostly stopped by Base45 and zlib's checksum) and edits of the
// envelope bytes beneath the compression (which reach the CBOR reader, the envelope,
// the payload and the signature check).
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "card/card_codec.h"
#include "card_fixture.h"

namespace jincai::card {
namespace {

using testing::kKeyId;
using testing::SampleKeys;
using testing::SamplePayload;
using testing::TrustOnly;

constexpr std::string_view kCharacters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:a=\n\xff";

std::string Mutate(std::string s, std::mt19937& rng, auto random_char) {
  const size_t at = s.empty() ? 0 : rng() % s.size();
  switch (rng() % 3) {
    case 0: if (!s.empty()) s[at] = random_char(); break;
    case 1: s.insert(s.begin() + static_cast<std::ptrdiff_t>(rng() % (s.size() + 1)), random_char()); break;
    default: if (!s.empty()) s.erase(at, 1); break;
  }
  return s;
}

class CardMutation : public ::testing::Test {
 protected:
  CardKeyPair keys_ = SampleKeys();
  CardTrust trust_ = TrustOnly(kKeyId, keys_.public_key);
  std::string text_ = EncodeCard(SamplePayload(), kKeyId, keys_.secret_key).value();
  const int32_t today_ = CardDay(2027, 6, 1);
};

TEST_F(CardMutation, TextEditsNeverPass) {
  std::mt19937 rng(2026);
  const std::string envelope = UnwrapCardText(text_).value();
  std::map<std::string_view, int> seen;
  for (int i = 0; i < 4000; ++i) {
    std::string bad = text_;
    for (int edits = 1 + static_cast<int>(rng() % 3); edits > 0; --edits)
      bad = Mutate(bad, rng, [&] { return kCharacters[rng() % kCharacters.size()]; });
    if (bad == text_) continue;
    const CardVerdict v = VerifyCard(bad, trust_, today_);
    ++seen[CardVerdictName(v.kind)];
    if (v.SignatureVerified()) {
      // Possible only when the edit changed nothing that is read: the padding bits
      // after deflate's last block. Then the envelope is the signed one, unchanged.
      Result<std::string> read = UnwrapCardText(bad);
      ASSERT_TRUE(read.ok() && *read == envelope) << "a changed card passed: " << bad;
    }
  }
  EXPECT_GT(seen["malformed"], 3000);
  for (const auto& [name, count] : seen) ::testing::Test::RecordProperty(std::string(name), count);
}

TEST_F(CardMutation, EnvelopeEditsNeverPass) {
  std::mt19937 rng(9052);
  const std::string envelope = UnwrapCardText(text_).value();
  std::map<std::string_view, int> seen;
  for (int i = 0; i < 4000; ++i) {
    std::string bad = envelope;
    for (int edits = 1 + static_cast<int>(rng() % 2); edits > 0; --edits) {
      if (rng() % 2) {
        bad[rng() % bad.size()] ^= static_cast<char>(1u << (rng() % 8));
      } else {
        bad = Mutate(bad, rng, [&] { return static_cast<char>(rng()); });
      }
    }
    if (bad == envelope) continue;
    const CardVerdict v = VerifyCard(WrapCardEnvelope(bad), trust_, today_);
    ++seen[CardVerdictName(v.kind)];
    ASSERT_FALSE(v.SignatureVerified()) << CardVerdictName(v.kind) << ": " << v.reason;
  }
  // The damage lands in every layer: the structure, the payload, the signature.
  EXPECT_GT(seen["malformed"], 0);
  EXPECT_GT(seen["altered_payload"], 0);
  EXPECT_GT(seen["bad_signature"], 0);
  for (const auto& [name, count] : seen) ::testing::Test::RecordProperty(std::string(name), count);
}

}  // namespace
}  // namespace jincai::card
