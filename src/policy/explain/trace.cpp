// Builds the explanation of one decision from the checked expression trees and the
// interpreter's registers. Values not computed during the decision (the right side
// of an `and` that failed early, say) are computed here for this row only.
#include "policy/explain/trace.h"

#include <functional>
#include <nlohmann/json.hpp>

#include "policy/check/checker.h"
#include "policy/explain/json_value.h"

namespace jincai::policy {
namespace {

using nlohmann::json;

class Explainer {
 public:
  Explainer(Evaluator& ev, const Decisions& d, int32_t row)
      : ev_(ev), vm_(ev.vm()), p_(ev.policy()), ck_(*p_.checked), doc_(p_.doc()), d_(d), row_(row) {}

  json Build() {
    json t;
    t["date"] = FormatDate(vm_.as_of());
    json crit = json::array();
    for (size_t c = 0; c < doc_.criteria.size(); ++c) {
      const CriterionSpec& cs = doc_.criteria[c];
      json j;
      j["id"] = cs.id;
      j["dimension"] = DimensionName(cs.dimension);
      bool applies = true;
      if (ck_.criterion_when[c]) {
        j["when"] = cs.when->text;
        auto v = Value(*ck_.criterion_when[c]);
        applies = v.is_boolean() && v.get<bool>();
        j["applies"] = applies;
      }
      j["formula"] = cs.points.text;
      j["points"] = applies ? Value(*ck_.criterion_points[c]) : json(0);
      j["values"] = Names(ck_.criterion_when[c].get(), ck_.criterion_points[c].get());
      if (!cs.cite.text.empty()) j["cite"] = cs.cite.text;
      crit.push_back(std::move(j));
    }
    t["criteria"] = std::move(crit);
    int32_t tier = d_.tier[static_cast<size_t>(row_)];
    if (d_.error[static_cast<size_t>(row_)] != EvalError::kNone) t["error"] = EvalErrorText(d_.error[static_cast<size_t>(row_)]);
    json higher = json::array();
    size_t top = tier >= 0 ? static_cast<size_t>(tier) : doc_.tiers.size();
    for (size_t k = 0; k < top; ++k) higher.push_back(TierMiss(k));
    t["higher_tiers_not_reached"] = std::move(higher);
    if (tier >= 0) {
      const TierSpec& ts = doc_.tiers[static_cast<size_t>(tier)];
      json j;
      j["id"] = ts.id;
      j["name"] = ts.name;
      if (ts.when) j["condition"] = ts.when->text;
      j["values"] = Names(ck_.tier_when[static_cast<size_t>(tier)].get(), nullptr);
      if (!ts.engagement.empty()) j["engagement"] = ts.engagement;
      if (!ts.cite.text.empty()) j["cite"] = ts.cite.text;
      t["tier"] = std::move(j);
    } else {
      t["tier"] = nullptr;
    }
    t["entitlements"] = Entitlements(tier);
    return t;
  }

 private:
  json Encode(Kind k, int64_t v) const { return EncodeValue(k, v, p_.pool()); }

  // The value of a rows-level node for this row, computed afresh (formulas included,
  // so an error inside one shows here). The decision's own state is restored.
  std::optional<int64_t> Compute(const CExpr& e, EvalError* error) {
    *error = EvalError::kNone;
    auto it = p_.instr_of.find(&e);
    if (it == p_.instr_of.end()) return std::nullopt;
    EvalError before = vm_.error(row_);
    int32_t before_instr = vm_.error_instr(row_);
    vm_.SetError(row_, EvalError::kNone, -1);
    vm_.ForgetRow(row_);
    vm_.Run(it->second, Sel{&row_, 1});
    *error = vm_.error(row_);
    vm_.SetError(row_, before, before_instr);
    if (*error != EvalError::kNone) return std::nullopt;
    return vm_.At(it->second, row_);
  }

  json Value(const CExpr& e) {
    EvalError err;
    auto v = Compute(e, &err);
    if (err != EvalError::kNone) return std::string("error: ") + EvalErrorText(err);
    if (!v) return nullptr;
    return Encode(e.type, *v);
  }

  // Names an expression reads, with their values (parameters with their dates).
  json Names(const CExpr* a, const CExpr* b) {
    json out = json::object();
    std::function<void(const CExpr*)> walk = [&](const CExpr* e) {
      if (!e) return;
      switch (e->k) {
        case CKind::kInput: case CKind::kFormula: case CKind::kPoints: case CKind::kAsOf: case CKind::kTier:
          out[e->text] = Value(*e);
          return;
        case CKind::kParam: {
          json pj;
          pj["value"] = Value(*e);
          int32_t from = vm_.param_from(e->slot);
          pj["from"] = from == INT32_MIN ? FormatDate(doc_.effective) : FormatDate(from);
          const ParameterSpec& ps = p_.parameters[static_cast<size_t>(e->slot)];
          if (!ps.assumption.empty()) pj["assumption"] = true;
          out[e->text] = std::move(pj);
          return;
        }
        case CKind::kCount: case CKind::kAggregate: case CKind::kInList:
          out[e->text] = Value(*e);
          return;
        default:
          for (const auto& k : e->kids) walk(k.get());
      }
    };
    walk(a);
    walk(b);
    return out;
  }

  // Which parts of a false condition failed, and by how much.
  json Failures(const CExpr& e) {
    json out = json::array();
    std::function<void(const CExpr&)> walk = [&](const CExpr& n) {
      json v = Value(n);
      if (v.is_boolean() && v.get<bool>()) return;
      if (n.k == CKind::kAnd) {
        walk(*n.kids[0]);
        walk(*n.kids[1]);
        return;
      }
      json f;
      f["condition"] = n.text;
      if (n.k == CKind::kOr) {
        json alts = json::array();
        std::function<void(const CExpr&)> alt = [&](const CExpr& m) {
          if (m.k == CKind::kOr) { alt(*m.kids[0]); alt(*m.kids[1]); return; }
          json one;
          one["condition"] = m.text;
          one["failed"] = Failures(m);
          alts.push_back(std::move(one));
        };
        alt(n);
        f["alternatives_all_failed"] = std::move(alts);
      } else if (n.k == CKind::kCompare && (n.kids[0]->type == Kind::kNumber || n.kids[0]->type == Kind::kMoney ||
                                            n.kids[0]->type == Kind::kDate)) {
        auto lv = Raw(*n.kids[0]), rv = Raw(*n.kids[1]);
        f["left"] = Value(*n.kids[0]);
        f["right"] = Value(*n.kids[1]);
        if (lv && rv) {
          __int128 gap = 0;
          bool strict = n.op == AstOp::kGt || n.op == AstOp::kLt;
          bool upward = n.op == AstOp::kGe || n.op == AstOp::kGt;
          if (upward) gap = static_cast<__int128>(*rv) - *lv;
          else if (n.op == AstOp::kLe || n.op == AstOp::kLt) gap = static_cast<__int128>(*lv) - *rv;
          if ((n.op != AstOp::kEq && n.op != AstOp::kNe) && (gap > 0 || (strict && gap == 0)) && gap < INT64_MAX) {
            bool days = n.kids[0]->type == Kind::kDate;
            f[std::string(upward ? "short_by" : "over_by") + (days ? "_days" : "")] =
                days ? json(static_cast<int64_t>(gap)) : Encode(n.kids[0]->type, static_cast<int64_t>(gap));
            if (strict) f["strictly"] = true;
          }
        }
      } else {
        f["value"] = v;
      }
      out.push_back(std::move(f));
    };
    walk(e);
    return out;
  }

  std::optional<int64_t> Raw(const CExpr& e) {
    EvalError err;
    return Compute(e, &err);
  }

  json TierMiss(size_t k) {
    const TierSpec& ts = doc_.tiers[k];
    json j;
    j["id"] = ts.id;
    j["name"] = ts.name;
    const CExpr* w = ck_.tier_when[k].get();
    if (w) {
      j["condition"] = ts.when->text;
      json v = Value(*w);
      j["condition_holds"] = v;
      if (!(v.is_boolean() && v.get<bool>())) j["failed"] = Failures(*w);
    }
    if (ck_.engagement_slot >= 0) {
      int64_t mode = ev_.vm().batch().scalars[static_cast<size_t>(ck_.engagement_slot)][static_cast<size_t>(row_)];
      const auto& modes = ck_.tier_engagement[k];
      bool covered = std::find(modes.begin(), modes.end(), mode) != modes.end();
      j["engagement_covered"] = covered;
      if (!covered) j["engagement"] = p_.pool().Get(mode) + " is not among " + Join(ts.engagement);
    }
    if (!ts.cite.text.empty()) j["cite"] = ts.cite.text;
    return j;
  }

  static std::string Join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  }

  json Entitlements(int32_t tier) {
    json out = json::array();
    for (size_t e = 0; e < doc_.entitlements.size(); ++e) {
      const EntitlementSpec& es = doc_.entitlements[e];
      const CheckedEntitlement& ce = ck_.entitlements[e];
      json j;
      j["id"] = es.id;
      j["payer"] = es.payer;
      const auto& tiers = ck_.entitlement_tiers[e];
      bool tier_ok = tier >= 0 && std::find(tiers.begin(), tiers.end(), tier) != tiers.end();
      int granted = 0;
      for (const Grant& g : d_.grants) if (g.row == row_ && g.entitlement == static_cast<int32_t>(e)) ++granted;
      j["granted"] = granted;
      if (!tier_ok) {
        j["reason"] = tier < 0 ? "no tier" : "tier " + doc_.tiers[static_cast<size_t>(tier)].id + " does not grant it";
      } else {
        if (es.when) j["when"] = es.when->text;
        if (es.monthly) j["monthly_formula"] = es.monthly->text;
        if (!es.for_each.empty()) j["for_each"] = es.for_each + " as " + es.as;
        j["values"] = Names(ce.when.get(), ce.monthly.get());
        for (const auto& a : ce.amounts) j["values"].update(Names(a.get(), nullptr));
        json amounts = json::array();
        for (const Grant& g : d_.grants) {
          if (g.row != row_ || g.entitlement != static_cast<int32_t>(e)) continue;
          json one;
          if (g.element >= 0) one[es.as] = g.element;
          if (g.has_monthly) one["monthly_cny"] = Encode(Kind::kMoney, g.monthly);
          for (size_t a = 0; a < es.amounts.size(); ++a) one[es.amounts[a].first] = Encode(Kind::kMoney, d_.amounts[g.amounts_at + a]);
          amounts.push_back(std::move(one));
        }
        if (!amounts.empty()) j["grants"] = std::move(amounts);
        if (granted == 0) j["reason"] = "its condition does not hold";
      }
      if (!es.cite.text.empty()) j["cite"] = es.cite.text;
      out.push_back(std::move(j));
    }
    return out;
  }

  Evaluator& ev_;
  Vm& vm_;
  const CompiledPolicy& p_;
  const CheckedPolicy& ck_;
  const PolicyDocument& doc_;
  const Decisions& d_;
  int32_t row_;
};

void Text(const json& j, const std::string& indent, std::string& out) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it->is_structured() && !it->empty()) {
        out += indent + it.key() + ":\n";
        Text(*it, indent + "  ", out);
      } else {
        out += indent + it.key() + ": " + (it->is_string() ? it->get<std::string>() : it->dump()) + "\n";
      }
    }
  } else if (j.is_array()) {
    for (const auto& el : j) {
      if (el.is_structured()) {
        std::string sub;
        Text(el, indent + "  ", sub);
        if (sub.size() >= indent.size() + 2) sub.replace(indent.size(), 2, "- ");
        out += sub;
      } else {
        out += indent + "- " + (el.is_string() ? el.get<std::string>() : el.dump()) + "\n";
      }
    }
  }
}

}  // namespace

void AppendTraceJson(Evaluator& ev, const Decisions& d, int32_t row, std::string& out) {
  out += ",\"trace\":";
  out += Explainer(ev, d, row).Build().dump();
}

std::string TraceText(Evaluator& ev, const Decisions& d, int32_t row) {
  json t = Explainer(ev, d, row).Build();
  std::string out = "dossier " + ev.vm().batch().ids[static_cast<size_t>(row)] + "\n";
  Text(t, "  ", out);
  return out;
}

}  // namespace jincai::policy
