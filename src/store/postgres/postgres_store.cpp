// PostgreSQL backend: connection setup, migrations, transactions and the audit log,
// with the same observable behaviour as the SQLite backend (the shared store test
// suite runs against both). The chain logic itself lives in store/audit_chain.
#include "store/postgres/postgres_store.h"

#include <libpq-fe.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "store/audit_chain.h"
#include "store/transaction_guard.h"
#include "store/migrations/migration.h"
#include "store/postgres/pg_conn.h"

namespace jincai::store::postgres {
namespace {

// pg_advisory_xact_lock key held by Migrate: "jincai" in ASCII, so it is unlikely to
// collide with another application's lock in a shared database.
constexpr const char* kMigrateLock = "SELECT pg_advisory_xact_lock(116769655529833)";

constexpr std::string_view kSelectAudit =
    "SELECT id, at, actor, action, object_type, object_id, before_digest, after_digest, prev_hash, hash "
    "FROM audit_log";

AuditRecord ReadRecord(const PGresult* r, int i) {
  AuditRecord rec;
  rec.id = IntAt(r, i, 0);
  rec.entry = {TextAt(r, i, 2), TextAt(r, i, 3), TextAt(r, i, 4), TextAt(r, i, 5),
               TextAt(r, i, 6), TextAt(r, i, 7), TextAt(r, i, 1)};
  rec.prev_hash = TextAt(r, i, 8);
  rec.hash = TextAt(r, i, 9);
  return rec;
}

class PgTx final : public Tx {
 public:
  explicit PgTx(PGconn* conn) : conn_(conn) {}

  Result<int64_t> AppendAudit(const AuditEntry& in) override {
    AuditEntry e = in;
    JINCAI_RETURN_IF_ERROR(NormaliseAuditEntry(e));
    return InSavepoint<int64_t>([&]() -> Result<int64_t> {
      // FOR UPDATE: a concurrent append (any process) waits here until this
      // transaction ends, then reads the head it left; so ids and links never fork.
      auto head = Exec(conn_, "SELECT last_id, last_hash FROM audit_head WHERE singleton = 1 FOR UPDATE");
      if (!head.ok()) return head.status();
      // Without the head we cannot chain safely; appending would hide the damage.
      if (PQntuples(head->get()) == 0)
        return Status::Internal("the audit head is missing: run `jincai audit verify`");
      const int64_t id = IntAt(head->get(), 0, 0) + 1;
      const std::string prev = TextAt(head->get(), 0, 1);
      const std::string hash = AuditHash(prev, id, e);
      auto ins = Exec(conn_,
                      "INSERT INTO audit_log (id, at, actor, action, object_type, object_id, before_digest, "
                      "after_digest, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                      {id, e.time, e.actor, e.action, e.object_type, e.object_id, e.before_digest, e.after_digest,
                       prev, hash});
      if (!ins.ok()) return ins.status();
      auto upd = Exec(conn_, "UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE singleton = 1", {id, hash});
      if (!upd.ok()) return upd.status();
      return id;
    });
  }

  Result<int64_t> Execute(std::string_view sql, const std::vector<SqlValue>& params) override {
    return InSavepoint<int64_t>([&]() -> Result<int64_t> {
      auto r = Exec(conn_, sql, params);
      if (!r.ok()) return r.status();
      return RowsChanged(r->get());
    });
  }

  Result<std::vector<SqlRow>> Query(std::string_view sql, const std::vector<SqlValue>& params) override {
    return InSavepoint<std::vector<SqlRow>>([&]() -> Result<std::vector<SqlRow>> {
      auto r = Exec(conn_, sql, params);
      if (!r.ok()) return r.status();
      return Rows(r->get());
    });
  }

 private:
  // In PostgreSQL a failed statement aborts the whole transaction; in SQLite it does
  // not. Each call runs in a savepoint so that a caller who handles an error (as the
  // SQLite backend allows) can go on, and a failed append leaves nothing half-done.
  template <typename T, typename F>
  Result<T> InSavepoint(F&& f) {
    JINCAI_RETURN_IF_ERROR(ExecScript(conn_, "SAVEPOINT jincai_stmt"));
    Result<T> r = f();
    if (r.ok()) {
      JINCAI_RETURN_IF_ERROR(ExecScript(conn_, "RELEASE SAVEPOINT jincai_stmt"));
    } else if (PQstatus(conn_) == CONNECTION_OK) {
      JINCAI_RETURN_IF_ERROR(ExecScript(conn_, "ROLLBACK TO SAVEPOINT jincai_stmt; RELEASE SAVEPOINT jincai_stmt"));
    }
    return r;
  }

  PGconn* conn_;
};

class PostgresStore final : public Store {
 public:
  explicit PostgresStore(PGconn* conn) : conn_(conn) {}
  ~PostgresStore() override { PQfinish(conn_); }

  Result<std::vector<AppliedMigration>> Migrate() override {
    JINCAI_RETURN_IF_ERROR(NotReentered());
    std::lock_guard lock(mu_);
    JINCAI_RETURN_IF_ERROR(Reconnect());
    MigrationSteps steps;
    // The advisory lock queues racing processes; the version is read after it.
    steps.begin = [&]() -> Status {
      JINCAI_RETURN_IF_ERROR(ExecScript(conn_, "BEGIN ISOLATION LEVEL READ COMMITTED"));
      if (Status st = ExecScript(conn_, kMigrateLock); !st.ok()) return Rollback(st);
      return Status::Ok();
    };
    steps.version = [&] { return VersionLocked(); };
    steps.run_script = [&](std::string_view sql) { return ExecScript(conn_, sql); };
    steps.record = [&](const AppliedMigration& a) {
      return Exec(conn_, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                  {int64_t{a.version}, a.name, a.applied_at}).status();
    };
    steps.commit = [&] { return Commit(); };
    steps.rollback = [&](Status why) { return Rollback(std::move(why)); };
    return ApplyMigrations(PostgresMigrations(), steps);
  }

  Result<int> SchemaVersion() override {
    JINCAI_RETURN_IF_ERROR(NotReentered());
    std::lock_guard lock(mu_);
    JINCAI_RETURN_IF_ERROR(Reconnect());
    return VersionLocked();
  }

  Result<std::vector<AppliedMigration>> AppliedMigrations() override {
    JINCAI_RETURN_IF_ERROR(NotReentered());
    std::lock_guard lock(mu_);
    JINCAI_RETURN_IF_ERROR(Reconnect());
    auto v = VersionLocked();
    if (!v.ok()) return v.status();
    std::vector<AppliedMigration> out;
    if (*v == 0) return out;
    auto r = Exec(conn_, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
    if (!r.ok()) return r.status();
    for (int i = 0; i < PQntuples(r->get()); ++i)
      out.push_back({static_cast<int>(IntAt(r->get(), i, 0)), TextAt(r->get(), i, 1), TextAt(r->get(), i, 2)});
    return out;
  }

  Status Transact(const std::function<Status(Tx&)>& body) override {
    JINCAI_RETURN_IF_ERROR(NotReentered());
    std::lock_guard lock(mu_);
    JINCAI_RETURN_IF_ERROR(Reconnect());
    TransactionOwner::Guard inside(owner_.id());
    // READ COMMITTED, not SERIALIZABLE: appends serialise on the head row lock and
    // never fail with a serialization error, so callers need no retry loop.
    JINCAI_RETURN_IF_ERROR(ExecScript(conn_, "BEGIN ISOLATION LEVEL READ COMMITTED"));
    PgTx tx(conn_);
    return RunTransactionBody(
        tx, body, [&](Status st) { return Rollback(std::move(st)); }, [&] { return Commit(); });
  }

  Status Read(const std::function<Status(Tx&)>& body) override {
    JINCAI_RETURN_IF_ERROR(NotReentered());
    std::lock_guard lock(mu_);
    JINCAI_RETURN_IF_ERROR(Reconnect());
    TransactionOwner::Guard inside(owner_.id());
    JINCAI_RETURN_IF_ERROR(ExecScript(conn_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    PgTx tx(conn_);
    return RunTransactionBody(
        tx, body, [&](Status st) { return Rollback(std::move(st)); }, [&] { return Commit(); });
  }

  Result<AuditVerdict> VerifyAudit() override {
    JINCAI_RETURN_IF_ERROR(NotReentered());
    std::lock_guard lock(mu_);
    JINCAI_RETURN_IF_ERROR(Reconnect());
    auto v = VersionLocked();
    if (!v.ok()) return v.status();
    if (*v < 1) return Status::NotFound("the database has no audit log yet: run `jincai migrate`");
    // One snapshot for rows and head, even while other processes append.
    JINCAI_RETURN_IF_ERROR(ExecScript(conn_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    auto result = VerifyLocked();
    (void)Rollback(Status::Ok());
    return result;
  }

  Result<std::vector<AuditRecord>> ListAudit(int64_t limit, int64_t after_id) override {
    if (limit <= 0) return Status::InvalidArgument("audit list limit must be positive");
    JINCAI_RETURN_IF_ERROR(NotReentered());
    std::lock_guard lock(mu_);
    JINCAI_RETURN_IF_ERROR(Reconnect());
    auto r = Exec(conn_, std::string(kSelectAudit) + " WHERE id > $1 ORDER BY id LIMIT $2", {after_id, limit});
    if (!r.ok()) return r.status();
    std::vector<AuditRecord> out;
    for (int i = 0; i < PQntuples(r->get()); ++i) out.push_back(ReadRecord(r->get(), i));
    return out;
  }

 private:
  Result<AuditVerdict> VerifyLocked() {
    // Rows are read in one result: the chain is walked in memory, as audit logs of a
    // district office stay far below what that costs.
    auto rows = Exec(conn_, std::string(kSelectAudit) + " ORDER BY id");
    if (!rows.ok()) return rows.status();
    AuditChainVerifier verifier;
    for (int i = 0; i < PQntuples(rows->get()); ++i)
      if (!verifier.Feed(ReadRecord(rows->get(), i))) break;
    auto head = Exec(conn_, "SELECT last_id, last_hash FROM audit_head WHERE singleton = 1");
    if (!head.ok()) return head.status();
    std::optional<AuditHead> h;
    if (PQntuples(head->get()) > 0) h = AuditHead{IntAt(head->get(), 0, 0), TextAt(head->get(), 0, 1)};
    return verifier.Finish(h);
  }

  // A Transact body calling back into its store would wait on the mutex it holds.
  Status NotReentered() const { return owner_.NotReentered(); }

  // A server restart drops the connection; the next call reconnects once instead of
  // failing forever. A transaction that was open is lost either way (rolled back).
  Status Reconnect() {
    if (PQstatus(conn_) == CONNECTION_OK) return Status::Ok();
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK)
      return Status::Io(std::string("cannot reconnect to PostgreSQL: ") + PQerrorMessage(conn_));
    return Status::Ok();
  }

  // 0 when schema_migrations does not exist yet (a new, empty database).
  Result<int> VersionLocked() {
    auto exists = Exec(conn_, "SELECT to_regclass('schema_migrations') IS NOT NULL");
    if (!exists.ok()) return exists.status();
    if (TextAt(exists->get(), 0, 0) != "t") return 0;
    auto r = Exec(conn_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!r.ok()) return r.status();
    return static_cast<int>(IntAt(r->get(), 0, 0));
  }

  Status Commit() {
    // COMMIT of a transaction in the failed state "succeeds" by rolling back; refuse
    // to report success for work that was thrown away.
    if (PQtransactionStatus(conn_) == PQTRANS_INERROR)
      return Rollback(Status::Internal("the transaction failed earlier and was rolled back"));
    Status st = ExecScript(conn_, "COMMIT");
    if (!st.ok()) return Rollback(st);
    return Status::Ok();
  }
  // Rolls back and returns `why`, so that error paths read `return Rollback(st)`.
  Status Rollback(Status why) {
    const PGTransactionStatusType ts = PQtransactionStatus(conn_);
    if (ts == PQTRANS_INTRANS || ts == PQTRANS_INERROR) (void)ExecScript(conn_, "ROLLBACK");
    return why;
  }

  PGconn* conn_;
  std::mutex mu_;
  TransactionOwner owner_;
};

void IgnoreNotice(void*, const char*) {}

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, const OpenOptions&) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
  if (!opts) {
    std::string msg = err ? err : "out of memory";
    PQfreemem(err);
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    return Status::InvalidArgument("malformed PostgreSQL URL: " + msg);
  }
  PQconninfoFree(opts);
  PGconn* conn = PQconnectdb(url.c_str());
  if (!conn) return Status::Io("cannot connect to PostgreSQL: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    // The message names host, port and database, never the password in the URL.
    std::string msg = PQerrorMessage(conn);
    PQfinish(conn);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return Status::Io("cannot connect to PostgreSQL: " + msg);
  }
  // Notices (e.g. "relation already exists, skipping") would go to stderr otherwise.
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  auto store = std::make_unique<PostgresStore>(conn);  // owns conn from here on
  // Times are stored as text made by the store, but keep the session's own clock in
  // UTC so any now() in later migrations or resource code agrees with them.
  if (Status st = ExecScript(conn, "SET TIME ZONE 'UTC'"); !st.ok())
    return Status::Io("cannot configure PostgreSQL session: " + st.message());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace jincai::store::postgres
