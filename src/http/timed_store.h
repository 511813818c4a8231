// A Store that times every call into the metrics registry (database time by
// operation: transact, read, verify_audit, ...), wrapped around the real one by
// `jincai serve` so that /metrics shows where requests spend their time.
#pragma once

#include <chrono>

#include "http/metrics.h"
#include "store/store.h"

namespace jincai::http {

class TimedStore final : public store::Store {
 public:
  TimedStore(store::Store& inner, Metrics& metrics) : inner_(inner), metrics_(metrics) {}

  Result<std::vector<store::AppliedMigration>> Migrate() override { return Timed("migrate", [&] { return inner_.Migrate(); }); }
  Result<int> SchemaVersion() override { return Timed("schema_version", [&] { return inner_.SchemaVersion(); }); }
  Result<std::vector<store::AppliedMigration>> AppliedMigrations() override {
    return Timed("applied_migrations", [&] { return inner_.AppliedMigrations(); });
  }
  Status Transact(const std::function<Status(store::Tx&)>& body) override {
    return Timed("transact", [&] { return inner_.Transact(body); });
  }
  Status TransactBulk(const std::function<Status(store::Tx&)>& body) override {
    return Timed("transact_bulk", [&] { return inner_.TransactBulk(body); });
  }
  Status Read(const std::function<Status(store::Tx&)>& body) override {
    return Timed("read", [&] { return inner_.Read(body); });
  }
  Status ReadOne(const std::function<Status(store::Tx&)>& body) override {
    return Timed("read_one", [&] { return inner_.ReadOne(body); });
  }
  Result<store::AuditVerdict> VerifyAudit() override { return Timed("verify_audit", [&] { return inner_.VerifyAudit(); }); }
  Result<std::vector<store::AuditRecord>> ListAudit(int64_t limit, int64_t after_id) override {
    return Timed("list_audit", [&] { return inner_.ListAudit(limit, after_id); });
  }

 private:
  template <typename F>
  auto Timed(const char* operation, F f) -> decltype(f()) {
    auto start = std::chrono::steady_clock::now();
    auto result = f();
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    metrics_.ObserveDatabase(operation, took.count());
    return result;
  }
  store::Store& inner_;
  Metrics& metrics_;
};

}  // namespace jincai::http
