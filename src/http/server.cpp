// Beast/Asio implementation of the server. One io_context per thread, each run by its
// thread alone; accepted connections are dealt out to them in turn, so a connection's
// handlers never cross threads (no strands, no scheduler lock between threads). Each
// connection is a Session: read the header, then the body, call the handler, write,
// repeat while keep-alive. One steady_timer per session bounds each read and write; on expiry it
// cancels the socket (rather than closing it, as beast::tcp_stream would) so that a
// half-received request can still be answered 408.
#include "http/server.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "http/metrics.h"
#include "http/problem.h"

namespace jincai::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

class Session;

struct Server::Impl {
  ServerOptions options;
  RequestHandler handler;
  Metrics& metrics;
  // Before iocs: destroying them destroys pending handlers, whose sessions unregister here.
  std::mutex mu;
  std::condition_variable cv;
  bool stopping = false;
  std::map<Session*, std::weak_ptr<Session>> sessions;

  std::vector<std::unique_ptr<asio::io_context>> iocs;  // one per thread; [0] also accepts
  size_t next_ioc = 0;  // the context the next connection goes to (used by the acceptor only)
  std::optional<tcp::acceptor> acceptor;
  std::optional<asio::signal_set> signals;

  Impl(ServerOptions o, RequestHandler h, Metrics& m) : options(std::move(o)), handler(std::move(h)), metrics(m) {
    int n = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    for (int i = 0; i < n; ++i) iocs.push_back(std::make_unique<asio::io_context>(1));
    acceptor.emplace(*iocs[0]);
  }
  void Accept();
  void RequestStop() {
    std::lock_guard lock(mu);
    stopping = true;
    cv.notify_all();
  }
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Server::Impl& server, tcp::socket socket)
      : srv_(server), socket_(std::move(socket)), timer_(socket_.get_executor()) {}

  ~Session() {
    std::lock_guard lock(srv_.mu);
    srv_.sessions.erase(this);
    srv_.cv.notify_all();
  }

  void Start() {
    bool stopping;
    {
      std::lock_guard lock(srv_.mu);
      srv_.sessions[this] = weak_from_this();
      stopping = srv_.stopping;
    }
    asio::post(socket_.get_executor(), [self = shared_from_this(), stopping] {
      self->stop_requested_ = stopping;
      self->ReadNext();
    });
  }

  // From any thread: finish the request in flight, if any, then close.
  void RequestStop() {
    asio::post(socket_.get_executor(), [self = shared_from_this()] {
      self->stop_requested_ = true;
      // Nothing of a next request has arrived: close now instead of waiting for it.
      bool idle = self->state_ == State::kWaitingHeader && self->buffer_.size() == 0 &&
                  !(self->parser_ && self->parser_->got_some());
      error_code ignored;  // the socket may be closed already
      if (idle) self->socket_.cancel(ignored);
    });
  }

 private:
  enum class State { kWaitingHeader, kInFlight, kLingering };

  // Arms the timer; on expiry the pending socket operation is cancelled and marked late.
  void ArmTimer(std::chrono::steady_clock::duration d) {
    timed_out_ = false;
    timer_.expires_after(d);
    timer_.async_wait([self = shared_from_this()](error_code ec) {
      if (ec) return;  // re-armed or cancelled
      self->timed_out_ = true;
      error_code ignored;
      self->socket_.cancel(ignored);
    });
  }

  void ReadNext() {
    if (stop_requested_) return Close();
    state_ = State::kWaitingHeader;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(srv_.options.header_limit));
    parser_->body_limit(srv_.options.body_limit);
    ArmTimer(srv_.options.request_timeout);
    bhttp::async_read_header(socket_, buffer_, *parser_,
                             [self = shared_from_this()](error_code ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(error_code ec) {
    if (ec) return OnReadError(ec);
    state_ = State::kInFlight;
    if (parser_->is_done()) return OnBody({});
    bhttp::async_read(socket_, buffer_, *parser_,
                      [self = shared_from_this()](error_code ec, size_t) { self->OnBody(ec); });
  }

  void OnReadError(error_code ec) {
    bool started = buffer_.size() > 0 || (parser_ && parser_->got_some());
    if (timed_out_) {
      if (!started) return Close();  // an idle keep-alive connection: close quietly
      return Reject(ProblemKind::kRequestTimeout, std::to_string(srv_.options.request_timeout.count()));
    }
    if (ec == bhttp::error::header_limit) return Reject(ProblemKind::kHeadersTooLarge, std::to_string(srv_.options.header_limit));
    if (ec == bhttp::error::body_limit) return Reject(ProblemKind::kBodyTooLarge, std::to_string(srv_.options.body_limit));
    if (ec == bhttp::error::end_of_stream || ec == asio::error::eof || ec == asio::error::connection_reset ||
        ec == asio::error::operation_aborted || ec == bhttp::error::partial_message || !started)
      return Close();
    Reject(ProblemKind::kMalformedRequest, ec.message());
  }

  void OnBody(error_code ec) {
    if (ec) return OnReadError(ec);
    timer_.cancel();
    auto& msg = parser_->get();
    Request req;
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    for (const auto& field : msg) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    req.body = std::move(msg.body());
    bool keep_alive = msg.keep_alive();
    Response res;
    try {
      res = srv_.handler(req);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "jincai serve: %s\n", e.what());
      res = MakeProblem(ProblemKind::kInternal, req.lang, "exception", req.path);
    }
    keep_alive = keep_alive && !res.close;
    Write(std::move(res), req.lang, keep_alive);
  }

  // Answers a request that could not be read whole; the connection closes after it.
  void Reject(ProblemKind kind, const std::string& subject) {
    Lang lang = Lang::kZhCN;
    std::string method;
    if (parser_) {
      lang = NegotiateLanguage(std::string(parser_->get()[bhttp::field::accept_language]));
      method = std::string(parser_->get().method_string());
    }
    Response res = MakeProblem(kind, lang, subject);
    srv_.metrics.CountRequest(kUnmatchedRoute, method, res.status, 0);
    state_ = State::kInFlight;
    Write(std::move(res), lang, false);
  }

  void Write(Response r, Lang lang, bool keep_alive) {
    keep_alive_ = keep_alive && !stop_requested_;
    res_ = {};
    res_.version(11);
    res_.result(static_cast<unsigned>(r.status));
    res_.set(bhttp::field::server, "jincai");
    if (!r.content_type.empty()) res_.set(bhttp::field::content_type, r.content_type);
    res_.set(bhttp::field::content_language, LangTag(lang));
    // insert, not set: a response may carry a header twice (Set-Cookie).
    for (const auto& [k, v] : r.headers) res_.insert(k, v);
    res_.body() = std::move(r.body);
    res_.keep_alive(keep_alive_);
    res_.prepare_payload();
    ArmTimer(srv_.options.request_timeout);
    bhttp::async_write(socket_, res_, [self = shared_from_this()](error_code ec, size_t) { self->OnWrite(ec); });
  }

  void OnWrite(error_code ec) {
    timer_.cancel();
    if (ec) return Close();
    if (keep_alive_) return ReadNext();
    Linger();
  }

  // Closing with unread request bytes makes TCP send a reset, which can destroy the
  // response before the client reads it (a 413 while the body is still coming). So:
  // stop sending, read and discard for a while, then close.
  void Linger() {
    state_ = State::kLingering;
    error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    ArmTimer(std::chrono::seconds(2));
    Discard();
  }

  void Discard() {
    socket_.async_read_some(asio::buffer(scratch_), [self = shared_from_this()](error_code ec, size_t n) {
      self->discarded_ += n;
      if (ec || self->discarded_ > 16 * self->srv_.options.body_limit) return self->Close();
      self->Discard();
    });
  }

  void Close() {
    timer_.cancel();
    error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
  }

  Server::Impl& srv_;
  tcp::socket socket_;
  asio::steady_timer timer_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bhttp::response<bhttp::string_body> res_;
  std::array<char, 16 * 1024> scratch_;
  size_t discarded_ = 0;
  State state_ = State::kWaitingHeader;
  bool timed_out_ = false;
  bool stop_requested_ = false;
  bool keep_alive_ = false;
};

void Server::Impl::Accept() {
  asio::io_context& target = *iocs[next_ioc++ % iocs.size()];
  acceptor->async_accept(target, [this](error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor->is_open()) return;
    if (!ec) std::make_shared<Session>(*this, std::move(socket))->Start();
    Accept();  // on other errors (e.g. out of descriptors) keep accepting
  });
}

Server::Server(ServerOptions options, RequestHandler handler, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), metrics)) {}

Server::~Server() = default;

Result<uint16_t> Server::Listen() {
  error_code ec;
  auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) return Status::InvalidArgument("not an IP address: " + impl_->options.host);
  tcp::endpoint endpoint(address, impl_->options.port);
  auto& a = *impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Status::Io("cannot listen on " + impl_->options.host + ":" + std::to_string(impl_->options.port) + ": " + ec.message());
  impl_->signals.emplace(*impl_->iocs[0], SIGINT, SIGTERM);
  impl_->signals->async_wait([impl = impl_.get()](error_code e, int) {
    if (!e) impl->RequestStop();
  });
  return a.local_endpoint().port();
}

void Server::Stop() { impl_->RequestStop(); }

void Server::Run() {
  Impl& s = *impl_;
  s.Accept();
  std::vector<std::thread> pool;
  // Work guards: a context with no connection yet must keep running, not return.
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  for (auto& ioc : s.iocs) {
    guards.push_back(asio::make_work_guard(*ioc));
    pool.emplace_back([ioc = ioc.get()] { ioc->run(); });
  }

  std::unique_lock lock(s.mu);
  s.cv.wait(lock, [&s] { return s.stopping; });
  asio::post(s.acceptor->get_executor(), [&s] {
    error_code ignored;
    s.acceptor->close(ignored);
  });
  asio::post(*s.iocs[0], [&s] {
    error_code ignored;
    if (s.signals) s.signals->cancel(ignored);
  });
  // Held outside the lock: dropping the last reference runs ~Session, which takes it.
  std::vector<std::shared_ptr<Session>> live;
  for (auto& [ptr, weak] : s.sessions)
    if (auto session = weak.lock()) live.push_back(std::move(session));
  lock.unlock();
  for (auto& session : live) session->RequestStop();
  live.clear();
  lock.lock();
  s.cv.wait_until(lock, std::chrono::steady_clock::now() + s.options.drain_timeout, [&s] { return s.sessions.empty(); });
  lock.unlock();
  guards.clear();
  for (auto& ioc : s.iocs) ioc->stop();
  for (auto& t : pool) t.join();
}

}  // namespace jincai::http
