// Signed green cards (see cards.h).
#include "service/cards.h"

#include <nlohmann/json.hpp>

#include "policy/value.h"
#include "store/records/talents_table.h"

namespace jincai::service {

Cards::Cards(store::Store& store, const card::KeyRing* ring, Clock clock)
    : store_(store), ring_(ring), clock_(std::move(clock)) {}

Result<store::CardRow> Cards::IssueFor(store::Tx& tx, const store::ApplicationRow& row) {
  if (!ring_)
    return Status::Conflict("no signing key is configured: start the server with --keys DIR (see `jincai keys generate`)")
        .Zh("未配置签名密钥，无法发卡：请以 --keys 目录启动服务（参见 jincai keys generate）");
  auto talent = store::FindTalent(tx, row.talent_id);
  if (!talent.ok()) return talent.status();
  if (!*talent) return Status::Internal("application " + std::to_string(row.id) + " has no talent");
  nlohmann::json d = nlohmann::json::parse(row.decision, nullptr, false);
  if (!d.is_object() || !d.contains("decision") || !d.contains("policy"))
    return Status::Conflict("application " + std::to_string(row.id) + " has no decision to put on a card");
  const int64_t now = clock_();
  card::CardPayload p;
  p.card_id = "GC-" + std::to_string(row.id) + "-" + std::to_string(row.revision + 1);
  p.holder_name = (*talent)->name;
  p.document_digest = card::HolderDocumentDigest((*talent)->document_kind, (*talent)->nationality, (*talent)->document_number);
  p.nationality = (*talent)->nationality;
  p.tier = row.tier;
  for (const auto& e : d["decision"].value("entitlements", nlohmann::json::array()))
    p.entitlements.push_back({e.value("id", ""), e.value("cite", "")});
  p.issued_on = ShanghaiDay(now);
  p.expires_on = policy::ParseDate(row.card_expires_on).value_or(p.issued_on);
  p.policy_id = d["policy"].value("id", "");
  p.policy_version = d["policy"].value("version", "");
  const card::RingKey& key = ring_->current();
  auto text = card::EncodeCard(p, key.key_id, key.pair.secret_key);
  if (!text.ok()) return text.status();
  JINCAI_RETURN_IF_ERROR(store::SetActiveCardStatus(tx, row.id, "superseded", "renewed as " + p.card_id, UtcText(now)));
  store::CardRow card{p.card_id, row.id, key.key_id, *text, policy::FormatDate(p.issued_on),
                      policy::FormatDate(p.expires_on), "active", "", UtcText(now)};
  JINCAI_RETURN_IF_ERROR(store::InsertCard(tx, card));
  return card;
}

Status Cards::EndFor(store::Tx& tx, int64_t application_id, const std::string& status, const std::string& reason) {
  return store::SetActiveCardStatus(tx, application_id, status, reason, UtcText(clock_()));
}

Result<store::CardRow> Cards::ActiveCard(int64_t application_id) {
  std::optional<store::CardRow> out;
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto c = store::ActiveCardOf(tx, application_id);
    if (!c.ok()) return c.status();
    out = std::move(*c);
    return Status::Ok();
  }));
  if (!out)
    return Status::NotFound("application " + std::to_string(application_id) + " has no card in force")
        .Zh("申请 " + std::to_string(application_id) + " 没有有效的绿卡");
  return *out;
}

std::shared_ptr<const card::CardVerdict> Cards::OfflineVerdict(const std::string& text, int32_t today) {
  constexpr size_t kMaxKept = 4096;
  {
    std::shared_lock lock(verdicts_mu_);
    auto it = verdicts_.find(text);
    if (it != verdicts_.end() && it->second.first == today) return it->second.second;
  }
  card::CardTrust trust = ring_ ? ring_->Trust() : card::CardTrust([](std::string_view) { return std::nullopt; });
  auto verdict = std::make_shared<const card::CardVerdict>(card::VerifyCard(text, trust, today));
  std::lock_guard lock(verdicts_mu_);
  if (verdicts_.size() >= kMaxKept) verdicts_.clear();
  verdicts_.insert_or_assign(text, std::make_pair(today, verdict));
  return verdict;
}

OnlineVerdict Cards::Verify(const std::string& text) {
  OnlineVerdict v;
  v.offline = OfflineVerdict(text, ShanghaiDay(clock_()));
  v.status = std::string(card::CardVerdictName(v.offline->kind));
  v.reason = v.offline->reason;
  v.reason_zh = v.offline->reason_zh;
  if (!v.offline->SignatureVerified() || !v.offline->payload) return v;
  const std::string& id = v.offline->payload->card_id;
  Status st = store_.ReadOne([&](store::Tx& tx) -> Status {  // one statement: no transaction needed
    auto c = store::FindCardStatus(tx, id);
    if (!c.ok()) return c.status();
    v.card = std::move(*c);
    return Status::Ok();
  });
  if (!st.ok() || !v.card) return v;
  if (v.card->status == "revoked") {
    v.status = "revoked";
    v.reason = "the office revoked card " + id + " on " + v.card->changed_at.substr(0, 10) + ": " + v.card->status_reason;
    v.reason_zh = "该绿卡 " + id + " 已于 " + v.card->changed_at.substr(0, 10) + " 被撤销：" + v.card->status_reason;
  } else if (v.card->status == "superseded") {
    v.status = "revoked";
    v.reason = "card " + id + " was replaced by a renewed card (" + v.card->status_reason + "); ask for the new one";
    v.reason_zh = "绿卡 " + id + " 已续期换发新卡（" + v.card->status_reason + "），请出示新卡";
  }
  return v;
}

Result<std::string> Cards::TrustList() const {
  if (!ring_) return Status::NotFound("this server has no signing keys").Zh("本服务未配置签名密钥");
  return ring_->TrustListJson();
}

Result<std::string> Cards::RevocationList() {
  nlohmann::json list = nlohmann::json::array();
  JINCAI_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    auto rows = store::RevokedCards(tx);
    if (!rows.ok()) return rows.status();
    for (const auto& c : *rows) list.push_back({{"card_id", c.card_id}, {"revoked_at", c.changed_at}, {"reason", c.status_reason}});
    return Status::Ok();
  }));
  return nlohmann::json{{"revoked", list}}.dump();
}

}  // namespace jincai::service
