// The store: one interface to the database, with SQLite or PostgreSQL behind it, both
// held to the same test suite. Owns schema migrations, transactions and
// the hash-chained audit log that every state change writes (SPEC §4).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/result.h"

namespace jincai::store {

// One state change, as the caller describes it. The store adds the sequence id, the
// previous record's hash and this record's hash.
struct AuditEntry {
  std::string actor;        // who: a user id, or "system"; required
  std::string action;       // what: "application.submit"; required
  std::string object_type;  // "application"; required
  std::string object_id;    // may be empty for actions on no single object
  std::string before_digest;  // SHA-256 hex of the object before; empty when it did not exist
  std::string after_digest;   // SHA-256 hex after; empty when it was deleted
  std::string time;  // ISO 8601 UTC "2026-11-28T18:19:22Z" (fraction allowed); empty: now
};

struct AuditRecord {
  int64_t id = 0;  // 1, 2, 3...: a gap means a deleted record
  AuditEntry entry;
  std::string prev_hash;  // the previous record's hash; 64 zeros for the first
  std::string hash;       // SHA-256(prev_hash || canonical fields), see audit_chain.h
};

// What VerifyAudit found: ok, or the first broken link.
enum class AuditBreak {
  kNone,
  kEdited,         // the record's hash does not match its fields
  kMissing,        // a record is missing (deleted in the middle, or the last ones)
  kWrongPrevHash,  // the record does not chain to the one before it
  kHeadMismatch,   // the head (last id and hash) does not match the last record
};
const char* AuditBreakName(AuditBreak b);

struct AuditVerdict {
  AuditBreak kind = AuditBreak::kNone;
  int64_t broken_id = 0;  // the first record that is wrong or missing; 0 when ok
  std::string detail;     // one human sentence
  int64_t records = 0;    // records checked
  std::string head_hash;  // the last record's hash: publish it to anchor the chain
  bool ok() const { return kind == AuditBreak::kNone; }
};

struct AppliedMigration {
  int version = 0;
  std::string name;
  std::string applied_at;  // ISO 8601 UTC
};

// A bound statement parameter. NULL, an integer or text (money is integer fen).
using SqlValue = std::variant<std::nullptr_t, int64_t, std::string>;
// A result row; a NULL column is nullopt, anything else its text.
using SqlRow = std::vector<std::optional<std::string>>;

// The work of one transaction. Valid only inside the Transact body that received it;
// not thread-safe (the body runs on one thread).
class Tx {
 public:
  virtual ~Tx() = default;
  // Appends an audit record in this transaction and returns its id. It commits or
  // rolls back with the change it describes, so there is no change without a record.
  // InvalidArgument for a missing actor/action/object_type, a digest that is not
  // empty or 64 hex characters, or a malformed time.
  virtual Result<int64_t> AppendAudit(const AuditEntry& entry) = 0;
  // A prepared statement with $1..$n placeholders (the same in both backends), values
  // bound, never spliced into the text. Returns the number of rows changed. For the
  // backends' own resource code and tests; callers above the store use typed calls.
  virtual Result<int64_t> Execute(std::string_view sql, const std::vector<SqlValue>& params = {}) = 0;
  virtual Result<std::vector<SqlRow>> Query(std::string_view sql, const std::vector<SqlValue>& params = {}) = 0;
};

struct OpenOptions {
  // false: a missing SQLite file is NotFound instead of being created (verification
  // should not leave empty databases behind a typo).
  bool create_if_missing = true;
};

// A connection to one database. Thread-safe: calls are serialised inside. A Transact
// body must use its Tx, not the Store: any Store call from inside one returns Internal.
// Not an error: opening a database whose schema is older than this build (Migrate()).
class Store {
 public:
  // "sqlite:PATH" (one file, WAL), or a libpq URI "postgresql://user@host:port/db"
  // ("postgres://" too) naming an existing database.
  // InvalidArgument for a malformed URL; Io when the database cannot be opened.
  static Result<std::unique_ptr<Store>> Open(const std::string& url, const OpenOptions& options = {});
  virtual ~Store() = default;

  // Applies every migration newer than the database's version, each in its own
  // transaction with its row in schema_migrations. Returns the ones applied now
  // (empty when up to date: not an error). Safe when two processes race: the second
  // finds the work done. Conflict when the database is newer than this build.
  virtual Result<std::vector<AppliedMigration>> Migrate() = 0;
  // The highest applied version; 0 for an empty database.
  virtual Result<int> SchemaVersion() = 0;
  virtual Result<std::vector<AppliedMigration>> AppliedMigrations() = 0;

  // Runs `body` in one write transaction: commits when it returns ok, rolls back when
  // it returns an error (returned as is) or throws (rethrown). REQUIRES: not called
  // from inside another Transact body on this store (returns Internal if it is).
  virtual Status Transact(const std::function<Status(Tx&)>& body) = 0;
  // Transact for bulk loads (imports): the same guarantees, one transaction, all or
  // nothing. SQLite switches to a rollback journal for it when no other connection is
  // open (appended pages then need no journal, where WAL writes every page twice) and
  // back to WAL afterwards; with other connections open it is plain Transact.
  virtual Status TransactBulk(const std::function<Status(Tx&)>& body) { return Transact(body); }
  // Runs `body` in a read-only transaction: one consistent snapshot for all its
  // queries. The body must not write (PostgreSQL refuses; SQLite would take the
  // write lock). Same reentrancy rule and error handling as Transact.
  virtual Status Read(const std::function<Status(Tx&)>& body) = 0;
  // Read for a body that runs a single query: a statement is its own snapshot, so no
  // transaction is opened around it (the hot reads of every request: session, status).
  virtual Status ReadOne(const std::function<Status(Tx&)>& body) { return Read(body); }

  // Walks the whole chain; an ok Result carrying a broken verdict is a finding, not a
  // failure. Error only when the database cannot be read or is not migrated.
  virtual Result<AuditVerdict> VerifyAudit() = 0;
  // Up to `limit` (> 0) records with id > after_id, in id order.
  virtual Result<std::vector<AuditRecord>> ListAudit(int64_t limit, int64_t after_id = 0) = 0;
};

}  // namespace jincai::store
