// jincai policy coverage FILE [--source TEXT] [--format table|json] [--strict]: which
// sentences of the source text no citation covers, and which citations quote what the
// source does not say (errors, exit 1). Uncovered sentences exit 1 only with --strict.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "policy/analysis/coverage.h"
#include "policy/model/policy_loader.h"

namespace jincai::cli {
namespace {

struct CoverageOptions {
  std::string file, source, format = "table";
  bool strict = false;
};

std::string Para(int n) { return "\xC2\xB6" + std::to_string(n); }

std::string TableReport(const std::string& file, const std::string& source, const policy::CoverageReport& r) {
  std::string out = file + ": coverage of " + source + " (" + std::to_string(r.paragraphs) + " paragraphs, " +
                    std::to_string(r.sentences.size()) + " sentences)\n";
  const int provisions = r.covered + r.uncovered;
  const int percent = provisions == 0 ? 100 : static_cast<int>(100LL * r.covered / provisions);
  out += "  covered: " + std::to_string(r.covered) + ", uncovered: " + std::to_string(r.uncovered) +
         ", set aside: " + std::to_string(r.set_aside_sentences) + " (" + std::to_string(percent) +
         "% of provisions covered)\n";
  out += "  citations not matching the source: " + std::to_string(r.problems.size()) + "\n";
  if (r.uncovered > 0) {
    out += "\nUncovered sentences (\xC2\xB6paragraph.sentence):\n";
    for (const auto& s : r.sentences)
      if (!s.covered && !s.set_aside) out += "  " + Para(s.para) + "." + std::to_string(s.index) + "  " + s.text + "\n";
  }
  if (!r.set_aside.empty()) {
    out += "\nSet aside ([coverage] not_provisions):\n";
    for (const auto& a : r.set_aside) out += "  " + Para(a.para) + "  " + a.why + "\n";
  }
  return out;
}

std::string JsonReport(const std::string& file, const std::string& source, const policy::CoverageReport& r) {
  nlohmann::ordered_json j;
  j["policy"] = file;
  j["source"] = source;
  j["paragraphs"] = r.paragraphs;
  j["sentences"] = r.sentences.size();
  j["covered"] = r.covered;
  j["uncovered"] = r.uncovered;
  j["set_aside"] = r.set_aside_sentences;
  j["uncovered_sentences"] = nlohmann::ordered_json::array();
  for (const auto& s : r.sentences)
    if (!s.covered && !s.set_aside)
      j["uncovered_sentences"].push_back({{"para", s.para}, {"sentence", s.index}, {"text", s.text}});
  j["set_aside_paragraphs"] = nlohmann::ordered_json::array();
  for (const auto& a : r.set_aside) j["set_aside_paragraphs"].push_back({{"para", a.para}, {"why", a.why}});
  j["citation_errors"] = nlohmann::ordered_json::array();
  for (const auto& p : r.problems)
    j["citation_errors"].push_back({{"owner", p.owner}, {"cite", p.cite_text}, {"line", p.loc.line},
                                    {"column", p.loc.col}, {"message", p.message}});
  // The source may hold invalid UTF-8; a report is still wanted, so replace, never throw.
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

void RunPolicyCoverage(const CoverageOptions& o) {
  policy::Diagnostics diags;
  // The loader, not the whole build: citations are worth checking even while an
  // expression elsewhere still has a type error.
  auto doc = policy::LoadPolicyFile(o.file, diags);
  if (!doc.ok()) throw CommandExit{kExitBadInput, "jincai: " + doc.status().message()};
  if (diags.has_errors()) {
    for (const auto& d : diags.items())
      if (d.severity == policy::Severity::kError) std::fputs(policy::Diagnostics::RenderOne(diags.file(), d).c_str(), stderr);
    throw CommandExit{kExitBadInput, o.file + ": " + std::to_string(diags.error_count()) + " error(s); fix them and run 'jincai policy check " + o.file + "'"};
  }
  std::string source = o.source;
  if (source.empty()) {
    if (doc->source.empty())
      throw CommandExit{kExitUsage, "jincai: " + o.file + " names no source in [policy]; give --source TEXT"};
    source = (std::filesystem::path(o.file).parent_path() / doc->source).string();
  }
  auto text = policy::ReadFileText(source);
  if (!text.ok()) throw CommandExit{kExitBadInput, "jincai: source text: " + text.status().message()};

  const policy::CoverageReport r = policy::AnalyzeCoverage(*doc, *text);
  for (const auto& p : r.problems) {
    policy::Diagnostic d{policy::Severity::kError, "bad-cite", p.loc, p.owner + ": " + p.message};
    std::fputs(policy::Diagnostics::RenderOne(doc->file.get(), d).c_str(), stderr);
  }
  OutputFile out("-");
  out.Write(o.format == "json" ? JsonReport(o.file, source, r) : TableReport(o.file, source, r));
  out.Commit();
  if (!r.problems.empty())
    throw CommandExit{kExitBadInput, "jincai: " + std::to_string(r.problems.size()) + " citation(s) do not match the source"};
  if (o.strict && r.uncovered > 0)
    throw CommandExit{kExitBadInput, "jincai: " + std::to_string(r.uncovered) + " sentence(s) of the source are not covered (--strict)"};
}

}  // namespace

void SetupPolicyCoverage(CLI::App& policy) {
  auto o = std::make_shared<CoverageOptions>();
  CLI::App* cmd = policy.add_subcommand("coverage", "List the source sentences no citation covers, and citations the source does not contain");
  cmd->add_option("file", o->file, "Policy file (TOML)")->required();
  cmd->add_option("--source", o->source, "Source text (default: [policy] source, relative to the policy file)");
  cmd->add_option("--format", o->format, "table (default) or json")->check(CLI::IsMember({"table", "json"}));
  cmd->add_flag("--strict", o->strict, "Exit 1 when any sentence is not covered");
  cmd->callback([o] { RunCommand([&] { RunPolicyCoverage(*o); }); });
}

}  // namespace jincai::cli
