// Prometheus metrics of the server: requests by route, method and status; a request
// latency histogram by route; time spent in the database. Thread-safe; the text
// exposition format (0.0.4) is rendered on demand for GET /metrics.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace jincai::http {

// The route label of requests no route matched (404, 400s, protocol errors), so that
// random paths cannot grow the label set without bound.
inline constexpr const char* kUnmatchedRoute = "unmatched";

class Metrics {
 public:
  // `route` is the route's pattern or kUnmatchedRoute.
  void CountRequest(std::string_view route, std::string_view method, int status, double seconds);
  // Time one database operation took ("health" for /healthz's probe).
  void ObserveDatabase(std::string_view operation, double seconds);
  std::string Render() const;

 private:
  static constexpr std::array<double, 11> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    5};
  struct Histogram {
    std::array<long long, kBuckets.size()> counts{};  // per bucket, not cumulative
    long long count = 0;
    double sum = 0;
    void Observe(double v);
  };
  static void RenderHistogram(std::string& out, const std::string& name, const std::string& labels,
                              const Histogram& h);

  mutable std::mutex mu_;
  // std::less<>: looked up by string_view, so a request allocates only for a new label.
  std::map<std::tuple<std::string, std::string, int>, long long, std::less<>> requests_;
  std::map<std::string, Histogram, std::less<>> latency_;  // by route
  std::map<std::string, Histogram, std::less<>> database_;  // by operation
};

}  // namespace jincai::http
