// COSE_Sign1 for the card. Strict on purpose: one issuer writes these, so anything
// other than exactly what EncodeCoseSign1 writes is refused rather than interpreted.
#include "card/cose_sign1.h"

#include <sodium.h>

#include "card/cbor.h"

namespace jincai::card {
namespace {

constexpr uint64_t kAllowedTags[] = {kCoseSign1Tag};
constexpr std::string_view kContext = "Signature1";

std::string_view View(const PayloadDigest& d) { return {reinterpret_cast<const char*>(d.data()), d.size()}; }

Status Structure(const std::string& en, const std::string& zh) {
  return Status::InvalidArgument("COSE_Sign1: " + en).Zh("签名信封（COSE_Sign1）：" + zh);
}

Status ReadProtectedHeader(std::string_view bytes, CoseSign1& out) {
  Result<CborItem> parsed = ParseCbor(bytes);
  if (!parsed.ok()) return Structure("the protected header is not valid: " + parsed.status().message(),
                                     "受保护头部无效：" + parsed.status().message());
  const CborItem& map = *parsed;
  const CborItem* alg = map.Find(kCoseHeaderAlg);
  const CborItem* kid = map.Find(kCoseHeaderKeyId);
  const CborItem* digest = map.Find(kCoseHeaderPayloadDigest);
  if (map.kind != CborKind::kMap || !alg || !kid || !digest || map.items.size() != 6)
    return Structure("the protected header must be exactly {1: alg, 4: kid, -70000: payload digest}",
                     "受保护头部应恰好为 {1: 算法, 4: 密钥编号, -70000: 内容摘要}");
  if (alg->AsInt() != kCoseAlgEdDSA) {
    const std::string shown = alg->AsInt() ? std::to_string(*alg->AsInt()) : "not an integer";
    return Structure("the algorithm is " + shown + ", not EdDSA (-8)", "签名算法为 " + shown + "，不是 EdDSA（-8）");
  }
  if (kid->kind != CborKind::kBytes || kid->content.empty() || kid->content.size() > kMaxKeyIdBytes)
    return Structure("the key id must be a byte string of 1 to 64 bytes", "密钥编号应为 1 至 64 字节的字节串");
  if (digest->kind != CborKind::kBytes || digest->content.size() != PayloadDigest{}.size())
    return Structure("the payload digest must be a byte string of 32 bytes", "内容摘要应为 32 字节的字节串");
  out.key_id = kid->content;
  out.payload_digest = digest->content;
  return Status::Ok();
}

}  // namespace

PayloadDigest DigestOfPayload(std::string_view payload) {
  PayloadDigest d;
  crypto_hash_sha256(d.data(), reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
  return d;
}

std::string EncodeProtectedHeader(std::string_view key_id, const PayloadDigest& digest) {
  CborMapWriter map;
  map.Entry(kCoseHeaderAlg).Int(kCoseAlgEdDSA);
  map.Entry(kCoseHeaderKeyId).Bytes(key_id);
  map.Entry(kCoseHeaderPayloadDigest).Bytes(View(digest));
  CborWriter out;
  std::move(map).WriteTo(out);
  return std::move(out).Release();
}

std::string SigStructure(std::string_view protected_header, std::string_view payload) {
  CborWriter out;
  // One allocation: this runs on every verification.
  out.Reserve(24 + kContext.size() + protected_header.size() + payload.size());
  out.Array(4).Text(kContext).Bytes(protected_header).Bytes({}).Bytes(payload);
  return std::move(out).Release();
}

std::string EncodeCoseSign1(std::string_view protected_header, std::string_view payload, std::string_view signature) {
  CborWriter out;
  out.Tag(kCoseSign1Tag).Array(4).Bytes(protected_header).Map(0).Bytes(payload).Bytes(signature);
  return std::move(out).Release();
}

Result<CoseSign1> ParseCoseSign1(std::string_view bytes) {
  Result<CborItem> parsed = ParseCbor(bytes, {.max_depth = 16, .allowed_tags = kAllowedTags});
  if (!parsed.ok()) return Structure(parsed.status().message(), "不是有效的 CBOR：" + parsed.status().message());
  const CborItem& root = *parsed;
  if (root.kind != CborKind::kTag || root.argument != kCoseSign1Tag)
    return Structure("the envelope must be tagged 18 (COSE_Sign1)", "信封应带有标签 18（COSE_Sign1）");
  const CborItem& array = root.items[0];
  if (array.kind != CborKind::kArray || array.items.size() != 4)
    return Structure("the envelope must be an array of four items", "信封应为包含四项的数组");
  const auto& it = array.items;
  if (it[0].kind != CborKind::kBytes || it[1].kind != CborKind::kMap || it[2].kind != CborKind::kBytes ||
      it[3].kind != CborKind::kBytes)
    return Structure("the envelope must be [protected bstr, unprotected map, payload bstr, signature bstr]",
                     "信封应为 [受保护头部字节串, 非保护头部映射, 内容字节串, 签名字节串]");
  if (!it[1].items.empty())
    return Structure("the unprotected header must be empty (nothing unsigned is trusted)",
                     "非保护头部应为空（不信任未签名的内容）");
  CoseSign1 out;
  out.protected_header = it[0].content;
  out.payload = it[2].content;
  out.signature = it[3].content;
  JINCAI_RETURN_IF_ERROR(ReadProtectedHeader(out.protected_header, out));
  return out;
}

}  // namespace jincai::card
