// Dispatch without a server: target checks (escapes, UTF-8, traversal), language
// negotiation, problem documents in both languages, /healthz against a real SQLite
// store, and the metrics text it leaves behind.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "http/dispatch.h"
#include "http/metrics.h"
#include "http/router.h"
#include "service/platform.h"

namespace jincai::http {
namespace {

namespace fs = std::filesystem;

class DispatchTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "jincai-http-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    auto s = store::Store::Open("sqlite:" + dir_ + "/db");
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
    ASSERT_TRUE(store_->Migrate().ok());
    platform_.emplace(*store_);
    services_.emplace(Services{*store_, metrics_, router_, platform_->accounts, platform_->records,
                               platform_->applications, platform_->policies, platform_->cards, platform_->claims,
                               platform_->flats, platform_->schools, platform_->allowances, platform_->simulator, platform_->statistics, platform_->news,
                               platform_->market, platform_->position_applications, platform_->flows});
  }
  void TearDown() override {
    services_.reset();
    platform_.reset();
    store_.reset();
    fs::remove_all(dir_);
  }

  Response Get(const std::string& target, const std::string& accept_language = "", const std::string& method = "GET") {
    Request req;
    req.method = method;
    req.target = target;
    if (!accept_language.empty()) req.headers.emplace_back("accept-language", accept_language);
    return Dispatch(req, *services_);
  }
  static nlohmann::json Doc(const Response& r) { return nlohmann::json::parse(r.body); }

  std::string dir_;
  std::unique_ptr<store::Store> store_;
  Metrics metrics_;
  Router router_{AllRoutes()};
  std::optional<service::Platform> platform_;
  std::optional<Services> services_;
};

TEST(Language, NegotiatesZhCnByDefault) {
  EXPECT_EQ(NegotiateLanguage(""), Lang::kZhCN);
  EXPECT_EQ(NegotiateLanguage("fr, de;q=0.5"), Lang::kZhCN);
  EXPECT_EQ(NegotiateLanguage("en"), Lang::kEn);
  EXPECT_EQ(NegotiateLanguage("EN-us"), Lang::kEn);
  EXPECT_EQ(NegotiateLanguage("zh-CN,zh;q=0.9,en;q=0.8"), Lang::kZhCN);
  EXPECT_EQ(NegotiateLanguage("zh;q=0.3, en;q=0.7"), Lang::kEn);
  EXPECT_EQ(NegotiateLanguage("en;q=0, zh-TW"), Lang::kZhCN);
  EXPECT_EQ(NegotiateLanguage("fr, en;q=0.1"), Lang::kEn);
}

TEST_F(DispatchTest, HealthzReportsTheDatabase) {
  Response r = Get("/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(Doc(r)["status"], "ok");
  EXPECT_EQ(Doc(r)["database"], "ok");
}

TEST_F(DispatchTest, HealthzIs503WhenTheStoreRefuses) {
  // A store refuses every call made from inside one of its transactions: a real,
  // deterministic failure of the real store, standing in for a lost database.
  Response r;
  Status st = store_->Transact([&](store::Tx&) {
    r = Get("/healthz", "en");
    return Status::Ok();
  });
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(r.content_type, kProblemJson);
  EXPECT_EQ(Doc(r)["type"], "urn:jincai:problem:database-unavailable");
  EXPECT_TRUE(Doc(r)["detail"].get<std::string>().starts_with("The database cannot be reached: ")) << r.body;
}

TEST_F(DispatchTest, NotFoundInBothLanguages) {
  Response r = Get("/api/v1/none");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, kProblemJson);
  auto doc = Doc(r);
  EXPECT_EQ(doc["title"], "未找到");
  EXPECT_EQ(doc["detail"], "没有与 GET /api/v1/none 匹配的接口");
  EXPECT_EQ(doc["instance"], "/api/v1/none");
  EXPECT_EQ(doc["status"], 404);
  EXPECT_EQ(Doc(Get("/api/v1/none", "en"))["detail"], "No route matches GET /api/v1/none");
}

TEST_F(DispatchTest, WrongMethodIs405WithAllow) {
  Response r = Get("/metrics", "en", "POST");
  EXPECT_EQ(r.status, 405);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"Allow", "GET"}));
}

TEST_F(DispatchTest, TargetsThatAreRefused) {
  struct Case {
    const char* target;
    const char* type;
  };
  for (const Case& c : {Case{"/a/../healthz", "path-traversal"}, Case{"/a/%2e%2E/b", "path-traversal"},
                        Case{"/./healthz", "path-traversal"}, Case{"/healthz/..", "path-traversal"},
                        Case{"/a%00b", "path-traversal"}, Case{"/a%2", "bad-target"}, Case{"/a%g0", "bad-target"},
                        Case{"healthz", "bad-target"}, Case{"http://x/healthz", "bad-target"},
                        Case{"/%C0%AF", "invalid-utf8"},  // overlong '/'
                        Case{"/%ED%A0%80", "invalid-utf8"},  // a surrogate
                        Case{"/%F4%90%80%80", "invalid-utf8"},  // above U+10FFFF
                        Case{"/a\xff", "invalid-utf8"}, Case{"/healthz?x=%E4%B8", "invalid-utf8"}}) {
    Response r = Get(c.target, "en");
    EXPECT_EQ(r.status, 400) << c.target;
    EXPECT_EQ(Doc(r)["type"], std::string("urn:jincai:problem:") + c.type) << c.target;
  }
  // Fine: UTF-8 paths, dots inside a segment, a query.
  EXPECT_EQ(Get("/api/v1/%E4%BA%BA%E6%89%8D").status, 404);
  EXPECT_EQ(Get("/a..b/.c").status, 404);
  EXPECT_EQ(Get("/healthz?verbose=1&x=%E4%BA%BA").status, 200);
}

TEST_F(DispatchTest, MetricsCountRequestsByRouteAndStatus) {
  Get("/healthz");
  Get("/healthz");
  Get("/nowhere");
  std::string text = metrics_.Render();
  EXPECT_NE(text.find("jincai_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 2\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("jincai_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("jincai_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"} 2\n"),
            std::string::npos);
  EXPECT_NE(text.find("jincai_http_request_duration_seconds_count{route=\"/healthz\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("jincai_database_duration_seconds_count{operation=\"health\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("# TYPE jincai_http_request_duration_seconds histogram\n"), std::string::npos);
}

}  // namespace
}  // namespace jincai::http
