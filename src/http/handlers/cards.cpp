// Cards: an application's signed card (with its QR code as SVG) for those who may see
// the application; and, for anyone, the trust list of public keys, the revocation
// list, and online verification of a card's text (the offline verdict plus the
// office's revocation status).
#include "card/qr_code.h"
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/problem.h"

namespace jincai::http {
namespace {

// The active card of the application in the path, when the caller may see that
// application; else the problem to answer (the same 404 as for a missing one).
std::optional<store::CardRow> CardInScope(const Request& req, Services& s, Response* problem) {
  auto id = PathId(req, "id", problem);
  if (!id) return std::nullopt;
  auto app = s.applications.StatusOf(req.auth->actor, *id);
  if (!app.ok()) {
    *problem = ProblemFor(app.status(), req);
    return std::nullopt;
  }
  auto card = s.cards.ActiveCard(*id);
  if (!card.ok()) {
    *problem = ProblemFor(card.status(), req);
    return std::nullopt;
  }
  return std::move(*card);
}

}  // namespace

Response HandleGetCard(const Request& req, Services& s) {
  Response problem;
  auto card = CardInScope(req, s, &problem);
  if (!card) return problem;
  auto svg = card::QrSvg(card->text);
  if (!svg.ok()) return ProblemFor(svg.status(), req);
  return JsonResponse({{"card_id", card->card_id},
                       {"application_id", card->application_id},
                       {"key_id", card->key_id},
                       {"issued_on", card->issued_on},
                       {"expires_on", card->expires_on},
                       {"status", card->status},
                       {"text", card->text},
                       {"qr_svg", *svg}});
}

Response HandleGetCardPng(const Request& req, Services& s) {
  Response problem;
  auto card = CardInScope(req, s, &problem);
  if (!card) return problem;
  auto png = card::QrPng(card->text);
  if (!png.ok()) return ProblemFor(png.status(), req);
  Response r;
  r.content_type = "image/png";
  r.body = std::move(*png);
  r.headers.emplace_back("Cache-Control", "private, no-cache");
  return r;
}

Response HandleTrustList(const Request& req, Services& s) {
  auto list = s.cards.TrustList();
  if (!list.ok()) return ProblemFor(list.status(), req);
  Response r;
  r.body = *list;
  r.headers.emplace_back("Cache-Control", "public, max-age=300");
  return r;
}

Response HandleRevocations(const Request& req, Services& s) {
  auto list = s.cards.RevocationList();
  if (!list.ok()) return ProblemFor(list.status(), req);
  Response r;
  r.body = *list;
  r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

Response HandleVerifyCard(const Request& req, Services& s) {
  JsonBody b(req, {"text"});
  std::string text = b.Str("text", card::kMaxCardText * 2);
  if (!b.ok()) return b.Problem();
  service::OnlineVerdict v = s.cards.Verify(text);
  nlohmann::json out = {{"verdict", v.status},
                        {"reason", req.lang == Lang::kZhCN ? v.reason_zh : v.reason},
                        {"key_id", v.offline->key_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.offline->key_id)}};
  if (v.offline->payload && v.offline->SignatureVerified()) {
    const card::CardPayload& p = *v.offline->payload;
    nlohmann::json ents = nlohmann::json::array();
    for (const auto& e : p.entitlements) ents.push_back({{"id", e.id}, {"clause", e.clause}});
    out["card"] = {{"card_id", p.card_id},   {"holder_name", p.holder_name}, {"nationality", p.nationality},
                   {"tier", p.tier},         {"entitlements", ents},         {"issued_on", card::CardDayText(p.issued_on)},
                   {"expires_on", card::CardDayText(p.expires_on)},          {"policy_id", p.policy_id},
                   {"policy_version", p.policy_version}};
  }
  return JsonResponse(out);
}

}  // namespace jincai::http
