// The payload's CBOR form (keys in card_payload.h) and its checks. Decoding checks
// each value's type as it meets the key, then the same rules issuing checks, so a
// decoded payload is one that could have been issued.
#include "card/card_payload.h"

#include <cstdio>

#include <sodium.h>

#include "card/cbor.h"

namespace jincai::card {
namespace {

enum Key : int64_t {
  kCardId = 1,
  kHolderName = 2,
  kDocumentDigest = 3,
  kNationality = 4,
  kTier = 5,
  kEntitlements = 6,
  kIssuedOn = 7,
  kExpiresOn = 8,
  kPolicyId = 9,
  kPolicyVersion = 10,
};
constexpr int64_t kKeyCount = 10;
constexpr int64_t kEntitlementId = 1, kEntitlementClause = 2;

struct FieldName {
  const char* en;
  const char* zh;
};
// Indexed by Key.
constexpr FieldName kFields[kKeyCount + 1] = {
    {"", ""},
    {"card_id", "卡号"},
    {"holder_name", "持卡人姓名"},
    {"document_digest", "证件摘要"},
    {"nationality", "国籍"},
    {"tier", "人才层级"},
    {"entitlements", "权益"},
    {"issued_on", "签发日期"},
    {"expires_on", "有效期至"},
    {"policy_id", "政策编号"},
    {"policy_version", "政策版本"},
};

Status Problem(int64_t key, const std::string& en, const std::string& zh) {
  return Status::InvalidArgument(std::string("card payload: ") + kFields[key].en + " " + en)
      .Field(std::string("card.") + kFields[key].en)
      .Zh(std::string("证书内容：") + kFields[key].zh + zh);
}

Status CheckText(int64_t key, std::string_view text) {
  if (text.empty()) return Problem(key, "must not be empty", "不能为空");
  if (!IsUtf8(text)) return Problem(key, "is not valid UTF-8 text", "不是有效的 UTF-8 文本");
  return Status::Ok();
}

Status Text(const CborItem& v, int64_t key, std::string& out) {
  if (v.kind != CborKind::kText) return Problem(key, "must be a text string", "应为文本");
  out.assign(v.content);
  return Status::Ok();
}

Status Day(const CborItem& v, int64_t key, int32_t& out) {
  if (v.kind != CborKind::kUnsigned || v.argument > INT32_MAX)
    return Problem(key, "must be a day number (an unsigned integer of days since 1970-01-01)",
                   "应为日期（自 1970-01-01 起的天数，非负整数）");
  out = static_cast<int32_t>(v.argument);
  return Status::Ok();
}

Status Entitlements(const CborItem& v, std::vector<CardEntitlement>& out) {
  if (v.kind != CborKind::kArray) return Problem(kEntitlements, "must be an array", "应为数组");
  out.reserve(v.items.size());
  for (const CborItem& e : v.items) {
    const std::string n = std::to_string(out.size() + 1);
    const CborItem* id = e.Find(kEntitlementId);
    const CborItem* clause = e.Find(kEntitlementClause);
    if (e.kind != CborKind::kMap || e.items.size() != 4 || !id || !clause || id->kind != CborKind::kText ||
        clause->kind != CborKind::kText)
      return Problem(kEntitlements, "entry " + n + " must be a map {1: id text, 2: clause text}",
                     "第 " + n + " 项应为映射 {1: 编号文本, 2: 条款文本}");
    out.push_back({std::string(id->content), std::string(clause->content)});
  }
  return Status::Ok();
}

}  // namespace

DocumentDigest HolderDocumentDigest(std::string_view kind, std::string_view nationality, std::string_view number) {
  std::string text;
  text.reserve(kind.size() + nationality.size() + number.size() + 2);
  text.append(kind).append(":").append(nationality).append(":");
  for (char c : number) text += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  DocumentDigest d;
  crypto_hash_sha256(d.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return d;
}

Status CheckCardPayload(const CardPayload& p) {
  JINCAI_RETURN_IF_ERROR(CheckText(kCardId, p.card_id));
  JINCAI_RETURN_IF_ERROR(CheckText(kHolderName, p.holder_name));
  const std::string& nat = p.nationality;
  if (nat.size() != 2 || nat[0] < 'A' || nat[0] > 'Z' || nat[1] < 'A' || nat[1] > 'Z')
    return Problem(kNationality, "must be an ISO 3166-1 alpha-2 code in capitals, like CN",
                   "应为两位大写字母的 ISO 3166-1 国家代码，如 CN");
  JINCAI_RETURN_IF_ERROR(CheckText(kTier, p.tier));
  for (size_t i = 0; i < p.entitlements.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    if (p.entitlements[i].id.empty() || p.entitlements[i].clause.empty())
      return Problem(kEntitlements, "entry " + n + " needs an id and a clause", "第 " + n + " 项需要编号和条款");
    if (!IsUtf8(p.entitlements[i].id) || !IsUtf8(p.entitlements[i].clause))
      return Problem(kEntitlements, "entry " + n + " is not valid UTF-8 text", "第 " + n + " 项不是有效的 UTF-8 文本");
  }
  if (p.issued_on < 0) return Problem(kIssuedOn, "must not be before 1970-01-01", "不能早于 1970-01-01");
  if (p.expires_on < p.issued_on)
    return Problem(kExpiresOn, "(" + CardDayText(p.expires_on) + ") is before the issue date (" + CardDayText(p.issued_on) + ")",
                   "（" + CardDayText(p.expires_on) + "）早于签发日期（" + CardDayText(p.issued_on) + "）");
  JINCAI_RETURN_IF_ERROR(CheckText(kPolicyId, p.policy_id));
  JINCAI_RETURN_IF_ERROR(CheckText(kPolicyVersion, p.policy_version));
  return Status::Ok();
}

std::string EncodeCardPayload(const CardPayload& p) {
  CborMapWriter map;
  map.Entry(kCardId).Text(p.card_id);
  map.Entry(kHolderName).Text(p.holder_name);
  map.Entry(kDocumentDigest)
      .Bytes(std::string_view(reinterpret_cast<const char*>(p.document_digest.data()), p.document_digest.size()));
  map.Entry(kNationality).Text(p.nationality);
  map.Entry(kTier).Text(p.tier);
  CborWriter& list = map.Entry(kEntitlements).Array(p.entitlements.size());
  for (const CardEntitlement& e : p.entitlements) {
    CborMapWriter entry;
    entry.Entry(kEntitlementId).Text(e.id);
    entry.Entry(kEntitlementClause).Text(e.clause);
    std::move(entry).WriteTo(list);
  }
  map.Entry(kIssuedOn).Uint(static_cast<uint64_t>(p.issued_on));
  map.Entry(kExpiresOn).Uint(static_cast<uint64_t>(p.expires_on));
  map.Entry(kPolicyId).Text(p.policy_id);
  map.Entry(kPolicyVersion).Text(p.policy_version);
  CborWriter out;
  std::move(map).WriteTo(out);
  return std::move(out).Release();
}

Result<CardPayload> DecodeCardPayload(std::string_view cbor) {
  Result<CborItem> parsed = ParseCbor(cbor);
  if (!parsed.ok())
    return Status::InvalidArgument("card payload: " + parsed.status().message())
        .Zh("证书内容不是有效的 CBOR：" + parsed.status().message());
  const CborItem& map = *parsed;
  if (map.kind != CborKind::kMap)
    return Status::InvalidArgument("card payload: must be a CBOR map").Zh("证书内容应为 CBOR 映射");
  CardPayload p;
  bool seen[kKeyCount + 1] = {};
  for (size_t k = 0; k < map.items.size(); k += 2) {
    const std::optional<int64_t> key = map.items[k].AsInt();
    if (!key || *key < 1 || *key > kKeyCount) {
      std::string shown = key ? std::to_string(*key) : "of another type";
      return Status::InvalidArgument("card payload: key " + shown + " is not a field of a version 1 card")
          .Zh("证书内容：键 " + shown + " 不是第 1 版证书的字段");
    }
    seen[*key] = true;
    const CborItem& v = map.items[k + 1];
    switch (static_cast<Key>(*key)) {
      case kCardId: JINCAI_RETURN_IF_ERROR(Text(v, *key, p.card_id)); break;
      case kHolderName: JINCAI_RETURN_IF_ERROR(Text(v, *key, p.holder_name)); break;
      case kDocumentDigest:
        if (v.kind != CborKind::kBytes || v.content.size() != p.document_digest.size())
          return Problem(*key, "must be a byte string of 32 bytes (SHA-256)", "应为 32 字节的字节串（SHA-256）");
        std::copy(v.content.begin(), v.content.end(), reinterpret_cast<char*>(p.document_digest.data()));
        break;
      case kNationality: JINCAI_RETURN_IF_ERROR(Text(v, *key, p.nationality)); break;
      case kTier: JINCAI_RETURN_IF_ERROR(Text(v, *key, p.tier)); break;
      case kEntitlements: JINCAI_RETURN_IF_ERROR(Entitlements(v, p.entitlements)); break;
      case kIssuedOn: JINCAI_RETURN_IF_ERROR(Day(v, *key, p.issued_on)); break;
      case kExpiresOn: JINCAI_RETURN_IF_ERROR(Day(v, *key, p.expires_on)); break;
      case kPolicyId: JINCAI_RETURN_IF_ERROR(Text(v, *key, p.policy_id)); break;
      case kPolicyVersion: JINCAI_RETURN_IF_ERROR(Text(v, *key, p.policy_version)); break;
    }
  }
  for (int64_t key = 1; key <= kKeyCount; ++key)
    if (!seen[key]) return Problem(key, "is missing", "缺失");
  JINCAI_RETURN_IF_ERROR(CheckCardPayload(p));
  return p;
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian), as in
// policy/value.cpp; repeated here because the card library depends on no other.
int32_t CardDay(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string CardDayText(int32_t days) {
  const int64_t z = int64_t{days} + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2);
  char buf[80];  // roomy enough for any int64_t, which quiets -Wformat-truncation
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", static_cast<long long>(y), static_cast<long long>(m),
                static_cast<long long>(d));
  return buf;
}

}  // namespace jincai::card
