// Metrics kept as plain maps under one mutex: a request takes it twice at most, which
// costs far less than the request itself, and needs no metrics library.
#include "http/metrics.h"

#include <cstdio>

namespace jincai::http {
namespace {

// Label values escaped per the exposition format: backslash, quote, newline.
std::string Escape(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string Number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

void Metrics::Histogram::Observe(double v) {
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (v <= kBuckets[i]) {
      ++counts[i];
      break;
    }
  ++count;
  sum += v;
}

void Metrics::CountRequest(std::string_view route, std::string_view method, int status, double seconds) {
  std::lock_guard lock(mu_);
  auto key = std::make_tuple(route, method, status);
  auto it = requests_.find(key);
  if (it == requests_.end()) it = requests_.emplace(std::make_tuple(std::string(route), std::string(method), status), 0).first;
  ++it->second;
  auto h = latency_.find(route);
  if (h == latency_.end()) h = latency_.emplace(std::string(route), Histogram{}).first;
  h->second.Observe(seconds);
}

void Metrics::ObserveDatabase(std::string_view operation, double seconds) {
  std::lock_guard lock(mu_);
  auto h = database_.find(operation);
  if (h == database_.end()) h = database_.emplace(std::string(operation), Histogram{}).first;
  h->second.Observe(seconds);
}

void Metrics::RenderHistogram(std::string& out, const std::string& name, const std::string& labels,
                              const Histogram& h) {
  long long cumulative = 0;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    cumulative += h.counts[i];
    out += name + "_bucket{" + labels + ",le=\"" + Number(kBuckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
  }
  out += name + "_bucket{" + labels + ",le=\"+Inf\"} " + std::to_string(h.count) + "\n";
  out += name + "_sum{" + labels + "} " + Number(h.sum) + "\n";
  out += name + "_count{" + labels + "} " + std::to_string(h.count) + "\n";
}

std::string Metrics::Render() const {
  std::lock_guard lock(mu_);
  std::string out;
  out += "# HELP jincai_http_requests_total HTTP requests by route pattern, method and status.\n";
  out += "# TYPE jincai_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [route, method, status] = key;
    out += "jincai_http_requests_total{route=\"" + Escape(route) + "\",method=\"" + Escape(method) +
           "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(n) + "\n";
  }
  out += "# HELP jincai_http_request_duration_seconds Time from a request read to its response built.\n";
  out += "# TYPE jincai_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_)
    RenderHistogram(out, "jincai_http_request_duration_seconds", "route=\"" + Escape(route) + "\"", h);
  out += "# HELP jincai_database_duration_seconds Time spent in database operations.\n";
  out += "# TYPE jincai_database_duration_seconds histogram\n";
  for (const auto& [op, h] : database_)
    RenderHistogram(out, "jincai_database_duration_seconds", "operation=\"" + Escape(op) + "\"", h);
  return out;
}

}  // namespace jincai::http
