// jincai serve [--db URL] [--host H] [--port P] [--threads N] [--demo]: migrates the
// database, stores the shipped policy on first start (and the demo province with --demo),
// then serves the HTTP API until SIGTERM or SIGINT, finishing requests in flight.
// Prints "listening on http://H:P" once it accepts connections (with --port 0, P is
// the port the system chose), so scripts and tests can wait for that line.
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>
#include <memory>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/store_support.h"
#include "card/key_ring.h"
#include "http/dispatch.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_site.h"
#include "http/timed_store.h"
#include "service/credentials.h"
#include "service/demo_province.h"
#include "service/platform.h"

namespace jincai::cli {
namespace {

// The spouse allowances' months due through this month, computed once each month
// comes (at start and hourly with the card expiry).
void ComputeAllowanceMonths(service::Platform& platform) {
  std::vector<std::string> not_computed;
  auto due = platform.allowances.Due(service::Actor::System(),
                                     service::MonthOf(service::ShanghaiDay(service::SystemClock()())), &not_computed);
  if (!due.ok()) std::fprintf(stderr, "jincai serve: allowance months: %s\n", due.status().message().c_str());
  for (const auto& n : not_computed) std::fprintf(stderr, "jincai serve: allowance months not computed: %s\n", n.c_str());
}

struct ServeOptions {
  std::string db = kDefaultDbUrl;
  std::string policy;  // empty: the shipped policy (ShippedPolicyPath)
  std::string web;     // empty: the shipped web/dist, when built
  std::string keys;  // empty: beside the SQLite file (DIR/keys), else data/keys
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 0;
  int request_timeout = 30;
  bool demo = false;
};

void PrintDemo(const service::DemoReport& demo) {
  std::printf("demo province %s: accounts (password for all: %s)\n", demo.created ? "created" : "found",
              service::kDemoPassword);
  for (const auto& a : demo.accounts) std::printf("  %-15s %s\n", a.role.c_str(), a.username.c_str());
}

void RunServe(const ServeOptions& o) {
  auto store = OpenStoreOrExit(o.db, /*create=*/true);
  auto applied = store->Migrate();
  if (!applied.ok()) throw CommandExit{kExitBadInput, "jincai: " + applied.status().message()};
  for (const auto& m : *applied) std::printf("applied %d %s\n", m.version, m.name.c_str());

  if (auto st = service::InitCredentials(); !st.ok()) throw CommandExit{kExitBadInput, "jincai: " + st.message()};
  // The card signing keys: refused when others can read them; made on first start.
  std::string keys_dir = o.keys;
  if (keys_dir.empty()) {
    keys_dir = "data/keys";
    if (o.db.starts_with("sqlite:")) keys_dir = (std::filesystem::path(o.db.substr(7)).parent_path() / "keys").string();
  }
  auto ring = card::KeyRing::Open(keys_dir);
  if (!ring.ok() && ring.status().code() == Code::kNotFound) {
    ring = card::KeyRing::Generate(keys_dir);
    if (ring.ok()) std::printf("generated signing key %s in %s\n", ring->current().key_id.c_str(), keys_dir.c_str());
  }
  if (!ring.ok()) throw CommandExit{kExitBadInput, "jincai: " + ring.status().message()};
  http::Metrics metrics;
  http::TimedStore timed(*store, metrics);  // every database call shows in /metrics
  service::Platform platform(timed, service::SystemClock(), &*ring);
  const std::string policy_path = o.policy.empty() ? ShippedPolicyPath() : o.policy;
  // The first start stores the shipped policy as version 1; later uploads supersede it.
  if (auto st = platform.policies.SeedFromFile(policy_path); !st.ok())
    throw CommandExit{kExitBadInput, "jincai: " + st.message()};
  if (o.demo) {
    auto demo = service::EnsureDemoProvince(timed, platform);
    if (!demo.ok()) throw CommandExit{kExitBadInput, "jincai: demo: " + demo.status().message()};
    PrintDemo(*demo);
  }
  if (auto n = platform.applications.ExpireDue(service::ShanghaiDay(service::SystemClock()())); n.ok() && *n > 0)
    std::printf("expired %lld card(s)\n", static_cast<long long>(*n));
  ComputeAllowanceMonths(platform);

  // The web UI: --web DIR, else web/dist when it has been built.
  std::optional<http::StaticSite> site;
  const std::string web_dir = o.web.empty() ? ShippedPath("web/dist") : o.web;
  if (auto loaded = http::StaticSite::Load(web_dir); loaded.ok()) {
    site = std::move(*loaded);
    std::printf("web UI: %s (%zu files)\n", web_dir.c_str(), site->files());
  } else if (!o.web.empty()) {
    throw CommandExit{kExitBadInput, "jincai: " + loaded.status().message()};
  } else {
    std::printf("web UI: none (%s)\n", loaded.status().message().c_str());
  }

  http::Router router(http::AllRoutes());
  http::Services services{timed,           metrics,          router,           platform.accounts,
                          platform.records, platform.applications, platform.policies, platform.cards,
                          platform.claims,  platform.flats,        platform.schools,  platform.allowances,
                          platform.simulator, platform.statistics, platform.news,
                          platform.market,  platform.position_applications, platform.flows,
                          site ? &*site : nullptr};
  http::ServerOptions so;
  so.host = o.host;
  so.port = static_cast<uint16_t>(o.port);
  so.threads = o.threads;
  so.request_timeout = std::chrono::seconds(o.request_timeout);
  http::Server server(so, [&services](http::Request& req) { return http::Dispatch(req, services); }, metrics);
  auto port = server.Listen();
  if (!port.ok()) {
    int code = port.status().code() == Code::kInvalidArgument ? kExitUsage : kExitBadInput;
    throw CommandExit{code, "jincai: " + port.status().message()};
  }
  bool v6 = o.host.find(':') != std::string::npos;
  std::printf("listening on http://%s%s%s:%u\n", v6 ? "[" : "", o.host.c_str(), v6 ? "]" : "", *port);
  std::fflush(stdout);
  // Cards past their date are expired, and allowance months computed, at start and then
  // every hour while serving.
  std::mutex expiry_mu;
  std::condition_variable expiry_cv;
  bool stopping = false;
  std::thread expirer([&] {
    std::unique_lock lock(expiry_mu);
    while (!expiry_cv.wait_for(lock, std::chrono::hours(1), [&] { return stopping; })) {
      lock.unlock();
      auto n = platform.applications.ExpireDue(service::ShanghaiDay(service::SystemClock()()));
      if (!n.ok()) std::fprintf(stderr, "jincai serve: expiring cards: %s\n", n.status().message().c_str());
      ComputeAllowanceMonths(platform);
      lock.lock();
    }
  });
  server.Run();
  {
    std::lock_guard lock(expiry_mu);
    stopping = true;
  }
  expiry_cv.notify_all();
  expirer.join();
  std::printf("stopped\n");
}

}  // namespace

void SetupServe(CLI::App& app) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Run the HTTP API (migrates the database first)");
  cmd->add_option("--db", o->db, kDbFlagHelp);
  cmd->add_option("--policy", o->policy,
                  "Policy file stored as the first version when the database has none (default: the shipped "
                  "policies/shanxi-2017.toml)");
  cmd->add_option("--host", o->host, "Address to listen on (default 127.0.0.1)");
  cmd->add_option("--port", o->port, "Port to listen on; 0 picks a free one (default 8080)")->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", o->threads, "Worker threads (default: one per core)")->check(CLI::Range(1, 1024));
  cmd->add_option("--keys", o->keys,
                  "Directory of the card signing keys (default: keys/ beside the SQLite file, else data/keys; a first key is "
                  "made when it has none)");
  cmd->add_option("--web", o->web, "Directory of the built web UI (default: web/dist when it exists)");
  cmd->add_flag("--demo", o->demo,
                "Create a demo province once (employers, talents, applications in every state, one account per "
                "role) and print its accounts");
  cmd->add_option("--request-timeout", o->request_timeout,
                  "Seconds a request may take to arrive, and an idle connection may stay open (default 30)")
      ->check(CLI::Range(1, 3600));
  cmd->callback([o] { RunCommand([&] { RunServe(*o); }); });
}

}  // namespace jincai::cli
