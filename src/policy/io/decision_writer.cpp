// Decision output. Numbers print exactly (points as shortest decimals, money with
// two decimals); for_each entitlements name their element by the `as` name.
#include "policy/io/decision_writer.h"

#include <cstdio>

#include "policy/io/json_text.h"

namespace jincai::policy {

std::string DescribeEvalError(const CompiledPolicy& policy, EvalError e, int32_t instr) {
  std::string where;
  for (const auto& [node, i] : policy.instr_of) {
    if (i == instr && (where.empty() || node->text.size() < where.size())) where = node->text;
  }
  std::string out = EvalErrorText(e);
  if (!where.empty()) out += " in '" + where + "'";
  return out;
}

std::string DecisionWriter::Header() const {
  if (format_ != DecisionFormat::kTable) return {};
  char buf[160];
  std::snprintf(buf, sizeof buf, "%-16s %-6s %10s %12s %13s %10s  %s\n", "id", "tier", "ability", "performance",
                "contribution", "total", "entitlements");
  return buf;
}

void DecisionWriter::WriteBatch(const Batch& batch, const Decisions& d, std::string& out, const Extra& extra) {
  d.IndexByRow(&order_, &row_start_);
  for (int32_t r = 0; r < d.rows; ++r) {
    const uint32_t* g = order_.data() + row_start_[static_cast<size_t>(r)];
    const uint32_t* end = order_.data() + row_start_[static_cast<size_t>(r) + 1];
    if (format_ == DecisionFormat::kTable) Table(batch, d, r, g, end, out);
    else Json(batch, d, r, g, end, out, extra);
  }
}

void DecisionWriter::Json(const Batch& batch, const Decisions& d, int32_t r, const uint32_t* g, const uint32_t* end,
                          std::string& out, const Extra& extra) {
  const PolicyDocument& doc = policy_.doc();
  out += "{\"id\":";
  AppendJsonString(out, batch.ids[static_cast<size_t>(r)]);
  out += ",\"tier\":";
  int32_t t = d.tier[static_cast<size_t>(r)];
  if (t < 0) out += "null";
  else AppendJsonString(out, doc.tiers[static_cast<size_t>(t)].id);
  out += ",\"points\":{";
  static const char* kNames[4] = {"ability", "performance", "contribution", "total"};
  for (int k = 0; k < 4; ++k) {
    if (k) out += ',';
    out += '"';
    out += kNames[k];
    out += "\":";
    out += FormatNumber(d.points[k][static_cast<size_t>(r)]);
  }
  out += "},\"entitlements\":[";
  for (const uint32_t* p = g; p != end; ++p) {
    const Grant& gr = d.grants[*p];
    const EntitlementSpec& es = doc.entitlements[static_cast<size_t>(gr.entitlement)];
    if (p != g) out += ',';
    out += "{\"id\":";
    AppendJsonString(out, es.id);
    out += ",\"payer\":";
    AppendJsonString(out, es.payer);
    if (gr.element >= 0) {
      out += ',';
      AppendJsonString(out, es.as);
      out += ':';
      out += std::to_string(gr.element);
    }
    if (gr.has_monthly) {
      out += ",\"monthly_cny\":";
      out += FormatMoney(gr.monthly);
    }
    if (!es.amounts.empty()) {
      out += ",\"amounts\":{";
      for (size_t a = 0; a < es.amounts.size(); ++a) {
        if (a) out += ',';
        AppendJsonString(out, es.amounts[a].first);
        out += ':';
        out += FormatMoney(d.amounts[gr.amounts_at + a]);
      }
      out += '}';
    }
    if (!es.details.empty()) {
      const auto& kinds = policy_.checked->entitlements[static_cast<size_t>(gr.entitlement)].details;
      out += ",\"details\":{";
      for (size_t a = 0; a < es.details.size(); ++a) {
        if (a) out += ',';
        AppendJsonString(out, es.details[a].first);
        out += ':';
        int64_t v = d.amounts[gr.amounts_at + es.amounts.size() + a];
        switch (kinds[a] ? kinds[a]->type : Kind::kNumber) {
          case Kind::kMoney: out += FormatMoney(v); break;
          case Kind::kBool: out += v ? "true" : "false"; break;
          case Kind::kDate: AppendJsonString(out, FormatDate(static_cast<int32_t>(v))); break;
          case Kind::kString: AppendJsonString(out, policy_.pool().Get(v)); break;
          default: out += FormatNumber(v); break;
        }
      }
      out += '}';
    }
    if (!es.cite.text.empty()) {
      out += ",\"cite\":";
      AppendJsonString(out, es.cite.text);
    }
    out += '}';
  }
  out += "],\"policy\":{\"id\":";
  AppendJsonString(out, doc.id);
  out += ",\"version\":";
  AppendJsonString(out, doc.version);
  out += '}';
  if (d.error[static_cast<size_t>(r)] != EvalError::kNone) {
    out += ",\"error\":";
    AppendJsonString(out, DescribeEvalError(policy_, d.error[static_cast<size_t>(r)], d.error_instr[static_cast<size_t>(r)]));
  }
  if (extra) extra(r, out);
  out += "}\n";
}

void DecisionWriter::Table(const Batch& batch, const Decisions& d, int32_t r, const uint32_t* g, const uint32_t* end,
                           std::string& out) {
  const PolicyDocument& doc = policy_.doc();
  int32_t t = d.tier[static_cast<size_t>(r)];
  std::string ents;
  for (const uint32_t* p = g; p != end; ++p) {
    const Grant& gr = d.grants[*p];
    if (!ents.empty()) ents += ", ";
    ents += doc.entitlements[static_cast<size_t>(gr.entitlement)].id;
    if (gr.has_monthly) ents += " " + FormatMoney(gr.monthly) + "/mo";
  }
  if (d.error[static_cast<size_t>(r)] != EvalError::kNone)
    ents = "ERROR: " + DescribeEvalError(policy_, d.error[static_cast<size_t>(r)], d.error_instr[static_cast<size_t>(r)]);
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-16s %-6s %10s %12s %13s %10s  ", batch.ids[static_cast<size_t>(r)].c_str(),
                t < 0 ? "-" : doc.tiers[static_cast<size_t>(t)].id.c_str(), FormatNumber(d.points[0][static_cast<size_t>(r)]).c_str(),
                FormatNumber(d.points[1][static_cast<size_t>(r)]).c_str(), FormatNumber(d.points[2][static_cast<size_t>(r)]).c_str(),
                FormatNumber(d.points[3][static_cast<size_t>(r)]).c_str());
  out += buf;
  out += ents;
  out += '\n';
}

}  // namespace jincai::policy
