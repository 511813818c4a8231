// The audit chain's encoding, independent of any database: a golden hash pins the
// format (every backend and tests/cli/store_test.sh must produce it), length prefixes
// keep shifted field boundaries apart, and the time format is checked.
#include "store/audit_chain.h"

#include <gtest/gtest.h>

namespace jincai::store {
namespace {

AuditEntry Sample() { return {"officer-1", "application.approve", "application", "A1", "", "", "2026-11-28T10:00:01Z"}; }

TEST(AuditChain, GoldenHashPinsTheFormat) {
  // Changing this value breaks every existing chain: add a new format version instead.
  EXPECT_EQ(AuditHash(kGenesisHash, 1, Sample()), "15d5ad9f7cedd28918b637c32b0431d0080eb363bb25755ebe8cf3fdee8252c8");
}

TEST(AuditChain, FieldBoundariesMatter) {
  AuditEntry a = Sample(), b = Sample();
  a.actor = "ab", a.action = "c";
  b.actor = "a", b.action = "bc";
  EXPECT_NE(AuditHash(kGenesisHash, 1, a), AuditHash(kGenesisHash, 1, b));
  EXPECT_NE(AuditHash(kGenesisHash, 1, Sample()), AuditHash(kGenesisHash, 2, Sample()));
  EXPECT_NE(AuditHash(kGenesisHash, 1, Sample()), AuditHash(std::string(64, '1'), 1, Sample()));
}

TEST(AuditChain, EmptyTimeBecomesNow) {
  AuditEntry e = Sample();
  e.time = "";
  ASSERT_TRUE(NormaliseAuditEntry(e).ok());
  EXPECT_EQ(e.time.size(), 24u);
  EXPECT_EQ(e.time.back(), 'Z');
  EXPECT_EQ(e.time[10], 'T');
}

TEST(AuditChain, TimeShapes) {
  for (std::string t : {"2026-11-28T10:00:01Z", "2026-11-28T10:00:01.5Z", "2026-11-28T10:00:01.123456789Z"}) {
    AuditEntry e = Sample();
    e.time = t;
    EXPECT_TRUE(NormaliseAuditEntry(e).ok()) << t;
  }
  for (std::string t : {"2026-11-28", "2026-11-28T10:00:01", "2026-11-28T10:00:01.Z", "2026-11-28T10:00:01+08:00",
                        "2026-11-28T10:00:01.1234567890Z", "20261128T100001Z"}) {
    AuditEntry e = Sample();
    e.time = t;
    EXPECT_EQ(NormaliseAuditEntry(e).code(), Code::kInvalidArgument) << t;
  }
}

TEST(AuditChain, VerifierWithoutHeadRowReportsIt) {
  AuditChainVerifier v;
  AuditVerdict r = v.Finish(std::nullopt);
  EXPECT_EQ(r.kind, AuditBreak::kHeadMismatch);
  EXPECT_EQ(r.detail, "the audit head record is missing");
}

}  // namespace
}  // namespace jincai::store
