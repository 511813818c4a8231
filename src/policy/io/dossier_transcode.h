// One dossier in the two shapes files carry it: a CSV row (inputs flattened in declared
// order: records as "spouse.present", list<string> cells joined with '|', list<record>
// elements joined with '|' and their fields, in declared order, with ':') and a JSON
// object. Used to import and export stored dossiers; values are copied as text and
// checked afterwards by the dossier reader, which names the field that is wrong.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/result.h"
#include "policy/model/policy.h"

namespace jincai::policy {

// The dossier's CSV columns for the policy, in declared order, without `skip`.
std::vector<std::string> DossierCsvColumns(const PolicyDocument& doc, const std::set<std::string>& skip = {});

// Turns CSV rows of a given header into dossier JSON objects.
class CsvDossierToJson {
 public:
  // Every header cell must be a dossier column of the policy or one of `extra`
  // (whose positions extra_index() gives); otherwise InvalidArgument naming it.
  static Result<CsvDossierToJson> ForHeader(const PolicyDocument& doc, const std::vector<std::string>& header,
                                            const std::set<std::string>& extra);
  // Appends the JSON object of the row's dossier cells to *out. Empty cells and cells
  // holding the input's declared default are left out (the reader fills the default
  // in, or reports a required input missing).
  void Convert(const std::vector<std::string_view>& cells, std::string* out) const;
  // Column of an extra header cell, or -1 when the header lacks it.
  int extra_index(const std::string& name) const;

 private:
  struct Column {
    int cell = -1;
    const InputSpec* input = nullptr;
    const FieldSpec* field = nullptr;  // scalar, or the record field for "spouse.present"
  };
  std::vector<Column> columns_;  // in output order; record fields of one input adjacent
  std::map<std::string, int> extras_;
};

// The CSV cells of `columns` (from DossierCsvColumns) for a dossier JSON object;
// absent values are empty cells. InvalidArgument when a value has the wrong shape.
Status DossierJsonToCsvCells(const PolicyDocument& doc, const std::vector<std::string>& columns,
                             const nlohmann::json& dossier, std::vector<std::string>* cells);

// A CSV line from cells: quoted where a cell holds a comma, quote or line break.
std::string CsvLine(const std::vector<std::string>& cells);

}  // namespace jincai::policy
