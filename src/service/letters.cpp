// The office's letters on claims (see letters.h).
#include "service/letters.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "domain/employer_profile.h"
#include "service/audit_trail.h"
#include "service/clock.h"
#include "store/records/applications_table.h"
#include "store/records/cards_table.h"
#include "store/records/claims_table.h"
#include "store/records/talents_table.h"

namespace jincai::service {
namespace {

using nlohmann::json;

// 80 random bits in Crockford's Base32 (no I, L, O, U): "JL-7K3M-Q9XD-2HCW-TR5B".
std::string NewLetterNumber() {
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  std::string out = "JL";
  for (int i = 0; i < 16; ++i) {
    if (i % 4 == 0) out += '-';
    out += kAlphabet[bytes[i] & 31];
  }
  return out;
}

}  // namespace

Result<store::LetterRow> IssueLetter(store::Tx& tx, const Actor& by, const store::ClaimRow& claim, int64_t now) {
  auto app = store::FindApplication(tx, claim.application_id);
  if (!app.ok()) return app.status();
  auto talent = store::FindTalent(tx, claim.talent_id);
  if (!talent.ok()) return talent.status();
  auto card = store::ActiveCardOf(tx, claim.application_id);
  if (!card.ok()) return card.status();
  if (!*app || !*talent || !*card)
    return Status::Conflict("claim " + std::to_string(claim.id) + " has no card in force to write a letter on")
        .Zh("待遇申领 " + std::to_string(claim.id) + " 没有有效的绿卡，无法出具函件");
  const std::string& name = (*talent)->name;
  const std::string& card_id = (*card)->card_id;
  const std::string& tier = (*app)->tier;
  store::LetterRow l;
  l.number = NewLetterNumber();
  l.claim_id = claim.id;
  l.holder_name = name;
  l.issued_on = ShanghaiDate(now);
  l.valid_until = (*card)->expires_on;
  l.issued_by = by.AuditName();
  l.created_at = UtcText(now);
  const std::string who_zh = name + "（山西省人才绿卡 " + card_id + "，" + tier + " 类）";
  const std::string who_en = name + " (Shanxi talent green card " + card_id + ", tier " + tier + ")";
  if (claim.entitlement == "residence_choice") {
    json d = json::parse(claim.detail, nullptr, false);
    const std::string code = d.is_object() ? d.value("city", "") : "";
    const std::string county = d.is_object() ? d.value("county", "") : "";
    const auto* city = domain::FindLabelled(domain::ShanxiCities(), code);
    if (!city) return Status::Conflict("the talent has not chosen a city yet").Zh("人才尚未选择落户城市");
    l.kind = "settlement";
    l.body_zh = "落户介绍信\n\n兹有 " + who_zh + "，依据山西省人才绿卡制度，自主选择在" + std::string(city->zh) +
                county + "落户。其落户不受户籍、地域、身份、学历、所有制等条件限制，请予办理户籍登记手续。";
    l.body_en = "Settlement letter\n\n" + who_en + " has chosen, under the Shanxi talent green card, to settle in " +
                std::string(city->en) + (county.empty() ? "" : " (" + county + ")") +
                ". Settlement is not subject to conditions of household registration, region, identity, education or "
                "ownership; please register the household accordingly.";
  } else if (claim.entitlement == "residence_permit_5y") {
    l.kind = "residence_permit_support";
    l.body_zh = "外籍高层次人才居留许可支持函\n\n兹有 " + who_zh + "，系我省认定的高层次外籍人才，请出入境管理部门依规一次性为其办理有效期五年的居留许可。";
    l.body_en = "Letter of support for a residence permit\n\n" + who_en +
                " is a high-level foreign talent recognised by Shanxi Province. We ask the exit-entry administration to "
                "issue a residence permit valid for five years at one time, as the regulations provide.";
  } else if (claim.entitlement == "permanent_residence_priority") {
    l.kind = "permanent_residence_recommendation";
    l.body_zh = "外国人永久居留推荐函\n\n兹有 " + who_zh + "，符合山西省人才绿卡制度规定的条件，特推荐其优先申请办理外国人永久居留身份证。";
    l.body_en = "Recommendation for permanent residence\n\n" + who_en +
                " meets the conditions of the Shanxi talent green card. We recommend that their application for "
                "permanent residence be handled with priority.";
  } else {
    return Status::Conflict("a " + claim.entitlement + " claim has no letter").Zh("该类待遇申领没有函件");
  }
  JINCAI_RETURN_IF_ERROR(store::InsertLetter(tx, l));
  return l;
}

Result<store::LetterRow> FindLetterByNumber(store::Store& store, const std::string& number, int64_t now) {
  std::optional<store::LetterRow> out;
  JINCAI_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) -> Status {
    auto l = store::FindLetter(tx, number);
    if (!l.ok()) return l.status();
    if (!*l) return Status::Ok();
    out = **l;
    // A letter holds as long as the card behind it: a renewal extends it.
    auto claim = store::FindClaim(tx, out->claim_id);
    if (!claim.ok()) return claim.status();
    if (!*claim) return Status::Ok();
    auto app = store::FindApplicationStatus(tx, (*claim)->application_id);
    if (!app.ok()) return app.status();
    if (*app && (*app)->state == "issued" && (*app)->card_expires_on > out->valid_until)
      out->valid_until = (*app)->card_expires_on;
    return Status::Ok();
  }));
  if (!out)
    return Status::NotFound("no letter has the number " + number + ": it was not issued by this office")
        .Zh("不存在编号为 " + number + " 的函件：并非本机关出具");
  if (out->status == "valid" && out->valid_until < ShanghaiDate(now)) out->status = "expired";
  return *out;
}

}  // namespace jincai::service
