// An Atom feed (RFC 4287) as a response: the news and the open positions are both
// published this way. Every text is XML-escaped (control characters left out); links
// are paths, resolved against the feed's own address (RFC 4287 allows references
// relative to the document), never built from a Host header.
#pragma once

#include <string>
#include <vector>

#include "http/response.h"

namespace jincai::http {

struct AtomEntry {
  std::string title, id, link, published, updated, author, category, summary;
  std::string content, content_type, lang;  // content_type: "text" or "html"
};

struct AtomFeed {
  std::string title, subtitle, id, self, alternate, updated;  // subtitle: optional
  std::vector<AtomEntry> entries;
};

// The feed as application/atom+xml, cacheable for a minute.
Response AtomResponse(const AtomFeed& feed);

}  // namespace jincai::http
