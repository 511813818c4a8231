// Cards: an application's signed card (with its QR code as SVG) for those who may see
// the application; and, for anyone, the trust list of public keys, the revocation
// list, and online verification of a card's text (the offline verdict plus the
// office's revocation status).
#include "card/qr_code.h"
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/problem.h"
#include "http/views.h"

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
  std::string text;
  if (auto plain = SingleStringField(req, "text", card::kMaxCardText * 2)) {
    text = *plain;
  } else {
    JsonBody b(req, {"text"});
    text = b.Str("text", card::kMaxCardText * 2);
    if (!b.ok()) return b.Problem();
  }
  Response r;
  r.body = CardVerdictJson(s.cards.Verify(text), req.lang == Lang::kZhCN);
  return r;
}

}  // namespace jincai::http
