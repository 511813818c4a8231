// /api/v1/news: the office's articles. Anyone reads the published ones (as Markdown and
// as safe HTML) and their Atom feed; officers publish, edit and withdraw.
#include "http/atom_feed.h"
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "http/markdown.h"
#include "http/problem.h"

namespace jincai::http {
namespace {

nlohmann::json NewsJson(const store::NewsRow& n, bool with_body) {
  nlohmann::json out = {{"id", n.id},
                        {"title", n.title},
                        {"category", n.category},
                        {"lang", n.lang},
                        {"status", n.status},
                        {"published_at", n.published_at},
                        {"updated_at", n.updated_at},
                        {"summary", MarkdownSummary(n.body, 120)}};
  if (with_body) {
    out["body"] = n.body;
    out["body_html"] = MarkdownToHtml(n.body);
  }
  return out;
}

std::optional<service::NewsArticle> ArticleOf(const Request& req, Response* problem) {
  JsonBody b(req, {"title", "category", "lang", "body"});
  service::NewsArticle a{b.Str("title", 1000), b.Str("category", 40), b.Str("lang", 10), b.Str("body", 200000)};
  if (!b.ok()) {
    *problem = b.Problem();
    return std::nullopt;
  }
  return a;
}

bool FilterOf(const Request& req, store::NewsFilter* f, Response* problem) {
  if (!NewestPageOf(req, &f->limit, &f->before_id, problem)) return false;
  if (std::string v = QueryParam(req, "category"); !v.empty()) f->category = v;
  if (std::string v = QueryParam(req, "lang"); !v.empty()) f->lang = v;
  return true;
}

}  // namespace

Response HandleListNews(const Request& req, Services& s) {
  store::NewsFilter f;
  Response problem;
  if (!FilterOf(req, &f, &problem)) return problem;
  auto rows = s.news.Published(f);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& n : *rows) items.push_back(NewsJson(n, false));
  return JsonResponse({{"items", items}});
}

Response HandleGetNews(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto row = s.news.Get(*id);
  if (!row.ok()) return ProblemFor(row.status(), req);
  return JsonResponse(NewsJson(*row, true));
}

Response HandlePublishNews(const Request& req, Services& s) {
  Response problem;
  auto a = ArticleOf(req, &problem);
  if (!a) return problem;
  auto row = s.news.Publish(req.auth->actor, *a);
  if (!row.ok()) return ProblemFor(row.status(), req);
  return JsonResponse(NewsJson(*row, true), 201);
}

Response HandleEditNews(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto a = ArticleOf(req, &problem);
  if (!a) return problem;
  auto row = s.news.Edit(req.auth->actor, *id, *a);
  if (!row.ok()) return ProblemFor(row.status(), req);
  return JsonResponse(NewsJson(*row, true));
}

Response HandleWithdrawNews(const Request& req, Services& s) {
  Response problem;
  auto id = PathId(req, "id", &problem);
  if (!id) return problem;
  auto row = s.news.Withdraw(req.auth->actor, *id);
  if (!row.ok()) return ProblemFor(row.status(), req);
  return JsonResponse(NewsJson(*row, true));
}

Response HandlePreviewNews(const Request& req, Services&) {
  JsonBody b(req, {"body"});
  std::string body = b.Str("body", 200000);
  if (!b.ok()) return b.Problem();
  return JsonResponse({{"body_html", MarkdownToHtml(body)}, {"summary", MarkdownSummary(body, 120)}});
}

Response HandleNewsFeed(const Request& req, Services& s) {
  store::NewsFilter f;
  Response problem;
  if (!FilterOf(req, &f, &problem)) return problem;
  auto rows = s.news.Published(f);
  if (!rows.ok()) return ProblemFor(rows.status(), req);
  AtomFeed feed{"晋才 Jincai", "山西省人才工作 · recruitment and policy news", "urn:jincai:news", "/api/v1/news.atom", "/",
                rows->empty() ? std::string("1970-01-01T00:00:00Z") : rows->front().updated_at, {}};
  for (const auto& n : *rows)
    feed.entries.push_back({n.title, "urn:jincai:news:" + std::to_string(n.id), "/news/" + std::to_string(n.id),
                            n.published_at, n.updated_at, "山西省人才工作领导小组办公室", n.category,
                            MarkdownSummary(n.body, 200), MarkdownToHtml(n.body), "html", n.lang});
  return AtomResponse(feed);
}

}  // namespace jincai::http
