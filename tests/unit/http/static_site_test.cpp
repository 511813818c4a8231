// The web UI's files from memory: exact paths, index.html for UI routes, gzip when the
// client accepts it, ETag revalidation, year-long caching only for hashed assets, and
// nothing for /api/ paths or missing files with an extension.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "http/static_site.h"

namespace jincai::http {
namespace {

namespace fs = std::filesystem;

std::string HeaderOf(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

class StaticSiteTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "jincai-web-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    fs::create_directories(dir_ / "assets");
    std::ofstream(dir_ / "index.html") << "<!doctype html><div id=app></div>";
    std::ofstream(dir_ / "assets" / "index-abc123.js") << std::string(4000, 'x');
    std::ofstream(dir_ / "favicon.svg") << "<svg/>";
  }
  void TearDown() override { fs::remove_all(dir_); }
  static Request Get(const std::string& path, const std::string& encoding = "") {
    Request r;
    r.method = "GET";
    r.path = path;
    if (!encoding.empty()) r.headers.emplace_back("accept-encoding", encoding);
    return r;
  }
  fs::path dir_;
};

TEST_F(StaticSiteTest, ServesFilesRoutesAndRevalidation) {
  auto site = StaticSite::Load(dir_.string());
  ASSERT_TRUE(site.ok()) << site.status().message();
  EXPECT_EQ(site->files(), 3u);

  auto index = site->Serve(Get("/"));
  ASSERT_TRUE(index);
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(HeaderOf(*index, "Cache-Control"), "no-cache");
  auto route = site->Serve(Get("/talent/dossier"));
  ASSERT_TRUE(route);
  EXPECT_EQ(route->body, index->body) << "a UI route gets index.html";

  auto js = site->Serve(Get("/assets/index-abc123.js", "gzip, deflate, br"));
  ASSERT_TRUE(js);
  EXPECT_EQ(HeaderOf(*js, "Content-Encoding"), "gzip");
  EXPECT_LT(js->body.size(), 200u);
  EXPECT_EQ(HeaderOf(*js, "Cache-Control"), "public, max-age=31536000, immutable");
  auto plain = site->Serve(Get("/assets/index-abc123.js"));
  EXPECT_EQ(plain->body.size(), 4000u);
  EXPECT_EQ(HeaderOf(*plain, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(*site->Serve(Get("/assets/index-abc123.js", "gzip;q=0")), "Content-Encoding"), "");

  Request again = Get("/assets/index-abc123.js");
  again.headers.emplace_back("if-none-match", HeaderOf(*plain, "ETag"));
  auto not_modified = site->Serve(again);
  EXPECT_EQ(not_modified->status, 304);
  EXPECT_TRUE(not_modified->body.empty());

  EXPECT_FALSE(site->Serve(Get("/missing.js")));
  EXPECT_FALSE(site->Serve(Get("/api/v1/nothing")));
  Request post = Get("/");
  post.method = "POST";
  EXPECT_FALSE(site->Serve(post));
}

TEST_F(StaticSiteTest, ADirectoryWithoutIndexIsRefused) {
  fs::remove(dir_ / "index.html");
  auto site = StaticSite::Load(dir_.string());
  EXPECT_EQ(site.status().code(), Code::kNotFound);
  EXPECT_NE(site.status().message().find("npm run build"), std::string::npos);
}

}  // namespace
}  // namespace jincai::http
