// jincai import dossiers FILE [--db URL]: stores talents with their dossiers from CSV or
// JSON Lines, all or nothing. Each row gives the identity (document_kind,
// document_number, name, nationality), optionally employer_credit_code, and the
// dossier's inputs (as `policy evaluate` reads them, without the fields the records
// own). Bad rows are listed with line and field, and nothing is stored.
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/store_support.h"
#include "policy/io/csv_scanner.h"
#include "policy/io/dossier_transcode.h"
#include "service/clock.h"
#include "service/dossier_evaluation.h"
#include "service/dossier_import.h"
#include "service/platform.h"

namespace jincai::cli {
namespace {

struct ImportOptions {
  std::string db = kDefaultDbUrl;
  std::string file, format = "auto";
};

const std::set<std::string> kIdentity = {"document_kind", "document_number", "name", "nationality", "employer_credit_code"};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw CommandExit{kExitBadInput, "jincai: cannot read " + path};
  std::string text(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(text.data(), static_cast<std::streamsize>(text.size())))
    throw CommandExit{kExitBadInput, "jincai: cannot read " + path};
  return text;
}

// Rows of a CSV text held in memory, split into cells.
class CsvRows {
 public:
  explicit CsvRows(const std::string& text) : begin_(text.data()), p_(begin_), end_(text.data() + text.size()) {}
  size_t consumed() const { return static_cast<size_t>(p_ - begin_); }
  // False at the end. Throws CommandExit for a quoting error.
  bool Next(std::vector<std::string_view>* cells, int64_t* line) {
    if (p_ >= end_) return false;
    int64_t inner = 0;
    // A row without quotes ends at the next line break (memchr); quoted cells may hold
    // line breaks, so a row with quotes is scanned.
    const char* nl = static_cast<const char*>(std::memchr(p_, '\n', static_cast<size_t>(end_ - p_)));
    const char* stop0 = nl ? nl : end_;
    const bool quoted = std::memchr(p_, '"', static_cast<size_t>(stop0 - p_)) != nullptr;
    if (quoted) {
      policy::io::csv::Scan scan;
      nl = scan.Run(p_, end_, &inner);
    }
    const char* stop = nl ? nl : end_;
    std::string_view row(p_, static_cast<size_t>(stop - p_));
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    *line = line_;
    line_ += 1 + inner;
    p_ = nl ? nl + 1 : end_;
    std::string message;
    size_t column = 0;
    if (!policy::io::csv::SplitRow(row, quoted, cells, &scratch_, &message, &column))
      throw CommandExit{kExitBadInput, "jincai: line " + std::to_string(*line) + ", column " +
                                           std::to_string(column + 1) + ": " + message};
    return true;
  }

 private:
  const char* begin_;
  const char* p_;
  const char* end_;
  int64_t line_ = 1;
  std::string scratch_;
};

void Progress(int64_t rows, size_t done, size_t total) {
  std::fprintf(stderr, "\rimporting: %lld rows (%zu%%)", static_cast<long long>(rows), total ? done * 100 / total : 100);
}

void RunImport(const ImportOptions& o) {
  auto store = OpenStoreOrExit(o.db, /*create=*/true);
  if (auto m = store->Migrate(); !m.ok()) throw CommandExit{kExitBadInput, "jincai: " + m.status().message()};
  service::Platform platform(*store);
  if (auto st = platform.policies.SeedFromFile(ShippedPolicyPath()); !st.ok())
    throw CommandExit{kExitBadInput, "jincai: " + st.message()};
  const int32_t today = service::ShanghaiDay(service::SystemClock()());
  auto policy = platform.policies.InForce(today);
  if (!policy.ok()) throw CommandExit{kExitBadInput, "jincai: " + policy.status().message()};
  const policy::PolicyDocument& doc = (*policy)->compiled->doc();

  const std::string text = ReadAll(o.file);
  bool csv = o.format == "csv" || (o.format == "auto" && o.file.size() > 4 && o.file.ends_with(".csv"));
  if (o.format == "auto" && !csv) {
    size_t first = text.find_first_not_of(" \t\r\n");
    csv = first != std::string::npos && text[first] != '{';
  }
  const bool tty = isatty(2);
  size_t consumed = 0;
  std::function<Result<bool>(service::ImportRecord*)> next;
  std::unique_ptr<CsvRows> rows;
  std::optional<policy::CsvDossierToJson> to_json;
  std::vector<std::string_view> cells;
  std::vector<int> identity_at;
  if (csv) {
    rows = std::make_unique<CsvRows>(text);
    int64_t line = 0;
    if (!rows->Next(&cells, &line)) throw CommandExit{kExitBadInput, "jincai: " + o.file + " is empty"};
    std::vector<std::string> header(cells.begin(), cells.end());
    for (const std::string& h : header)
      for (const std::string& owned : service::RecordOwnedInputs())
        if (h == owned && !kIdentity.count(h))
          throw CommandExit{kExitBadInput, "jincai: " + o.file + ": column '" + h +
                                               "' comes from the employer record: give employer_credit_code instead"};
    auto t = policy::CsvDossierToJson::ForHeader(doc, header, kIdentity);
    if (!t.ok()) throw CommandExit{kExitBadInput, "jincai: " + o.file + ": " + t.status().message()};
    to_json = std::move(*t);
    for (const char* need : {"document_kind", "document_number", "name", "nationality"})
      if (to_json->extra_index(need) < 0)
        throw CommandExit{kExitBadInput, "jincai: " + o.file + ": the header has no column '" + std::string(need) + "'"};
    for (const char* k : {"document_kind", "document_number", "name", "nationality", "employer_credit_code"})
      identity_at.push_back(to_json->extra_index(k));
    next = [&](service::ImportRecord* r) -> Result<bool> {
      if (!rows->Next(&cells, &r->line)) return false;
      auto cell = [&](int i) {
        return i >= 0 && i < static_cast<int>(cells.size()) ? cells[static_cast<size_t>(i)] : std::string_view();
      };
      r->document_kind.assign(cell(identity_at[0]));
      r->document_number.assign(cell(identity_at[1]));
      r->name.assign(cell(identity_at[2]));
      r->nationality.assign(cell(identity_at[3]));
      r->employer_credit_code.assign(cell(identity_at[4]));
      r->dossier_json.clear();
      to_json->Convert(cells, &r->dossier_json);
      return true;
    };
  } else {
    size_t at = 0;
    int64_t line = 0;
    next = [&](service::ImportRecord* r) -> Result<bool> {
      for (;;) {
        if (at >= text.size()) return false;
        size_t nl = text.find('\n', at);
        std::string_view l(text.data() + at, (nl == std::string::npos ? text.size() : nl) - at);
        at = nl == std::string::npos ? text.size() : nl + 1;
        consumed = at;
        ++line;
        if (l.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        r->line = line;
        nlohmann::json j = nlohmann::json::parse(l, nullptr, false);
        if (!j.is_object())
          return Status::InvalidArgument("line " + std::to_string(line) + ": not a JSON object");
        auto take = [&](const char* k) {
          std::string v;
          if (j.contains(k) && j[k].is_string()) v = j[k].get<std::string>();
          j.erase(k);
          return v;
        };
        r->document_kind = take("document_kind");
        r->document_number = take("document_number");
        r->name = take("name");
        r->nationality = take("nationality");
        r->employer_credit_code = take("employer_credit_code");
        for (const std::string& owned : service::RecordOwnedInputs())
          if (j.contains(owned))
            return Status::InvalidArgument("line " + std::to_string(line) + ": field '" + owned +
                                           "' comes from the talent's or employer's record, not the dossier");
        r->dossier_json = j.dump();
        return true;
      }
    };
  }
  service::ImportOptions io;
  if (tty) io.progress = [&](int64_t n) { Progress(n, csv ? rows->consumed() : consumed, text.size()); };
  auto outcome = service::ImportTalents(*store, platform.policies, service::Actor::System(), today, o.file, next, io);
  if (tty) std::fputs("\r\033[K", stderr);
  if (!outcome.ok()) throw CommandExit{kExitBadInput, "jincai: " + o.file + ": " + outcome.status().message()};
  if (outcome->bad_rows) {
    for (const auto& e : outcome->errors) std::fprintf(stderr, "%s: %s\n", o.file.c_str(), e.c_str());
    if (outcome->bad_rows > static_cast<int64_t>(outcome->errors.size()))
      std::fprintf(stderr, "%s: ... and %lld more bad row(s)\n", o.file.c_str(),
                   static_cast<long long>(outcome->bad_rows - static_cast<int64_t>(outcome->errors.size())));
    throw CommandExit{kExitBadInput, "jincai: " + o.file + ": " + std::to_string(outcome->bad_rows) + " bad row(s) of " +
                                         std::to_string(outcome->rows) + "; nothing was imported"};
  }
  std::printf("imported %lld talent(s) from %s\n", static_cast<long long>(outcome->imported), o.file.c_str());
}

}  // namespace

void SetupDossiersImport(CLI::App& import) {
  auto o = std::make_shared<ImportOptions>();
  CLI::App* cmd = import.add_subcommand("dossiers", "Import talents with their dossiers (CSV or JSON Lines), all or nothing");
  cmd->add_option("--db", o->db, kDbFlagHelp);
  cmd->add_option("--format", o->format, "auto (default: by extension, then content), csv or jsonl")
      ->check(CLI::IsMember({"auto", "csv", "jsonl"}));
  cmd->add_option("file", o->file, "The file to import")->required();
  cmd->callback([o] { RunCommand([&] { RunImport(*o); }); });
}

}  // namespace jincai::cli
