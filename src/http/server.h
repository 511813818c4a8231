// The HTTP/1.1 server behind `jincai serve`: Boost.Beast on a pool of threads, with
// keep-alive, limits on header size (431), body size (413) and request time (408), and
// a graceful stop on SIGTERM/SIGINT that finishes the requests in flight. Beast stays
// inside server.cpp; callers see only Request and Response.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/result.h"
#include "http/request.h"
#include "http/response.h"

namespace jincai::http {

class Metrics;
class Session;

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port (Listen() says which)
  int threads = 0;       // 0: one per core
  size_t header_limit = 8 * 1024;   // request line + headers, bytes
  size_t body_limit = 1024 * 1024;  // bytes
  // A request must arrive completely within this time of the connection being ready
  // for it; an idle keep-alive connection is closed after it too.
  std::chrono::seconds request_timeout{30};
  // How long a stop waits for requests in flight before closing them anyway.
  std::chrono::seconds drain_timeout{30};
};

// Turns a complete request into a response; called on a pool thread, concurrently.
using RequestHandler = std::function<Response(Request&)>;

class Server {
 public:
  Server(ServerOptions options, RequestHandler handler, Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens, and takes over SIGTERM and SIGINT. Returns the bound port.
  // Io when the address cannot be bound.
  Result<uint16_t> Listen();
  // Serves until SIGTERM or SIGINT (or Stop()), then stops accepting, lets requests
  // in flight finish and be answered, closes idle connections, and returns.
  void Run();
  // Asks Run() to stop as a signal would; safe from any thread.
  void Stop();

 private:
  friend class Session;  // server.cpp's connection class uses Impl
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jincai::http
