// The status view written by hand must say exactly what the JSON-tree view says for the
// same row (same keys, order, nulls and escaping), so that the fast route and the full
// one never disagree.
#include <gtest/gtest.h>

#include "http/views.h"

namespace jincai::http {
namespace {

TEST(Views, StatusJsonMatchesTheTreeView) {
  store::ApplicationRow a;
  a.id = 42;
  a.talent_id = 7;
  a.state = "issued";
  a.revision = 5;
  a.created_at = "2026-11-28T10:00:00Z";
  a.updated_at = "2026-11-28T11:00:00Z";
  EXPECT_EQ(ApplicationStatusJson(a), ApplicationJson(a).dump()) << "nulls";
  a.employer_id = 3;
  a.policy_version_id = 1;
  a.submitted_on = "2026-11-29";
  a.tier = "B \"quoted\" \\ 层级\n";
  a.card_expires_on = "2031-11-29";
  EXPECT_EQ(ApplicationStatusJson(a), ApplicationJson(a).dump()) << "values and escapes";
}

}  // namespace
}  // namespace jincai::http
