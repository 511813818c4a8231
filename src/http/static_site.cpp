// Serving the web UI from memory (see static_site.h).
#include "http/static_site.h"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/sha256.h"

namespace jincai::http {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxTotal = 64u << 20;

std::string ContentType(const std::string& ext) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},        {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},   {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},                {".svg", "image/svg+xml"},
      {".png", "image/png"},                        {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},                     {".woff2", "font/woff2"},
      {".woff", "font/woff"},                       {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},        {".map", "application/json"},
      {".webmanifest", "application/manifest+json"}};
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

bool Compressible(const std::string& type) {
  return type.starts_with("text/") || type.find("json") != std::string::npos || type.find("svg") != std::string::npos;
}

// gzip (RFC 1952) at the best level; empty when zlib fails.
std::string Gzip(const std::string& in) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return "";
  std::string out(deflateBound(&z, in.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END ? out : "";
}

bool AcceptsGzip(const Request& req) {
  std::string_view ae = req.Header("accept-encoding");
  // "gzip;q=0" refuses it; anything else naming gzip accepts it.
  size_t at = ae.find("gzip");
  if (at == std::string_view::npos) return false;
  std::string_view rest = ae.substr(at + 4, 8);
  return rest.find("q=0") == std::string_view::npos || rest.find("q=0.") != std::string_view::npos;
}

}  // namespace

Result<StaticSite> StaticSite::Load(const std::string& dir) {
  StaticSite site;
  std::error_code ec;
  if (!fs::exists(fs::path(dir) / "index.html", ec))
    return Status::NotFound("no web UI at " + dir + " (index.html is missing): build it with `npm ci && npm run build` in web/");
  size_t total = 0;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    File f;
    f.body = ss.str();
    total += f.body.size();
    if (total > kMaxTotal) return Status::InvalidArgument("the web UI at " + dir + " exceeds 64 MiB");
    std::string rel = "/" + fs::relative(it->path(), dir).generic_string();
    f.content_type = ContentType(it->path().extension().string());
    if (Compressible(f.content_type) && f.body.size() > 512) {
      std::string gz = Gzip(f.body);
      if (!gz.empty() && gz.size() < f.body.size()) f.gzip = std::move(gz);
    }
    f.etag = "\"" + store::Sha256Hex(f.body).substr(0, 32) + "\"";
    f.immutable = rel.starts_with("/assets/");
    site.files_.emplace(std::move(rel), std::move(f));
  }
  if (ec) return Status::Io("cannot read the web UI at " + dir + ": " + ec.message());
  return site;
}

Response StaticSite::Answer(const Request& req, const File& f) const {
  Response r;
  r.headers.emplace_back("ETag", f.etag);
  r.headers.emplace_back("Cache-Control", f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  r.headers.emplace_back("Vary", "Accept-Encoding");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  if (req.Header("if-none-match") == f.etag) {
    r.status = 304;
    r.content_type.clear();
    return r;
  }
  r.content_type = f.content_type;
  if (!f.gzip.empty() && AcceptsGzip(req)) {
    r.body = f.gzip;
    r.headers.emplace_back("Content-Encoding", "gzip");
  } else {
    r.body = f.body;
  }
  return r;
}

std::optional<Response> StaticSite::Serve(const Request& req) const {
  if (req.method != "GET") return std::nullopt;
  const std::string& path = req.path;
  if (path.starts_with("/api/")) return std::nullopt;
  auto it = files_.find(path == "/" ? "/index.html" : path);
  if (it != files_.end()) return Answer(req, it->second);
  // A UI route (/talent/dossier) has no file extension in its last segment.
  std::string last = path.substr(path.rfind('/') + 1);
  if (last.find('.') != std::string::npos) return std::nullopt;
  return Answer(req, files_.at("/index.html"));
}

}  // namespace jincai::http
