// SQLite backend: connection setup (WAL, foreign keys, busy timeout, full sync),
// migrations, transactions and the audit log. The chain logic itself is shared with
// other backends in store/audit_chain.
#include "store/sqlite/sqlite_store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <array>
#include <atomic>
#include <mutex>
#include <thread>

#include "store/audit_chain.h"
#include "store/transaction_guard.h"
#include "store/migrations/migration.h"
#include "store/sqlite/statement.h"

namespace jincai::store::sqlite {
namespace {

// Long enough for another process's transaction to finish, short enough that a stuck
// one surfaces as an error instead of a hang.
constexpr int kBusyTimeoutMs = 10000;

class SqliteTx final : public Tx {
 public:
  SqliteTx(sqlite3* db, StatementCache& cache) : db_(db), cache_(cache) {}

  Result<int64_t> AppendAudit(const AuditEntry& in) override {
    AuditEntry e = in;
    JINCAI_RETURN_IF_ERROR(NormaliseAuditEntry(e));
    auto head = Statement::Prepare(db_, "SELECT last_id, last_hash FROM audit_head WHERE singleton = 1");
    if (!head.ok()) return head.status();
    auto row = (*head)->Step();
    if (!row.ok()) return row.status();
    // Without the head we cannot chain safely; appending would hide the damage.
    if (!*row) return Status::Internal("the audit head is missing: run `jincai audit verify`");
    const int64_t id = (*head)->Int(0) + 1;
    const std::string prev = (*head)->Text(1);
    const std::string hash = AuditHash(prev, id, e);
    auto ins = Exec(db_,
                    "INSERT INTO audit_log (id, at, actor, action, object_type, object_id, before_digest, "
                    "after_digest, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                    {id, e.time, e.actor, e.action, e.object_type, e.object_id, e.before_digest, e.after_digest, prev,
                     hash});
    if (!ins.ok()) return ins.status();
    auto upd = Exec(db_, "UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE singleton = 1", {id, hash});
    if (!upd.ok()) return upd.status();
    return id;
  }

  Result<int64_t> Execute(std::string_view sql, const std::vector<SqlValue>& params) override {
    auto st = cache_.Get(sql);
    if (!st.ok()) return st.status();
    JINCAI_RETURN_IF_ERROR((*st)->Bind(params));
    for (;;) {
      auto more = (*st)->Step();
      if (!more.ok()) return more.status();
      if (!*more) break;
    }
    (*st)->Reset();  // a finished statement holds no read transaction open
    return static_cast<int64_t>(sqlite3_changes64(db_));
  }

  Result<std::vector<SqlRow>> Query(std::string_view sql, const std::vector<SqlValue>& params) override {
    auto st = cache_.Get(sql);
    if (!st.ok()) return st.status();
    JINCAI_RETURN_IF_ERROR((*st)->Bind(params));
    auto rows = (*st)->All();
    (*st)->Reset();
    return rows;
  }

 private:
  sqlite3* db_;
  StatementCache& cache_;
};

// A read-only connection of the pool that serves Read(): WAL lets readers run beside
// each other and beside the writer, so reads from several threads do not queue on the
// writer's mutex.
struct Reader {
  std::mutex mu;
  sqlite3* db = nullptr;
  std::unique_ptr<StatementCache> cache;
  ~Reader() {
    cache.reset();
    if (db) sqlite3_close_v2(db);
  }
};

// Set while this thread runs a Read or Transact body of the store it points to.
thread_local const void* tl_inside_body = nullptr;

class SqliteStore final : public Store {
 public:
  SqliteStore(sqlite3* db, std::string path) : db_(db), cache_(db), path_(std::move(path)) {}
  ~SqliteStore() override {
    cache_ = StatementCache(db_);  // finalise the statements before the connection closes
    sqlite3_close_v2(db_);
  }

  Result<std::vector<AppliedMigration>> Migrate() override {
    JINCAI_RETURN_IF_ERROR(NotReentered());
    std::lock_guard lock(mu_);
    MigrationSteps steps;
    steps.begin = [&] { return Begin(); };
    steps.version = [&] { return VersionLocked(); };
    steps.run_script = [&](std::string_view sql) -> Status {
      char* err = nullptr;
      if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err) == SQLITE_OK) return Status::Ok();
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      return Status::Internal(msg);
    };
    steps.record = [&](const AppliedMigration& a) {
      return Exec(db_, "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                  {int64_t{a.version}, a.name, a.applied_at}).status();
    };
    steps.commit = [&] { return Commit(); };
    steps.rollback = [&](Status why) { return Rollback(std::move(why)); };
    return ApplyMigrations(SqliteMigrations(), steps);
  }

  Result<int> SchemaVersion() override {
    JINCAI_RETURN_IF_ERROR(NotReentered());
    std::lock_guard lock(mu_);
    return VersionLocked();
  }

  Result<std::vector<AppliedMigration>> AppliedMigrations() override {
    JINCAI_RETURN_IF_ERROR(NotReentered());
    std::lock_guard lock(mu_);
    auto v = VersionLocked();
    if (!v.ok()) return v.status();
    std::vector<AppliedMigration> out;
    if (*v == 0) return out;
    auto st = Statement::Prepare(db_, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
    if (!st.ok()) return st.status();
    for (;;) {
      auto more = (*st)->Step();
      if (!more.ok()) return more.status();
      if (!*more) return out;
      out.push_back({static_cast<int>((*st)->Int(0)), (*st)->Text(1), (*st)->Text(2)});
    }
  }

  Status Transact(const std::function<Status(Tx&)>& body) override {
    JINCAI_RETURN_IF_ERROR(NotReentered());
    std::lock_guard lock(mu_);
    TransactionOwner::Guard inside(owner_.id());
    JINCAI_RETURN_IF_ERROR(Begin());
    SqliteTx tx(db_, cache_);
    return RunTransactionBody(
        tx, body, [&](Status st) { return Rollback(std::move(st)); }, [&] { return Commit(); });
  }

  Status TransactBulk(const std::function<Status(Tx&)>& body) override {
    JINCAI_RETURN_IF_ERROR(NotReentered());
    bool journal = false;
    // The pool's readers are connections too: close them (they reopen when next needed).
    for (Reader& r : readers_) {
      std::lock_guard rl(r.mu);
      r.cache.reset();
      if (r.db) sqlite3_close_v2(r.db);
      r.db = nullptr;
    }
    {
      std::lock_guard lock(mu_);
      // Leaving WAL needs the only connection; if another is open this answers "wal"
      // (or busy), and the load runs in WAL like any transaction.
      auto mode = Statement::Prepare(db_, "PRAGMA journal_mode = DELETE");
      if (mode.ok()) {
        auto row = (*mode)->Step();
        journal = row.ok() && *row && (*mode)->Text(0) == "delete";
      }
    }
    Status st = Transact(body);
    if (journal) {
      std::lock_guard lock(mu_);
      auto back = Statement::Prepare(db_, "PRAGMA journal_mode = WAL");
      auto row = back.ok() ? (*back)->Step() : Result<bool>(back.status());
      if (st.ok() && (!row.ok() || !*row || (*back)->Text(0) != "wal"))
        return Status::Io("the load is committed, but the database did not return to WAL mode");
    }
    return st;
  }

  Status Read(const std::function<Status(Tx&)>& body) override { return ReadOn(body, /*snapshot=*/true); }
  Status ReadOne(const std::function<Status(Tx&)>& body) override { return ReadOn(body, /*snapshot=*/false); }

  Status ReadOn(const std::function<Status(Tx&)>& body, bool snapshot) {
    JINCAI_RETURN_IF_ERROR(NotReentered());
    // Each thread keeps to one reader, so that two threads rarely wait on one mutex.
    thread_local size_t tl_reader = next_reader_++;
    Reader& r = readers_[tl_reader % kReaders];
    std::lock_guard lock(r.mu);
    if (!r.db) JINCAI_RETURN_IF_ERROR(OpenReader(r));
    struct Inside {
      explicit Inside(const void* s) { tl_inside_body = s; }
      ~Inside() { tl_inside_body = nullptr; }
    } inside(this);
    if (snapshot) JINCAI_RETURN_IF_ERROR(RunCached(*r.cache, "BEGIN"));  // deferred: a WAL snapshot, no lock
    SqliteTx tx(r.db, *r.cache);
    auto end = [&](Status st) {
      if (!sqlite3_get_autocommit(r.db)) (void)RunCached(*r.cache, "ROLLBACK");  // nothing was written
      return st;
    };
    return RunTransactionBody(tx, body, end, [&] { return end(Status::Ok()); });
  }

  Result<AuditVerdict> VerifyAudit() override {
    JINCAI_RETURN_IF_ERROR(NotReentered());
    std::lock_guard lock(mu_);
    auto v = VersionLocked();
    if (!v.ok()) return v.status();
    if (*v < 1) return Status::NotFound("the database has no audit log yet: run `jincai migrate`");
    // One read transaction: a consistent snapshot of rows and head, even while
    // another process appends (WAL readers do not block the writer).
    JINCAI_RETURN_IF_ERROR(Exec(db_, "BEGIN").status());
    auto result = VerifyLocked();
    (void)Exec(db_, "COMMIT");
    return result;
  }

  Result<std::vector<AuditRecord>> ListAudit(int64_t limit, int64_t after_id) override {
    if (limit <= 0) return Status::InvalidArgument("audit list limit must be positive");
    JINCAI_RETURN_IF_ERROR(NotReentered());
    std::lock_guard lock(mu_);
    auto st = Statement::Prepare(db_, std::string(kSelectAudit) + " WHERE id > $1 ORDER BY id LIMIT $2");
    if (!st.ok()) return st.status();
    JINCAI_RETURN_IF_ERROR((*st)->Bind({after_id, limit}));
    std::vector<AuditRecord> out;
    for (;;) {
      auto more = (*st)->Step();
      if (!more.ok()) return more.status();
      if (!*more) return out;
      out.push_back(ReadRecord(**st));
    }
  }

 private:
  static constexpr std::string_view kSelectAudit =
      "SELECT id, at, actor, action, object_type, object_id, before_digest, after_digest, prev_hash, hash "
      "FROM audit_log";

  static AuditRecord ReadRecord(const Statement& s) {
    AuditRecord r;
    r.id = s.Int(0);
    r.entry = {s.Text(2), s.Text(3), s.Text(4), s.Text(5), s.Text(6), s.Text(7), s.Text(1)};
    r.prev_hash = s.Text(8);
    r.hash = s.Text(9);
    return r;
  }

  Result<AuditVerdict> VerifyLocked() {
    auto st = Statement::Prepare(db_, std::string(kSelectAudit) + " ORDER BY id");
    if (!st.ok()) return st.status();
    AuditChainVerifier verifier;
    for (;;) {
      auto more = (*st)->Step();
      if (!more.ok()) return more.status();
      if (!*more || !verifier.Feed(ReadRecord(**st))) break;
    }
    auto head = Statement::Prepare(db_, "SELECT last_id, last_hash FROM audit_head WHERE singleton = 1");
    if (!head.ok()) return head.status();
    auto row = (*head)->Step();
    if (!row.ok()) return row.status();
    std::optional<AuditHead> h;
    if (*row) h = AuditHead{(*head)->Int(0), (*head)->Text(1)};
    return verifier.Finish(h);
  }

  // A body calling back into its store would wait on a mutex it holds.
  Status NotReentered() const {
    if (tl_inside_body == this) return Status::Internal("store called from inside its own Read body; use the Tx");
    return owner_.NotReentered();
  }

  Status OpenReader(Reader& r) {
    int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path_.c_str(), &r.db, flags, nullptr) != SQLITE_OK) {
      std::string msg = r.db ? sqlite3_errmsg(r.db) : "out of memory";
      sqlite3_close_v2(r.db);
      r.db = nullptr;
      return Status::Io("cannot open a reader of " + path_ + ": " + msg);
    }
    sqlite3_busy_timeout(r.db, kBusyTimeoutMs);
    (void)Exec(r.db, "PRAGMA cache_size = -16384");
    r.cache = std::make_unique<StatementCache>(r.db);
    return Status::Ok();
  }

  // 0 when schema_migrations does not exist yet (a new, empty database).
  Result<int> VersionLocked() {
    // Cached statements (the health probe runs this on every request), reset after use
    // so that no read transaction stays open.
    auto exists = cache_.Get("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
    if (!exists.ok()) return exists.status();
    auto found = (*exists)->Step();
    (*exists)->Reset();
    if (!found.ok()) return found.status();
    if (!*found) return 0;
    auto st = cache_.Get("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (!st.ok()) return st.status();
    auto row = (*st)->Step();
    int version = row.ok() && *row ? static_cast<int>((*st)->Int(0)) : 0;
    (*st)->Reset();
    if (!row.ok()) return row.status();
    return version;
  }

  // IMMEDIATE takes the write lock up front: a deferred transaction that reads and
  // then writes can fail with SQLITE_BUSY without waiting on the timeout.
  Status Begin() { return RunCached(cache_, "BEGIN IMMEDIATE"); }
  Status Commit() {
    Status st = RunCached(cache_, "COMMIT");
    if (!st.ok()) return Rollback(st);
    return Status::Ok();
  }
  // Rolls back and returns `why`, so that error paths read `return Rollback(st)`.
  Status Rollback(Status why) {
    if (!sqlite3_get_autocommit(db_)) (void)RunCached(cache_, "ROLLBACK");
    return why;
  }

  // A statement without parameters or rows (BEGIN, COMMIT...), compiled once.
  static Status RunCached(StatementCache& cache, std::string_view sql) {
    auto st = cache.Get(sql);
    if (!st.ok()) return st.status();
    auto r = (*st)->Step();
    (*st)->Reset();
    return r.status();
  }

  sqlite3* db_;
  StatementCache cache_;
  std::string path_;
  std::mutex mu_;
  TransactionOwner owner_;
  static constexpr size_t kReaders = 4;
  std::array<Reader, kReaders> readers_;
  std::atomic<size_t> next_reader_{0};
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const OpenOptions& options) {
  if (path.empty()) return Status::InvalidArgument("sqlite: URL has no file path (expected sqlite:PATH)");
  if (path == ":memory:" || path.starts_with("file:"))
    return Status::InvalidArgument("sqlite: PATH must be a file name, not \"" + path + "\"");
  // Before the first connection: no global allocation statistics, whose mutex every
  // SQLite malloc would otherwise take (connections of several threads queue on it).
  static std::once_flag configured;
  std::call_once(configured, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  struct stat sb;
  if (!options.create_if_missing && ::stat(path.c_str(), &sb) != 0)
    return Status::NotFound("no database at " + path);
  sqlite3* db = nullptr;
  // NOMUTEX: SqliteStore serialises every call on its own mutex.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (options.create_if_missing ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return Status::Io("cannot open database " + path + ": " + msg);
  }
  auto store = std::make_unique<SqliteStore>(db, path);  // owns db from here on
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  auto mode = Statement::Prepare(db, "PRAGMA journal_mode = WAL");
  if (!mode.ok()) return Status::Io("cannot open database " + path + ": " + mode.status().message());
  auto row = (*mode)->Step();
  if (!row.ok() || !*row || (*mode)->Text(0) != "wal")
    return Status::Io("cannot put database " + path + " in WAL mode" +
                      (row.ok() ? std::string() : ": " + row.status().message()));
  // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss, and
  // an audit record that vanished after the office saw it succeed is not acceptable.
  // 64 MiB of page cache (the default is 2 MiB): a million talents' indexes stay in
  // memory, so bulk imports and lookups do not thrash; still far below the server's
  // memory budget.
  for (const char* pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL", "PRAGMA cache_size = -65536"}) {
    auto r = Exec(db, pragma);
    if (!r.ok()) return Status::Io("cannot configure database " + path + ": " + r.status().message());
  }
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace jincai::store::sqlite
