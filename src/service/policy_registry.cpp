// Stored policy versions (see policy_registry.h).
#include "service/policy_registry.h"

#include <fstream>
#include <sstream>

#include "policy/engine.h"
#include "policy/value.h"
#include "service/audit_trail.h"
#include "store/sha256.h"

namespace jincai::service {
namespace {

using domain::Role;

PolicyCheckReport ReportOf(const policy::PolicyBuild& b) {
  PolicyCheckReport r;
  r.ok = !b.diags.has_errors() && b.policy;
  if (b.checked && b.checked->doc) {
    r.policy_id = b.checked->doc->id;
    r.version = b.checked->doc->version;
    r.effective = b.checked->doc->effective ? policy::FormatDate(b.checked->doc->effective) : "";
  }
  for (const auto& d : b.diags.items())
    r.items.push_back({d.severity == policy::Severity::kError ? "error" : "warning", d.code, d.message, d.loc.line,
                       d.loc.col, policy::Diagnostics::RenderOne(b.diags.file(), d)});
  return r;
}

}  // namespace

PolicyRegistry::PolicyRegistry(store::Store& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

PolicyCheckReport PolicyRegistry::Check(const std::string& name, const std::string& text) {
  return ReportOf(policy::BuildPolicyText(name, text));
}

Result<store::PolicyVersionRow> PolicyRegistry::Upload(const Actor& by, const std::string& text,
                                                       const std::string& effective_from, PolicyCheckReport* out) {
  if (by.role != Role::kPolicyAnalyst && by.role != Role::kAdmin && by.role != Role::kSystem)
    return Status::Forbidden("only policy analysts upload policies").Zh("只有政策分析员可以上传政策");
  if (text.size() > (4u << 20))
    return Status::InvalidArgument("the policy text exceeds 4 MiB").Field("text").Zh("政策文本超过 4 MiB");
  PolicyCheckReport report = Check("policy.toml", text);
  if (out) *out = report;
  if (!report.ok) {
    std::string first;
    for (const auto& i : report.items)
      if (i.severity == "error") { first = i.rendered; break; }
    return Status::InvalidArgument("the policy has errors:\n" + first).Field("text").Zh("政策文件有错误：\n" + first);
  }
  std::string eff = effective_from.empty() ? report.effective : effective_from;
  if (!policy::ParseDate(eff))
    return Status::InvalidArgument("effective_from must be a date YYYY-MM-DD").Field("effective_from").Zh("生效日期须为 YYYY-MM-DD 格式的日期");
  int64_t now = clock_();
  store::PolicyVersionRow row{0, report.policy_id, report.version, eff, text, store::Sha256Hex(text),
                              by.user_id ? std::optional<int64_t>(by.user_id) : std::nullopt, UtcText(now)};
  Status st = store_.Transact([&](store::Tx& tx) -> Status {
    auto id = store::InsertPolicyVersion(tx, row);
    if (!id.ok()) return id.status();
    row.id = *id;
    return RecordChange(tx, by, "policy.upload", "policy_version", std::to_string(*id), "",
                        row.policy_id + "\x1f" + row.version + "\x1f" + row.effective_from + "\x1f" + row.digest);
  });
  if (!st.ok()) return st;
  row.text.clear();
  return row;
}

Status PolicyRegistry::SeedFromFile(const std::string& path) {
  bool empty = false;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto rows = store::ListPolicyVersions(tx);
    if (!rows.ok()) return rows.status();
    empty = rows->empty();
    return Status::Ok();
  }));
  if (!empty) return Status::Ok();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io("cannot read policy file " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto r = Upload(Actor::System(), ss.str(), "");
  if (!r.ok()) return Status(r.status().code(), path + ": " + r.status().message());
  return Status::Ok();
}

Result<std::shared_ptr<const LoadedPolicy>> PolicyRegistry::Load(const store::PolicyVersionRow& row) {
  {
    std::lock_guard lock(mu_);
    if (auto it = cache_.find(row.id); it != cache_.end()) return it->second;
  }
  // Compiled outside the lock: another thread may compile the same version; the first
  // to finish is kept, so every caller shares one.
  policy::PolicyBuild b = policy::BuildPolicyText(row.policy_id + "@" + row.version, row.text);
  if (!b.policy) return Status::Internal("stored policy version " + std::to_string(row.id) + " no longer compiles");
  auto loaded = std::make_shared<LoadedPolicy>();
  loaded->row = row;
  loaded->row.text.clear();
  loaded->compiled = b.policy;
  std::lock_guard lock(mu_);
  auto [it, inserted] = cache_.emplace(row.id, std::move(loaded));
  return it->second;
}

Result<std::shared_ptr<const LoadedPolicy>> PolicyRegistry::InForce(store::Tx& tx, int32_t day) {
  auto row = store::PolicyVersionInForce(tx, policy::FormatDate(day));
  if (!row.ok()) return row.status();
  if (!*row)
    return Status::NotFound("no policy version is in force on " + policy::FormatDate(day))
        .Zh(policy::FormatDate(day) + " 没有生效的政策版本");
  return Load(**row);
}

Result<std::shared_ptr<const LoadedPolicy>> PolicyRegistry::Version(store::Tx& tx, int64_t id) {
  {
    std::lock_guard lock(mu_);
    if (auto it = cache_.find(id); it != cache_.end()) return it->second;
  }
  auto row = store::FindPolicyVersion(tx, id);
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no policy version " + std::to_string(id)).Zh("不存在政策版本 " + std::to_string(id));
  return Load(**row);
}

Result<std::shared_ptr<const LoadedPolicy>> PolicyRegistry::InForce(int32_t day) {
  Result<std::shared_ptr<const LoadedPolicy>> out = Status::Internal("unset");
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out = InForce(tx, day);
    return Status::Ok();
  }));
  return out;
}

Result<std::shared_ptr<const LoadedPolicy>> PolicyRegistry::Version(int64_t id) {
  Result<std::shared_ptr<const LoadedPolicy>> out = Status::Internal("unset");
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out = Version(tx, id);
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<store::PolicyVersionRow>> PolicyRegistry::List() {
  std::vector<store::PolicyVersionRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto r = store::ListPolicyVersions(tx);
    if (!r.ok()) return r.status();
    out = std::move(*r);
    return Status::Ok();
  }));
  return out;
}

Result<store::PolicyVersionRow> PolicyRegistry::Text(int64_t id) {
  std::optional<store::PolicyVersionRow> row;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto r = store::FindPolicyVersion(tx, id);
    if (!r.ok()) return r.status();
    row = std::move(*r);
    return Status::Ok();
  }));
  if (!row) return Status::NotFound("no policy version " + std::to_string(id)).Zh("不存在政策版本 " + std::to_string(id));
  return *row;
}

}  // namespace jincai::service
