// The web UI's built files (web/dist), read into memory once at start and served for
// every GET that no API route takes: exact files, else index.html for the UI's own
// routes. Each file is kept gzip-compressed too when that is smaller; hashed assets
// are cached for a year, everything else revalidated by ETag.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "common/result.h"
#include "http/request.h"
#include "http/response.h"

namespace jincai::http {

class StaticSite {
 public:
  // Reads every regular file under `dir` (at most 64 MiB in all). NotFound when `dir`
  // has no index.html.
  static Result<StaticSite> Load(const std::string& dir);

  // The response for a GET of req.path, or nullopt when the site has no such file and
  // the path is not a UI route (it has a file extension, or is under /api/).
  std::optional<Response> Serve(const Request& req) const;
  size_t files() const { return files_.size(); }

 private:
  struct File {
    std::string body, gzip, content_type, etag;
    bool immutable = false;  // under assets/: the name carries a content hash
  };
  Response Answer(const Request& req, const File& f) const;
  std::map<std::string, File> files_;  // by URL path: "/index.html", "/assets/x.js"
};

}  // namespace jincai::http
