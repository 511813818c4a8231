// Helpers for the file-level reader tests: open a reader on some text and collect the
// ids and lines of every row it yields, or the error that stopped it.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_policy.h"

namespace jincai::policy::testing {

struct ReadOutcome {
  std::vector<std::string> ids;
  std::vector<int64_t> lines;
  std::string error;                  // "" when the whole input was read
  std::vector<std::string> skipped;   // rendered on_skip reports
  int64_t records_skipped = 0;
};

class ReaderTest : public ::testing::Test {
 protected:
  ReaderTest() : policy_(TestPolicy()), layout_(BatchLayout::For(policy_)), s_(layout_) {}

  ReadOutcome ReadFile(const std::string& path, ReaderOptions options = {}, int32_t max_rows = 1000) {
    ReadOutcome out;
    options.on_skip = [&out](const RecordError& e) { out.skipped.push_back(e.Render()); };
    auto reader = DossierReader::Open(path, layout_, pool_, options);
    if (!reader.ok()) {
      out.error = reader.status().message();
      return out;
    }
    for (;;) {
      auto n = (*reader)->Next(batch_, max_rows);
      if (!n.ok()) {
        out.error = n.status().message();
        break;
      }
      EXPECT_EQ(*n, batch_.rows);
      if (*n == 0) break;
      EXPECT_LE(*n, max_rows);
      out.ids.insert(out.ids.end(), batch_.ids.begin(), batch_.ids.end());
      out.lines.insert(out.lines.end(), batch_.lines.begin(), batch_.lines.end());
    }
    out.records_skipped = (*reader)->records_skipped();
    return out;
  }

  ReadOutcome Read(const std::string& text, const std::string& suffix, ReaderOptions options = {},
                   int32_t max_rows = 1000) {
    TempFile file(text, suffix);
    return ReadFile(file.path(), std::move(options), max_rows);
  }

  static ReaderOptions Skip() {
    ReaderOptions o;
    o.skip_invalid = true;
    return o;
  }

  PolicyDocument policy_;
  BatchLayout layout_;
  Slots s_;
  StringPool pool_;
  Batch batch_;
};

}  // namespace jincai::policy::testing
