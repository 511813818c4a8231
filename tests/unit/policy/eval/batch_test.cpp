// Tests of BatchLayout (slots from the policy's inputs) and Batch (reset, row copy).
#include "policy/eval/batch.h"

#include <gtest/gtest.h>

namespace jincai::policy {
namespace {

PolicyDocument Policy() {
  PolicyDocument p;
  auto input = [&](std::string name, Kind kind, std::vector<std::string> fields = {}) {
    InputSpec in;
    in.scalar.name = std::move(name);
    in.scalar.kind = kind;
    for (auto& f : fields) {
      FieldSpec fs;
      fs.name = f;
      fs.kind = Kind::kNumber;
      in.fields.push_back(fs);
    }
    p.inputs.push_back(in);
  };
  input("papers", Kind::kNumber);
  input("honors", Kind::kListString);
  input("spouse", Kind::kRecord, {"present", "employed"});
  input("awards", Kind::kListRecord, {"level", "rank"});
  input("birth_date", Kind::kDate);
  return p;
}

TEST(BatchLayout, SlotsFollowTheInputs) {
  const PolicyDocument p = Policy();
  const BatchLayout l = BatchLayout::For(p);
  ASSERT_EQ(l.scalars.size(), 4u);
  EXPECT_EQ(l.scalars[0].name, "papers");
  EXPECT_EQ(l.scalars[0].input, 0);
  EXPECT_EQ(l.scalars[0].spec, &p.inputs[0].scalar);
  EXPECT_EQ(l.scalars[1].name, "spouse.present");
  EXPECT_EQ(l.scalars[1].spec, &p.inputs[2].fields[0]);
  EXPECT_EQ(l.scalars[2].name, "spouse.employed");
  EXPECT_EQ(l.scalars[2].input, 2);
  EXPECT_EQ(l.scalars[3].name, "birth_date");
  EXPECT_EQ(l.scalars[3].input, 4);
  ASSERT_EQ(l.lists.size(), 2u);
  EXPECT_EQ(l.lists[0].name, "honors");
  EXPECT_EQ(l.lists[0].spec, &p.inputs[1]);
  EXPECT_EQ(l.lists[1].name, "awards");
  EXPECT_EQ(l.lists[1].input, 3);
  EXPECT_EQ(l.scalar_index.at("spouse.employed"), 2);
  EXPECT_EQ(l.scalar_index.count("spouse"), 0u);
  EXPECT_EQ(l.list_index.at("awards"), 1);
  EXPECT_EQ(l.ElementWidth(0), 1u);
  EXPECT_EQ(l.ElementWidth(1), 2u);
}

TEST(Batch, ResetShapesForTheLayout) {
  const PolicyDocument p = Policy();
  const BatchLayout l = BatchLayout::For(p);
  Batch b;
  b.Reset(l);
  EXPECT_EQ(b.rows, 0);
  EXPECT_EQ(b.scalars.size(), 4u);
  ASSERT_EQ(b.lists.size(), 2u);
  EXPECT_EQ(b.lists[0].offsets, std::vector<int32_t>{0});
  EXPECT_EQ(b.lists[0].elements.size(), 1u);
  EXPECT_EQ(b.lists[1].elements.size(), 2u);
  b.rows = 1;
  b.ids.push_back("x");
  b.lines.push_back(1);
  b.scalars[0].push_back(5);
  b.lists[1].elements[0].push_back(1);
  b.Reset(l);
  EXPECT_EQ(b.rows, 0);
  EXPECT_TRUE(b.ids.empty());
  EXPECT_TRUE(b.lines.empty());
  EXPECT_TRUE(b.scalars[0].empty());
  EXPECT_TRUE(b.lists[1].elements[0].empty());
}

TEST(Batch, AppendRowCopiesScalarsAndLists) {
  const PolicyDocument p = Policy();
  const BatchLayout l = BatchLayout::For(p);
  Batch src;
  src.Reset(l);
  // Row 0: honors [7], awards [(1,2),(3,4)]; row 1: honors [], awards [(5,6)].
  for (int r = 0; r < 2; ++r) {
    src.ids.push_back("id" + std::to_string(r));
    src.lines.push_back(10 + r);
    for (auto& col : src.scalars) col.push_back(100 * r + 1);
    ++src.rows;
  }
  src.lists[0].elements[0] = {7};
  src.lists[0].parent = {0};
  src.lists[0].offsets = {0, 1, 1};
  src.lists[1].elements = {{1, 3, 5}, {2, 4, 6}};
  src.lists[1].parent = {0, 0, 1};
  src.lists[1].offsets = {0, 2, 3};

  Batch dst;
  dst.Reset(l);
  dst.AppendRow(src, 1);
  dst.AppendRow(src, 0);
  EXPECT_EQ(dst.rows, 2);
  EXPECT_EQ(dst.ids, (std::vector<std::string>{"id1", "id0"}));
  EXPECT_EQ(dst.lines, (std::vector<int64_t>{11, 10}));
  EXPECT_EQ(dst.scalars[2], (std::vector<int64_t>{101, 1}));
  EXPECT_EQ(dst.lists[0].offsets, (std::vector<int32_t>{0, 0, 1}));
  EXPECT_EQ(dst.lists[0].parent, (std::vector<int32_t>{1}));
  EXPECT_EQ(dst.lists[0].elements[0], (std::vector<int64_t>{7}));
  EXPECT_EQ(dst.lists[1].offsets, (std::vector<int32_t>{0, 1, 3}));
  EXPECT_EQ(dst.lists[1].parent, (std::vector<int32_t>{0, 1, 1}));
  EXPECT_EQ(dst.lists[1].elements[0], (std::vector<int64_t>{5, 1, 3}));
  EXPECT_EQ(dst.lists[1].elements[1], (std::vector<int64_t>{6, 2, 4}));
  EXPECT_EQ(dst.lists[1].size(), 3);
}

}  // namespace
}  // namespace jincai::policy
