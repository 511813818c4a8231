// Renderings of a simulation report: a table for people, JSON, CSV (one section per
// block, blank line between), and an SVG chart comparing base and reform.
#include <algorithm>
#include <cstdio>

#include "policy/analysis/simulation.h"
#include "policy/io/json_text.h"

namespace jincai::policy {
namespace {

std::string Pad(const std::string& s, size_t w, bool right = false) {
  if (s.size() >= w) return s;
  return right ? std::string(w - s.size(), ' ') + s : s + std::string(w - s.size(), ' ');
}

std::string Signed(int64_t v) { return (v > 0 ? "+" : "") + std::to_string(v); }
// Fen as millions of yuan with one decimal: "38.1M" (ASCII, so any font shows it).
std::string Millions(int64_t fen) {
  int64_t tenths = (fen + (fen >= 0 ? 5'000'000 : -5'000'000)) / 10'000'000;
  return std::string(tenths < 0 ? "-" : "") + std::to_string((tenths < 0 ? -tenths : tenths) / 10) + "." +
         std::to_string((tenths < 0 ? -tenths : tenths) % 10) + "M";
}

std::string SignedMoney(int64_t v) { return (v > 0 ? "+" : "") + FormatMoney(v); }

// Union of tier ids in order: base's, then reform-only ones; "none" last.
std::vector<std::string> AllTiers(const SimulationReport& r) {
  std::vector<std::string> out(r.base_tiers.begin(), r.base_tiers.end() - 1);
  for (size_t i = 0; i + 1 < r.reform_tiers.size(); ++i)
    if (std::find(out.begin(), out.end(), r.reform_tiers[i]) == out.end()) out.push_back(r.reform_tiers[i]);
  out.push_back("none");
  return out;
}

int64_t CountOf(const std::vector<std::string>& ids, const std::vector<int64_t>& counts, const std::string& id) {
  for (size_t i = 0; i < ids.size(); ++i) if (ids[i] == id) return counts[i];
  return 0;
}

}  // namespace

std::string SimulationReport::Table() const {
  std::string o;
  o += "Dossiers: " + std::to_string(dossiers) + "    changed decisions: " + std::to_string(changed) +
       "    tier changed: " + std::to_string(tier_changed) + "\n";
  if (base_errors || reform_errors)
    o += "Evaluation errors: base " + std::to_string(base_errors) + ", reform " + std::to_string(reform_errors) + "\n";
  o += "\nTier        base      reform    change\n";
  for (const auto& t : AllTiers(*this)) {
    int64_t b = CountOf(base_tiers, base_counts, t), r = CountOf(reform_tiers, reform_counts, t);
    o += Pad(t, 8) + Pad(std::to_string(b), 10, true) + Pad(std::to_string(r), 12, true) + Pad(Signed(r - b), 10, true) + "\n";
  }
  o += "\nTransitions (rows: base tier, columns: reform tier)\n" + Pad("", 8);
  for (const auto& t : reform_tiers) o += Pad(t, 10, true);
  o += "\n";
  for (size_t i = 0; i < base_tiers.size(); ++i) {
    o += Pad(base_tiers[i], 8);
    for (size_t j = 0; j < reform_tiers.size(); ++j) o += Pad(std::to_string(transition[i][j]), 10, true);
    o += "\n";
  }
  o += "\nEntitlement                      payer        count base  count reform   monthly base CNY  monthly reform CNY\n";
  for (const auto& e : entitlements)
    o += Pad(e.id, 32) + " " + Pad(e.payer, 10) + Pad(std::to_string(e.base_count), 12, true) +
         Pad(std::to_string(e.reform_count), 14, true) + Pad(FormatMoney(e.base_monthly), 19, true) +
         Pad(FormatMoney(e.reform_monthly), 20, true) + "\n";
  o += "\nCost by payer (CNY)    monthly base    monthly reform    yearly base     yearly reform   yearly change\n";
  for (const auto& [payer, v] : monthly_by_payer)
    o += Pad(payer, 20) + Pad(FormatMoney(v.first), 16, true) + Pad(FormatMoney(v.second), 18, true) +
         Pad(FormatMoney(v.first * 12), 16, true) + Pad(FormatMoney(v.second * 12), 18, true) +
         Pad(SignedMoney((v.second - v.first) * 12), 16, true) + "\n";
  return o;
}

std::string SimulationReport::Json() const {
  std::string o = "{\"dossiers\":" + std::to_string(dossiers) + ",\"changed\":" + std::to_string(changed) +
                  ",\"tier_changed\":" + std::to_string(tier_changed) + ",\"errors\":{\"base\":" + std::to_string(base_errors) +
                  ",\"reform\":" + std::to_string(reform_errors) + "},\"tiers\":[";
  bool first = true;
  for (const auto& t : AllTiers(*this)) {
    if (!first) o += ',';
    first = false;
    o += "{\"id\":";
    AppendJsonString(o, t);
    o += ",\"base\":" + std::to_string(CountOf(base_tiers, base_counts, t)) +
         ",\"reform\":" + std::to_string(CountOf(reform_tiers, reform_counts, t)) + "}";
  }
  o += "],\"transitions\":[";
  first = true;
  for (size_t i = 0; i < base_tiers.size(); ++i)
    for (size_t j = 0; j < reform_tiers.size(); ++j) {
      if (!transition[i][j]) continue;
      if (!first) o += ',';
      first = false;
      o += "{\"from\":";
      AppendJsonString(o, base_tiers[i]);
      o += ",\"to\":";
      AppendJsonString(o, reform_tiers[j]);
      o += ",\"count\":" + std::to_string(transition[i][j]) + "}";
    }
  o += "],\"entitlements\":[";
  first = true;
  for (const auto& e : entitlements) {
    if (!first) o += ',';
    first = false;
    o += "{\"id\":";
    AppendJsonString(o, e.id);
    o += ",\"payer\":";
    AppendJsonString(o, e.payer);
    o += ",\"count\":{\"base\":" + std::to_string(e.base_count) + ",\"reform\":" + std::to_string(e.reform_count) +
         "},\"monthly_cny\":{\"base\":" + FormatMoney(e.base_monthly) + ",\"reform\":" + FormatMoney(e.reform_monthly) +
         "},\"yearly_cny\":{\"base\":" + FormatMoney(e.base_monthly * 12) + ",\"reform\":" + FormatMoney(e.reform_monthly * 12) + "}}";
  }
  o += "],\"cost_by_payer\":[";
  first = true;
  for (const auto& [payer, v] : monthly_by_payer) {
    if (!first) o += ',';
    first = false;
    o += "{\"payer\":";
    AppendJsonString(o, payer);
    o += ",\"monthly_cny\":{\"base\":" + FormatMoney(v.first) + ",\"reform\":" + FormatMoney(v.second) +
         "},\"yearly_cny\":{\"base\":" + FormatMoney(v.first * 12) + ",\"reform\":" + FormatMoney(v.second * 12) + "}}";
  }
  o += "]}\n";
  return o;
}

std::string SimulationReport::Csv() const {
  std::string o = "section,key,base,reform\n";
  o += "summary,dossiers," + std::to_string(dossiers) + "," + std::to_string(dossiers) + "\n";
  o += "summary,changed,," + std::to_string(changed) + "\n";
  o += "summary,tier_changed,," + std::to_string(tier_changed) + "\n";
  for (const auto& t : AllTiers(*this))
    o += "tier," + t + "," + std::to_string(CountOf(base_tiers, base_counts, t)) + "," + std::to_string(CountOf(reform_tiers, reform_counts, t)) + "\n";
  for (size_t i = 0; i < base_tiers.size(); ++i)
    for (size_t j = 0; j < reform_tiers.size(); ++j)
      o += "transition," + base_tiers[i] + "->" + reform_tiers[j] + ",," + std::to_string(transition[i][j]) + "\n";
  for (const auto& e : entitlements) {
    o += "entitlement_count," + e.id + "," + std::to_string(e.base_count) + "," + std::to_string(e.reform_count) + "\n";
    o += "entitlement_monthly_cny," + e.id + "," + FormatMoney(e.base_monthly) + "," + FormatMoney(e.reform_monthly) + "\n";
  }
  for (const auto& [payer, v] : monthly_by_payer) {
    o += "payer_monthly_cny," + payer + "," + FormatMoney(v.first) + "," + FormatMoney(v.second) + "\n";
    o += "payer_yearly_cny," + payer + "," + FormatMoney(v.first * 12) + "," + FormatMoney(v.second * 12) + "\n";
  }
  return o;
}

std::string SimulationReport::ChartSvg(const std::string& title) const {
  const int W = 860, H = 420, top = 60, bottom = 360, left = 60;
  std::vector<std::string> tiers = AllTiers(*this);
  int64_t max_count = 1;
  for (const auto& t : tiers)
    max_count = std::max({max_count, CountOf(base_tiers, base_counts, t), CountOf(reform_tiers, reform_counts, t)});
  int64_t max_cost = 1;
  for (const auto& [payer, v] : monthly_by_payer) max_cost = std::max({max_cost, v.first, v.second});
  std::string o = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(W) + "\" height=\"" + std::to_string(H) +
                  "\" viewBox=\"0 0 " + std::to_string(W) + " " + std::to_string(H) + "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  o += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";
  std::string esc;
  for (char c : title) esc += c == '<' ? std::string("&lt;") : c == '&' ? std::string("&amp;") : std::string(1, c);
  o += "<text x=\"" + std::to_string(W / 2) + "\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">" + esc + "</text>\n";
  o += "<rect x=\"" + std::to_string(W - 200) + "\" y=\"34\" width=\"12\" height=\"12\" fill=\"#8c8c8c\"/><text x=\"" +
       std::to_string(W - 183) + "\" y=\"44\">base</text>";
  o += "<rect x=\"" + std::to_string(W - 130) + "\" y=\"34\" width=\"12\" height=\"12\" fill=\"#c0392b\"/><text x=\"" +
       std::to_string(W - 113) + "\" y=\"44\">reform</text>\n";
  auto bars = [&](int x0, int width, const std::string& caption, const std::vector<std::tuple<std::string, int64_t, int64_t, std::string, std::string>>& groups,
                  int64_t max) {
    o += "<text x=\"" + std::to_string(x0 + width / 2) + "\" y=\"" + std::to_string(top) + "\" text-anchor=\"middle\">" + caption + "</text>\n";
    o += "<line x1=\"" + std::to_string(x0) + "\" y1=\"" + std::to_string(bottom) + "\" x2=\"" + std::to_string(x0 + width) + "\" y2=\"" +
         std::to_string(bottom) + "\" stroke=\"#333\"/>\n";
    int n = static_cast<int>(groups.size());
    int slot = n ? width / n : width;
    int bw = std::max(4, slot / 3);
    for (int i = 0; i < n; ++i) {
      const auto& [label, b, r, bl, rl] = groups[static_cast<size_t>(i)];
      int gx = x0 + i * slot + (slot - 2 * bw) / 2;
      int hb = static_cast<int>((bottom - top - 20) * b / max), hr = static_cast<int>((bottom - top - 20) * r / max);
      o += "<rect x=\"" + std::to_string(gx) + "\" y=\"" + std::to_string(bottom - hb) + "\" width=\"" + std::to_string(bw) + "\" height=\"" +
           std::to_string(hb) + "\" fill=\"#8c8c8c\"><title>" + label + " base: " + bl + "</title></rect>\n";
      o += "<rect x=\"" + std::to_string(gx + bw) + "\" y=\"" + std::to_string(bottom - hr) + "\" width=\"" + std::to_string(bw) +
           "\" height=\"" + std::to_string(hr) + "\" fill=\"#c0392b\"><title>" + label + " reform: " + rl + "</title></rect>\n";
      o += "<text x=\"" + std::to_string(gx + bw) + "\" y=\"" + std::to_string(bottom + 16) + "\" text-anchor=\"middle\">" + label + "</text>\n";
      o += "<text x=\"" + std::to_string(gx + bw / 2) + "\" y=\"" + std::to_string(bottom - hb - 4) + "\" text-anchor=\"middle\" font-size=\"10\">" + bl + "</text>\n";
      o += "<text x=\"" + std::to_string(gx + bw + bw / 2) + "\" y=\"" + std::to_string(bottom - hr - 4) + "\" text-anchor=\"middle\" font-size=\"10\">" + rl + "</text>\n";
    }
  };
  std::vector<std::tuple<std::string, int64_t, int64_t, std::string, std::string>> tier_groups, cost_groups;
  for (const auto& t : tiers) {
    int64_t b = CountOf(base_tiers, base_counts, t), r = CountOf(reform_tiers, reform_counts, t);
    tier_groups.emplace_back(t, b, r, std::to_string(b), std::to_string(r));
  }
  for (const auto& [payer, v] : monthly_by_payer)
    cost_groups.emplace_back(payer, v.first, v.second, Millions(v.first), Millions(v.second));
  bars(left, 440, "Dossiers per tier", tier_groups, max_count);
  bars(left + 500, 260, "Monthly cost by payer (CNY)", cost_groups, max_cost);
  o += "<text x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(H - 20) + "\" font-size=\"11\" fill=\"#555\">" +
       std::to_string(dossiers) + " dossiers, " + std::to_string(changed) + " decisions changed, " + std::to_string(tier_changed) +
       " changed tier</text>\n";
  o += "</svg>\n";
  return o;
}

}  // namespace jincai::policy
