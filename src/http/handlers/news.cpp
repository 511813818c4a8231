// /api/v1/news: the office's articles. Anyone reads the published ones (as Markdown and
// as safe HTML) and their Atom feed; officers publish, edit and withdraw.
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
  // Links are paths, resolved against the feed's own address (RFC 4287 allows
  // references relative to the document): never built from a Host header.
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  x += "  <title>晋才 Jincai</title>\n  <subtitle>山西省人才工作 · recruitment and policy news</subtitle>\n";
  x += "  <id>urn:jincai:news</id>\n";
  x += "  <link rel=\"self\" href=\"/api/v1/news.atom\"/>\n";
  x += "  <link rel=\"alternate\" href=\"/\"/>\n";
  x += "  <updated>" + (rows->empty() ? std::string("1970-01-01T00:00:00Z") : rows->front().updated_at) + "</updated>\n";
  for (const auto& n : *rows) {
    x += "  <entry>\n";
    x += "    <title>" + EscapeXml(n.title) + "</title>\n";
    x += "    <id>urn:jincai:news:" + std::to_string(n.id) + "</id>\n";
    x += "    <link href=\"/news/" + std::to_string(n.id) + "\"/>\n";
    x += "    <published>" + n.published_at + "</published>\n";
    x += "    <updated>" + n.updated_at + "</updated>\n";
    x += "    <author><name>山西省人才工作领导小组办公室</name></author>\n";
    x += "    <category term=\"" + n.category + "\"/>\n";
    x += "    <summary>" + EscapeXml(MarkdownSummary(n.body, 200)) + "</summary>\n";
    x += "    <content type=\"html\" xml:lang=\"" + n.lang + "\">" + EscapeXml(MarkdownToHtml(n.body)) + "</content>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  Response r;
  r.content_type = "application/atom+xml; charset=utf-8";
  r.body = std::move(x);
  r.headers.emplace_back("Cache-Control", "public, max-age=60");
  return r;
}

}  // namespace jincai::http
