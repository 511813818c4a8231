// The Atom writer (see atom_feed.h).
#include "http/atom_feed.h"

#include "http/markdown.h"

namespace jincai::http {

Response AtomResponse(const AtomFeed& f) {
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  x += "  <title>" + EscapeXml(f.title) + "</title>\n";
  if (!f.subtitle.empty()) x += "  <subtitle>" + EscapeXml(f.subtitle) + "</subtitle>\n";
  x += "  <id>" + EscapeXml(f.id) + "</id>\n";
  x += "  <link rel=\"self\" href=\"" + EscapeXml(f.self) + "\"/>\n";
  x += "  <link rel=\"alternate\" href=\"" + EscapeXml(f.alternate) + "\"/>\n";
  x += "  <updated>" + EscapeXml(f.updated) + "</updated>\n";
  for (const auto& e : f.entries) {
    x += "  <entry>\n";
    x += "    <title>" + EscapeXml(e.title) + "</title>\n";
    x += "    <id>" + EscapeXml(e.id) + "</id>\n";
    x += "    <link href=\"" + EscapeXml(e.link) + "\"/>\n";
    x += "    <published>" + EscapeXml(e.published) + "</published>\n";
    x += "    <updated>" + EscapeXml(e.updated) + "</updated>\n";
    x += "    <author><name>" + EscapeXml(e.author) + "</name></author>\n";
    x += "    <category term=\"" + EscapeXml(e.category) + "\"/>\n";
    x += "    <summary>" + EscapeXml(e.summary) + "</summary>\n";
    x += "    <content type=\"" + EscapeXml(e.content_type) + "\" xml:lang=\"" + EscapeXml(e.lang) + "\">" +
         EscapeXml(e.content) + "</content>\n";
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
