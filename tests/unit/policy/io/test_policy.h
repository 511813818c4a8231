// Test fixture for the dossier reader tests: a small policy built by hand (no TOML
// loader) covering every input kind, and helpers to write inputs to temporary files.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "policy/eval/batch.h"
#include "policy/io/dossier_reader.h"
#include "policy/model/policy.h"

namespace jincai::policy::testing {

inline FieldSpec Field(std::string name, Kind kind) {
  FieldSpec f;
  f.name = std::move(name);
  f.kind = kind;
  return f;
}

inline InputSpec Input(std::string name, Kind kind) {
  InputSpec in;
  in.scalar = Field(std::move(name), kind);
  return in;
}

// Inputs, in this order (CSV columns follow it in the tests):
//   name string (required); birth_date date (required); papers number >=0 default 0;
//   salary money 0..10000000.00 (required); overseas bool default false;
//   education string in {none,bachelor,master,doctorate} default "none";
//   honors list<string> in {academician,national_talent_program,provincial_talent_program}
//     default []; awards list<record>{level in {national,provincial,municipal}, rank 1..3}
//     default []; spouse record{present bool, employed bool}
//   (both default false); children list<record>{birth_date date, school_stage in {none,primary,junior,senior}
//     default "none"} (required).
inline PolicyDocument TestPolicy() {
  PolicyDocument p;
  p.id = "test";
  p.inputs.push_back(Input("name", Kind::kString));
  p.inputs.push_back(Input("birth_date", Kind::kDate));
  InputSpec papers = Input("papers", Kind::kNumber);
  papers.scalar.min = 0;
  papers.scalar.default_value = 0;
  papers.restricted = true;
  p.inputs.push_back(papers);
  InputSpec salary = Input("salary", Kind::kMoney);
  salary.scalar.min = 0;
  salary.scalar.max = 1'000'000'000;  // 10,000,000.00 yuan in fen
  p.inputs.push_back(salary);
  InputSpec overseas = Input("overseas", Kind::kBool);
  overseas.scalar.default_value = 0;
  p.inputs.push_back(overseas);
  InputSpec education = Input("education", Kind::kString);
  education.scalar.values = {"none", "bachelor", "master", "doctorate"};
  education.scalar.default_string = "none";
  p.inputs.push_back(education);
  InputSpec honors = Input("honors", Kind::kListString);
  honors.scalar.values = {"academician", "national_talent_program", "provincial_talent_program"};
  honors.has_default = true;
  p.inputs.push_back(honors);
  InputSpec awards = Input("awards", Kind::kListRecord);
  FieldSpec level = Field("level", Kind::kString);
  level.values = {"national", "provincial", "municipal"};
  FieldSpec rank = Field("rank", Kind::kNumber);
  rank.min = 1 * kNumberScale;
  rank.max = 3 * kNumberScale;
  awards.fields = {level, rank};
  awards.has_default = true;
  p.inputs.push_back(awards);
  InputSpec spouse = Input("spouse", Kind::kRecord);
  FieldSpec employed = Field("employed", Kind::kBool);
  employed.default_value = 0;
  FieldSpec present = Field("present", Kind::kBool);
  present.default_value = 0;
  spouse.fields = {present, employed};
  p.inputs.push_back(spouse);
  InputSpec children = Input("children", Kind::kListRecord);
  FieldSpec stage = Field("school_stage", Kind::kString);
  stage.values = {"none", "primary", "junior", "senior"};
  stage.default_string = "none";
  children.fields = {Field("birth_date", Kind::kDate), stage};
  p.inputs.push_back(children);
  return p;
}

// The layout's slots, for readable assertions.
struct Slots {
  explicit Slots(const BatchLayout& l)
      : name(l.scalar_index.at("name")), birth_date(l.scalar_index.at("birth_date")),
        papers(l.scalar_index.at("papers")), salary(l.scalar_index.at("salary")),
        overseas(l.scalar_index.at("overseas")), education(l.scalar_index.at("education")),
        spouse_present(l.scalar_index.at("spouse.present")),
        spouse_employed(l.scalar_index.at("spouse.employed")), honors(l.list_index.at("honors")),
        awards(l.list_index.at("awards")), children(l.list_index.at("children")) {}
  int name, birth_date, papers, salary, overseas, education, spouse_present, spouse_employed;
  int honors, awards, children;
};

// A file under the test temp dir holding `text`; removed by the destructor.
class TempFile {
 public:
  TempFile(const std::string& text, const std::string& suffix) {
    static int counter = 0;
    const char* dir = std::getenv("TEST_TMPDIR");
    path_ = std::string(dir ? dir : "/tmp") + "/jincai_reader_" + std::to_string(::getpid()) +
            "_" + std::to_string(counter++) + suffix;
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace jincai::policy::testing
