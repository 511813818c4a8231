// Search for the smallest single changes that reach the next tier. Candidates are
// the non-restricted inputs: a number or amount raised (binary search for the least
// value), a bool flipped, another allowed value, one more list value or list
// element. All candidates of a round are evaluated together as one batch.
#include "policy/explain/what_it_takes.h"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>

#include "policy/explain/json_value.h"

#include "policy/eval/evaluator.h"
#include "policy/io/json_text.h"

namespace jincai::policy {
namespace {

using nlohmann::json;

struct Candidate {
  json change;                                  // how to describe it
  std::function<void(Batch&)> apply;            // edits the last row of a batch
  double cost = 1;                              // smaller is a smaller change
};

class Search {
 public:
  Search(const CompiledPolicy& p, int32_t as_of, const Batch& batch, int32_t row)
      : p_(p), ev_(p), base_(batch), row_(row) {
    ok_ = ev_.SetDate(as_of).ok();
    one_.Reset(p.layout());
    one_.AppendRow(batch, row);
  }

  json Run(int max_answers) {
    json out;
    if (!ok_) return out;
    Decisions d;
    ev_.Evaluate(one_, &d);
    int32_t tier = d.tier[0];
    const PolicyDocument& doc = p_.doc();
    if (tier == 0) {
      out["target"] = nullptr;
      out["note"] = "already in the top tier";
      return out;
    }
    target_ = tier < 0 ? static_cast<int32_t>(doc.tiers.size()) - 1 : tier - 1;
    out["target"] = doc.tiers[static_cast<size_t>(target_)].id;
    std::vector<Candidate> found;
    Discrete(found);
    Numeric(found);
    std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) { return a.cost < b.cost; });
    json changes = json::array();
    for (size_t i = 0; i < found.size() && static_cast<int>(i) < max_answers; ++i) changes.push_back(found[i].change);
    out["changes"] = std::move(changes);
    if (found.empty())
      out["note"] = "no single change of a non-restricted input reaches tier " + doc.tiers[static_cast<size_t>(target_)].id;
    return out;
  }

 private:
  bool Restricted(int input) const { return p_.doc().inputs[static_cast<size_t>(input)].restricted; }

  // Evaluates each candidate on a copy of the dossier; returns which reach the target.
  std::vector<bool> Reaches(const std::vector<std::function<void(Batch&)>>& edits) {
    Batch b;
    b.Reset(p_.layout());
    for (const auto& edit : edits) {
      b.AppendRow(one_, 0);
      edit(b);
    }
    Decisions d;
    ev_.Evaluate(b, &d);
    std::vector<bool> out(edits.size());
    for (size_t i = 0; i < edits.size(); ++i) {
      int32_t t = d.tier[i];
      out[i] = t >= 0 && t <= target_;
    }
    return out;
  }

  json Encode(Kind k, int64_t v) const { return EncodeValue(k, v, p_.pool()); }

  static int64_t Unit(Kind k) { return k == Kind::kMoney ? kFenPerYuan : kNumberScale; }

  void Discrete(std::vector<Candidate>& found) {
    const BatchLayout& L = p_.layout();
    std::vector<Candidate> cands;
    for (size_t s = 0; s < L.scalars.size(); ++s) {
      const auto& slot = L.scalars[s];
      if (Restricted(slot.input)) continue;
      int64_t cur = one_.scalars[s][0];
      if (slot.spec->kind == Kind::kBool) {
        Candidate c;
        c.change = {{"field", slot.name}, {"from", cur != 0}, {"to", cur == 0}};
        c.apply = [s, cur](Batch& b) { b.scalars[s].back() = cur == 0; };
        cands.push_back(std::move(c));
      } else if (slot.spec->kind == Kind::kString) {
        for (const auto& v : slot.spec->values) {
          int64_t id = p_.pool().Intern(v);
          if (id == cur) continue;
          Candidate c;
          c.change = {{"field", slot.name}, {"from", p_.pool().Get(cur)}, {"to", v}};
          c.apply = [s, id](Batch& b) { b.scalars[s].back() = id; };
          cands.push_back(std::move(c));
        }
      }
    }
    for (size_t l = 0; l < L.lists.size(); ++l) {
      const auto& slot = L.lists[l];
      if (Restricted(slot.input)) continue;
      const InputSpec& in = *slot.spec;
      if (in.kind() == Kind::kListString) {
        for (const auto& v : in.scalar.values) {
          int64_t id = p_.pool().Intern(v);
          const ListColumn& lc = one_.lists[l];
          if (std::find(lc.elements[0].begin(), lc.elements[0].end(), id) != lc.elements[0].end()) continue;
          Candidate c;
          c.change = {{"field", slot.name}, {"add", v}};
          c.apply = [l, id](Batch& b) { AddElement(b, l, {id}); };
          cands.push_back(std::move(c));
        }
      } else {
        for (auto& rec : RecordChoices(in)) {
          Candidate c;
          json add = json::object();
          for (size_t f = 0; f < in.fields.size(); ++f) add[in.fields[f].name] = Encode(in.fields[f].kind, rec[f]);
          c.change = {{"field", slot.name}, {"add", add}};
          c.apply = [l, rec](Batch& b) { AddElement(b, l, rec); };
          c.cost = 1.5;
          cands.push_back(std::move(c));
        }
      }
    }
    std::vector<std::function<void(Batch&)>> edits;
    for (const auto& c : cands) edits.push_back(c.apply);
    if (edits.empty()) return;
    auto ok = Reaches(edits);
    for (size_t i = 0; i < cands.size(); ++i) if (ok[i]) found.push_back(std::move(cands[i]));
  }

  // Records to try adding: every combination of allowed string values (bounded), with
  // numbers at their declared maximum (or a large amount), bools true, dates as_of.
  std::vector<std::vector<int64_t>> RecordChoices(const InputSpec& in) {
    std::vector<std::vector<int64_t>> out{{}};
    for (const auto& f : in.fields) {
      std::vector<int64_t> opts;
      switch (f.kind) {
        case Kind::kString:
          for (const auto& v : f.values) opts.push_back(p_.pool().Intern(v));
          if (opts.empty()) opts.push_back(f.default_string ? p_.pool().Intern(*f.default_string) : 0);
          break;
        case Kind::kBool: opts = {1}; break;
        case Kind::kDate: opts = {ev_.vm().as_of()}; break;
        default: {
          // Small integer ranges (ranks 1..3) are tried whole; otherwise the maximum.
          if (f.min && f.max && *f.max - *f.min <= 10 * Unit(f.kind)) {
            for (int64_t v = *f.min; v <= *f.max; v += Unit(f.kind)) opts.push_back(v);
          } else {
            opts.push_back(f.max ? *f.max : f.default_value.value_or(0));
          }
        }
      }
      std::vector<std::vector<int64_t>> next;
      for (const auto& prefix : out)
        for (int64_t o : opts) {
          if (next.size() >= 64) break;
          auto r = prefix;
          r.push_back(o);
          next.push_back(std::move(r));
        }
      out = std::move(next);
    }
    return out;
  }

  static void AddElement(Batch& b, size_t l, const std::vector<int64_t>& values) {
    ListColumn& lc = b.lists[l];
    for (size_t f = 0; f < values.size() && f < lc.elements.size(); ++f) lc.elements[f].push_back(values[f]);
    lc.parent.push_back(b.rows - 1);
    lc.offsets.back() += 1;
  }

  // Least raise of each number or amount that reaches the target (binary search).
  void Numeric(std::vector<Candidate>& found) {
    const BatchLayout& L = p_.layout();
    struct Probe { size_t slot; int64_t cur, lo, hi; Kind kind; };
    std::vector<Probe> probes;
    for (size_t s = 0; s < L.scalars.size(); ++s) {
      const auto& slot = L.scalars[s];
      Kind k = slot.spec->kind;
      if (Restricted(slot.input) || (k != Kind::kNumber && k != Kind::kMoney)) continue;
      int64_t cur = one_.scalars[s][0];
      // Search up to the declared maximum, or far above the current value (in 128 bits,
      // clamped, so that a huge value cannot overflow).
      __int128 far = static_cast<__int128>(cur) + std::max<__int128>(static_cast<__int128>(cur < 0 ? -static_cast<__int128>(cur) : cur) * 1000,
                                                                     static_cast<__int128>(Unit(k)) * 1'000'000'000);
      int64_t cap = slot.spec->max ? *slot.spec->max : static_cast<int64_t>(std::min<__int128>(far, INT64_MAX / 2));
      if (cap <= cur) continue;
      probes.push_back({s, cur, cur, cap, k});
    }
    if (probes.empty()) return;
    // Which can reach it at all (at their cap)?
    std::vector<std::function<void(Batch&)>> edits;
    for (const auto& pr : probes) edits.push_back([pr](Batch& b) { b.scalars[pr.slot].back() = pr.hi; });
    auto ok = Reaches(edits);
    std::vector<Probe> live;
    for (size_t i = 0; i < probes.size(); ++i) if (ok[i]) live.push_back(probes[i]);
    // Invariant: lo does not reach, hi does. Search in whole units of the kind.
    for (int round = 0; round < 80 && !live.empty(); ++round) {
      edits.clear();
      std::vector<int64_t> mids;
      bool any = false;
      for (auto& pr : live) {
        int64_t unit = Unit(pr.kind);
        int64_t span = (pr.hi - pr.lo) / unit;
        int64_t mid = span > 1 ? pr.lo + (span / 2) * unit : pr.hi;
        any |= span > 1;
        mids.push_back(mid);
        edits.push_back([s = pr.slot, mid](Batch& b) { b.scalars[s].back() = mid; });
      }
      if (!any) break;
      ok = Reaches(edits);
      for (size_t i = 0; i < live.size(); ++i) {
        if (mids[i] == live[i].hi) continue;
        (ok[i] ? live[i].hi : live[i].lo) = mids[i];
      }
    }
    for (const auto& pr : live) {
      Candidate c;
      c.change = {{"field", L.scalars[pr.slot].name}, {"from", Encode(pr.kind, pr.cur)}, {"to", Encode(pr.kind, pr.hi)}};
      double base = std::max<double>(std::abs(static_cast<double>(pr.cur)), static_cast<double>(Unit(pr.kind)));
      c.cost = static_cast<double>(pr.hi - pr.cur) / base;
      found.push_back(std::move(c));
    }
  }

  const CompiledPolicy& p_;
  Evaluator ev_;
  const Batch& base_;
  int32_t row_;
  Batch one_;
  int32_t target_ = -1;
  bool ok_ = false;
};

}  // namespace

void AppendWhatItTakesJson(const CompiledPolicy& policy, int32_t as_of, const Batch& batch, int32_t row,
                           std::string& out, const WhatItTakesOptions& options) {
  out += ",\"what_it_takes\":";
  out += Search(policy, as_of, batch, row).Run(options.max_answers).dump();
}

}  // namespace jincai::policy
