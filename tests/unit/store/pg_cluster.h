// A throw-away PostgreSQL cluster for tests: initdb into a temp dir, a server on
// 127.0.0.1 at a free port (socket in the same dir), one fresh database per call to
// NewDatabase(), and on exit pg_ctl stop -m fast and the dir removed. Started lazily,
// once per test process, so test binaries that run no PostgreSQL test pay nothing.
// As root the server runs as the `postgres` user (initdb refuses root); otherwise as
// the current user. Missing binaries are an error, never a silent skip: ./test.sh
// installs them through scripts/bootstrap.
#pragma once

#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace jincai::store::testing_pg {

class PgCluster {
 public:
  // The shared cluster, started on first use. Check error() before using it.
  static PgCluster& Shared() {
    static PgCluster cluster;
    return cluster;
  }

  // Empty when the cluster runs; otherwise why it does not.
  const std::string& error() const { return error_; }

  // Creates an empty database and returns its URL; "" (and sets error) on failure.
  std::string NewDatabase() {
    if (!error_.empty()) return "";
    const std::string name = "jincai_t" + std::to_string(++databases_);
    const std::string admin = Url("postgres");
    PGconn* c = PQconnectdb(admin.c_str());
    // The name is made here from a counter, never from input, so it may be spliced.
    PGresult* r = PQstatus(c) == CONNECTION_OK ? PQexec(c, ("CREATE DATABASE " + name).c_str()) : nullptr;
    const bool ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok) error_ = std::string("CREATE DATABASE failed: ") + PQerrorMessage(c);
    PQclear(r);
    PQfinish(c);
    return ok ? Url(name) : "";
  }

  ~PgCluster() {
    if (started_) (void)Run(Bin("pg_ctl") + " -D " + data_ + " -m fast -w -t 20 stop", "stop.log");
    if (!dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }

 private:
  PgCluster() { error_ = Start(); }

  std::string Start() {
    bin_ = FindBinDir();
    if (bin_.empty())
      return "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb or initdb on PATH): "
             "run scripts/bootstrap, which installs the `postgresql` package";
    std::string tmpl = (std::filesystem::temp_directory_path() / "jincai-pg-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) return "cannot create a temp dir for the cluster";
    dir_ = tmpl;
    data_ = dir_ + "/data";
    if (geteuid() == 0) {
      const passwd* pw = getpwnam("postgres");
      if (!pw) return "running as root but there is no `postgres` user to run the server as";
      if (chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) return "cannot chown " + dir_ + " to postgres";
      as_ = "runuser -u postgres -- ";
    }
    // -N: no fsync of the new files; -A trust: only this process's tests connect.
    if (!Run(Bin("initdb") + " -N -A trust -U postgres -E UTF8 --no-locale -D " + data_, "initdb.log"))
      return "initdb failed; see " + dir_ + "/initdb.log";
    // A free port can be taken between probing and listening; try a few.
    for (int attempt = 0; attempt < 3 && !started_; ++attempt) {
      port_ = FreePort();
      // fsync and friends off: a crash loses nothing that matters in a test cluster.
      const std::string opts = "-p " + std::to_string(port_) + " -k " + dir_ +
                               " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                               " -c full_page_writes=off";
      started_ = Run(Bin("pg_ctl") + " -D " + data_ + " -l " + dir_ + "/server.log -w -t 20 -o '" + opts + "' start",
                     "pg_ctl.log");
    }
    if (!started_) return "the PostgreSQL test server did not start; see " + dir_ + "/server.log";
    return "";
  }

  static std::string FindBinDir() {
    std::vector<std::pair<double, std::string>> dirs;  // (version, bin dir)
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator("/usr/lib/postgresql", ec))
      if (std::filesystem::exists(e.path() / "bin" / "initdb"))
        dirs.emplace_back(std::atof(e.path().filename().c_str()), (e.path() / "bin").string());
    // The newest version; "9.6" < "15" needs numeric order.
    if (!dirs.empty()) return std::max_element(dirs.begin(), dirs.end())->second;
    return std::system("command -v initdb >/dev/null 2>&1") == 0 ? "." : "";
  }

  std::string Bin(const std::string& tool) const { return bin_ == "." ? tool : bin_ + "/" + tool; }

  // Runs `cmd` as the server's user with output in dir_/log; true when it exits 0.
  bool Run(const std::string& cmd, const std::string& log) const {
    return std::system(("cd " + dir_ + " && " + as_ + cmd + " >>" + dir_ + "/" + log + " 2>&1").c_str()) == 0;
  }

  static int FreePort() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    int port = 0;
    if (fd >= 0 && bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0)
      port = ntohs(a.sin_port);
    if (fd >= 0) close(fd);
    return port;
  }

  std::string Url(const std::string& db) const {
    return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + db + "?connect_timeout=10";
  }

  std::string error_, bin_, dir_, data_, as_;
  int port_ = 0;
  int databases_ = 0;
  bool started_ = false;
};

}  // namespace jincai::store::testing_pg
