// The store contract against both backends, real SQLite files and a throw-away
// PostgreSQL cluster (pg_cluster.h): migrations applied once and recorded, failed
// transactions leave neither change nor audit record, and every kind of tampering with
// the audit log is reported at the first broken record. Written against Store only;
// SQLite specifics (WAL, file paths) are the only backend-specific tests.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <thread>

#include "store/audit_chain.h"
#include "store/migrations/migration.h"
#include "store/sha256.h"
#include "store/store.h"
#include "pg_cluster.h"

namespace jincai::store {
namespace {

namespace fs = std::filesystem;

class StoreTest : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "jincai-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    url_ = NewUrl("test.db");
    ASSERT_FALSE(url_.empty());
    auto s = Store::Open(url_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
    auto m = store_->Migrate();
    ASSERT_TRUE(m.ok()) << m.status().message();
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  // A new, empty database: a file in dir_ for SQLite, a fresh database in the shared
  // test cluster for PostgreSQL. "" after a test failure naming why.
  std::string NewUrl(const std::string& file) {
    if (GetParam() == "sqlite") return "sqlite:" + (dir_ / file).string();
    auto& pg = testing_pg::PgCluster::Shared();
    std::string url = pg.NewDatabase();
    if (url.empty()) ADD_FAILURE() << "PostgreSQL test cluster: " << pg.error();
    return url;
  }

  static AuditEntry Entry(const std::string& object_id) {
    return {"officer-7", "application.approve", "application", object_id, Sha256Hex("before " + object_id),
            Sha256Hex("after " + object_id), "2026-11-28T10:00:00Z"};
  }
  void Append(int n) {
    for (int i = 0; i < n; ++i)
      ASSERT_TRUE(store_->Transact([&](Tx& tx) { return tx.AppendAudit(Entry("A" + std::to_string(i))).status(); }).ok());
  }
  // What someone with write access to the database file could do, bypassing the chain.
  void Tamper(const std::string& sql, const std::vector<SqlValue>& params = {}) {
    Status st = store_->Transact([&](Tx& tx) { return tx.Execute(sql, params).status(); });
    ASSERT_TRUE(st.ok()) << st.message();
  }
  AuditVerdict Verify() {
    auto v = store_->VerifyAudit();
    EXPECT_TRUE(v.ok()) << v.status().message();
    return v.ok() ? v.value() : AuditVerdict{};
  }

  fs::path dir_;
  std::string url_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, MigrationsAreRecordedAndIdempotent) {
  const int latest = static_cast<int>(SqliteMigrations().size());
  EXPECT_EQ(store_->SchemaVersion().value(), latest);
  auto again = store_->Migrate();
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
  auto applied = store_->AppliedMigrations();
  ASSERT_TRUE(applied.ok());
  ASSERT_EQ(applied->size(), static_cast<size_t>(latest));
  for (int v = 1; v <= latest; ++v) EXPECT_EQ((*applied)[static_cast<size_t>(v - 1)].version, v);
  EXPECT_EQ((*applied)[0].name, "audit_log");
  EXPECT_EQ((*applied)[1].name, "records_accounts_applications");
  EXPECT_EQ((*applied)[2].name, "cards");
  EXPECT_EQ((*applied)[0].applied_at.size(), 24u);  // 2026-11-28T18:19:22.123Z
  // A second connection (another process, in practice) finds the work done.
  auto other = Store::Open(url_);
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE((*other)->Migrate()->empty());
}

TEST_P(StoreTest, NewDatabaseHasVersionZeroAndNoAuditLog) {
  const std::string url = NewUrl("fresh.db");
  ASSERT_FALSE(url.empty());
  auto fresh = Store::Open(url);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ((*fresh)->SchemaVersion().value(), 0);
  EXPECT_TRUE((*fresh)->AppliedMigrations()->empty());
  auto v = (*fresh)->VerifyAudit();
  EXPECT_EQ(v.status().code(), Code::kNotFound);
}

TEST_P(StoreTest, NewerSchemaThanThisBuildIsAConflict) {
  Tamper("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', '2030-01-01T00:00:00Z')");
  auto m = store_->Migrate();
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), Code::kConflict);
  EXPECT_NE(m.status().message().find("newer than this build"), std::string::npos);
}

TEST_P(StoreTest, FailedTransactionRollsBackTheChangeAndItsAuditRecord) {
  Tamper("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
  Append(1);
  Status st = store_->Transact([](Tx& tx) {
    JINCAI_RETURN_IF_ERROR(tx.Execute("INSERT INTO note (id, text) VALUES ($1, $2)", {int64_t{1}, std::string("x")}).status());
    JINCAI_RETURN_IF_ERROR(tx.AppendAudit(Entry("N1")).status());
    return Status::Conflict("the officer changed their mind");
  });
  EXPECT_EQ(st.code(), Code::kConflict);
  EXPECT_EQ(st.message(), "the officer changed their mind");
  Status read = store_->Transact([](Tx& tx) {
    auto rows = tx.Query("SELECT COUNT(*) FROM note");
    EXPECT_EQ((*rows)[0][0].value(), "0");
    return Status::Ok();
  });
  EXPECT_TRUE(read.ok());
  EXPECT_EQ(store_->ListAudit(10)->size(), 1u);
  EXPECT_TRUE(Verify().ok());
  Append(1);  // the chain continues from the committed record, not the rolled-back one
  EXPECT_EQ(store_->ListAudit(10)->back().id, 2);
  EXPECT_TRUE(Verify().ok());
}

TEST_P(StoreTest, ThrowingBodyRollsBackAndRethrows) {
  EXPECT_THROW((void)store_->Transact([](Tx& tx) -> Status {
                 (void)tx.AppendAudit(Entry("X"));
                 throw std::runtime_error("boom");
               }),
               std::runtime_error);
  EXPECT_TRUE(store_->ListAudit(10)->empty());
  Append(1);
  EXPECT_TRUE(Verify().ok());
}

TEST_P(StoreTest, StoreCallsFromInsideATransactionAreRefused) {
  Status inner;
  Status outer = store_->Transact([&](Tx&) {
    inner = store_->Transact([](Tx&) { return Status::Ok(); });
    EXPECT_EQ(store_->VerifyAudit().status().code(), Code::kInternal);
    EXPECT_EQ(store_->Migrate().status().code(), Code::kInternal);
    EXPECT_EQ(store_->ListAudit(1).status().code(), Code::kInternal);
    return Status::Ok();
  });
  EXPECT_TRUE(outer.ok());
  EXPECT_EQ(inner.code(), Code::kInternal);
  EXPECT_TRUE(store_->VerifyAudit().ok());  // and usable again afterwards
}

TEST_P(StoreTest, ChainVerifiesAndListsInOrder) {
  EXPECT_TRUE(Verify().ok());  // empty chain
  Append(5);
  AuditVerdict v = Verify();
  EXPECT_TRUE(v.ok()) << v.detail;
  EXPECT_EQ(v.records, 5);
  auto all = store_->ListAudit(100);
  ASSERT_EQ(all->size(), 5u);
  EXPECT_EQ((*all)[0].prev_hash, kGenesisHash);
  for (size_t i = 1; i < all->size(); ++i) EXPECT_EQ((*all)[i].prev_hash, (*all)[i - 1].hash);
  EXPECT_EQ(v.head_hash, all->back().hash);
  EXPECT_EQ((*all)[2].entry.object_id, "A2");
  EXPECT_EQ((*all)[2].entry.actor, "officer-7");
  auto page = store_->ListAudit(2, 2);
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].id, 3);
  EXPECT_EQ((*page)[1].id, 4);
  EXPECT_EQ(store_->ListAudit(0).status().code(), Code::kInvalidArgument);
}

TEST_P(StoreTest, TwoConnectionsAppendingAtOnceKeepOneChain) {
  // Two connections stand for two processes: writes queue on the database's lock and
  // each append chains to the other's last record.
  auto other = Store::Open(url_);
  ASSERT_TRUE(other.ok());
  auto writer = [](Store& s, const std::string& who) {
    for (int i = 0; i < 40; ++i)
      ASSERT_TRUE(s.Transact([&](Tx& tx) { return tx.AppendAudit(Entry(who + std::to_string(i))).status(); }).ok());
  };
  std::thread a(writer, std::ref(*store_), "a"), b(writer, std::ref(**other), "b");
  a.join();
  b.join();
  AuditVerdict v = Verify();
  EXPECT_TRUE(v.ok()) << v.detail;
  EXPECT_EQ(v.records, 80);
}

TEST_P(StoreTest, EditedFieldIsDetectedAtThatRecord) {
  Append(5);
  Tamper("UPDATE audit_log SET actor = $1 WHERE id = 3", {std::string("someone-else")});
  AuditVerdict v = Verify();
  EXPECT_EQ(v.kind, AuditBreak::kEdited);
  EXPECT_EQ(v.broken_id, 3);
}

TEST_P(StoreTest, RehashedEditBreaksTheNextLink) {
  Append(5);
  AuditEntry e = Entry("A2");
  e.actor = "someone-else";
  auto rows = store_->ListAudit(1, 2);
  Tamper("UPDATE audit_log SET actor = $1, hash = $2 WHERE id = 3",
         {e.actor, AuditHash((*rows)[0].prev_hash, 3, e)});
  AuditVerdict v = Verify();
  EXPECT_EQ(v.kind, AuditBreak::kWrongPrevHash);
  EXPECT_EQ(v.broken_id, 4);
}

TEST_P(StoreTest, DeletedMiddleRecordIsDetected) {
  Append(5);
  Tamper("DELETE FROM audit_log WHERE id = 2");
  AuditVerdict v = Verify();
  EXPECT_EQ(v.kind, AuditBreak::kMissing);
  EXPECT_EQ(v.broken_id, 2);
  EXPECT_EQ(v.detail, "record 2 is missing");
}

TEST_P(StoreTest, DeletedFirstRecordIsDetected) {
  Append(3);
  Tamper("DELETE FROM audit_log WHERE id = 1");
  EXPECT_EQ(Verify().broken_id, 1);
}

TEST_P(StoreTest, DeletedLastRecordsAreDetectedThroughTheHead) {
  Append(5);
  Tamper("DELETE FROM audit_log WHERE id >= 4");
  AuditVerdict v = Verify();
  EXPECT_EQ(v.kind, AuditBreak::kMissing);
  EXPECT_EQ(v.broken_id, 4);
  EXPECT_EQ(v.detail, "records 4 to 5 (the last) are missing");
  // Appending after the damage does not paper over it.
  Append(1);
  EXPECT_EQ(Verify().broken_id, 4);
}

TEST_P(StoreTest, DeletedOrEditedHeadIsDetected) {
  Append(2);
  Tamper("UPDATE audit_head SET last_hash = $1", {kGenesisHash});
  EXPECT_EQ(Verify().kind, AuditBreak::kHeadMismatch);
  Tamper("DELETE FROM audit_head");
  EXPECT_EQ(Verify().kind, AuditBreak::kHeadMismatch);
  Status st = store_->Transact([](Tx& tx) { return tx.AppendAudit(Entry("Z")).status(); });
  EXPECT_EQ(st.code(), Code::kInternal);
}

TEST_P(StoreTest, BadAuditEntriesAreRefused) {
  auto refuse = [&](AuditEntry e, const std::string& words) {
    Status st = store_->Transact([&](Tx& tx) { return tx.AppendAudit(e).status(); });
    EXPECT_EQ(st.code(), Code::kInvalidArgument);
    EXPECT_NE(st.message().find(words), std::string::npos) << st.message();
  };
  AuditEntry e = Entry("A");
  e.actor = "";
  refuse(e, "no actor");
  e = Entry("A"), e.action = "";
  refuse(e, "no action");
  e = Entry("A"), e.object_type = "";
  refuse(e, "no object type");
  e = Entry("A"), e.before_digest = "abc";
  refuse(e, "64 lowercase hex");
  e = Entry("A"), e.time = "2026-11-28 10:00:00";
  refuse(e, "ISO 8601 UTC");
  e = Entry("A"), e.time = "2026-11-28T10:00:00+08:00";
  refuse(e, "ISO 8601 UTC");
  EXPECT_TRUE(store_->ListAudit(10)->empty());
  // Not errors: no object id, no before (a creation), no time (now), a fraction.
  e = Entry(""), e.before_digest = "", e.time = "";
  EXPECT_TRUE(store_->Transact([&](Tx& tx) { return tx.AppendAudit(e).status(); }).ok());
  e = Entry("B"), e.time = "2026-11-28T10:00:00.123456Z";
  EXPECT_TRUE(store_->Transact([&](Tx& tx) { return tx.AppendAudit(e).status(); }).ok());
  EXPECT_TRUE(Verify().ok());
}

TEST_P(StoreTest, StatementsBindValuesAndRefuseSmuggledStatements) {
  Tamper("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)");
  const std::string evil = "x'); DROP TABLE note; --";
  Tamper("INSERT INTO note (id, text) VALUES ($1, $2)", {int64_t{1}, evil});
  Status st = store_->Transact([&](Tx& tx) {
    auto rows = tx.Query("SELECT text, NULL FROM note WHERE id = $1", {int64_t{1}});
    EXPECT_EQ((*rows)[0][0].value(), evil);
    EXPECT_FALSE((*rows)[0][1].has_value());
    EXPECT_EQ(tx.Execute("DELETE FROM note; DROP TABLE note").status().code(), Code::kInvalidArgument);
    EXPECT_EQ(tx.Execute("DELETE FROM note WHERE id = $1").status().code(), Code::kInvalidArgument);
    EXPECT_EQ(tx.Execute("INSERT INTO note (id) VALUES ($1)", {int64_t{1}}).status().code(), Code::kConflict);
    return Status::Ok();
  });
  EXPECT_TRUE(st.ok()) << st.message();
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, testing::Values(std::string("sqlite"), std::string("postgresql")),
                         [](const testing::TestParamInfo<std::string>& p) { return p.param; });

TEST(StoreOpen, BothBackendsHaveTheSameMigrations) {
  const auto& lite = SqliteMigrations();
  const auto& pg = PostgresMigrations();
  ASSERT_EQ(lite.size(), pg.size());
  for (size_t i = 0; i < lite.size(); ++i) {
    EXPECT_EQ(lite[i].version, pg[i].version);
    EXPECT_EQ(lite[i].name, pg[i].name);
  }
}

// SQLite only, outside the parameterised suite so that no PostgreSQL cluster is
// started just to skip it.
TEST(SqliteStore, RunsInWalModeWithForeignKeys) {
  std::string tmpl = (fs::temp_directory_path() / "jincai-store-XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  {
    auto s = Store::Open("sqlite:" + tmpl + "/wal.db");
    ASSERT_TRUE(s.ok()) << s.status().message();
    Status st = (*s)->Transact([](Tx& tx) {
      EXPECT_EQ((*tx.Query("PRAGMA journal_mode"))[0][0].value(), "wal");
      EXPECT_EQ((*tx.Query("PRAGMA foreign_keys"))[0][0].value(), "1");
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.message();
  }
  fs::remove_all(tmpl);
}

// The chain's bytes do not depend on the backend: the same entries give the same
// records and hashes, so a database can move between them and still verify.
TEST(StoreBackends, SameEntriesGiveTheSameChainInBoth) {
  std::string tmpl = (fs::temp_directory_path() / "jincai-store-XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  const std::string pg_url = testing_pg::PgCluster::Shared().NewDatabase();
  ASSERT_FALSE(pg_url.empty()) << testing_pg::PgCluster::Shared().error();
  std::vector<std::vector<AuditRecord>> chains;
  for (const std::string& url : {"sqlite:" + tmpl + "/same.db", pg_url}) {
    auto s = Store::Open(url);
    ASSERT_TRUE(s.ok()) << s.status().message();
    ASSERT_TRUE((*s)->Migrate().ok());
    for (const char* id : {"A1", "", "B\xe4\xb8\xad"})
      ASSERT_TRUE((*s)->Transact([&](Tx& tx) {
                       return tx.AppendAudit({"officer-7", "application.approve", "application", id,
                                              Sha256Hex(id), "", "2026-11-28T10:00:00.5Z"}).status();
                     }).ok());
    chains.push_back(*(*s)->ListAudit(10));
  }
  fs::remove_all(tmpl);
  ASSERT_EQ(chains[0].size(), 3u);
  ASSERT_EQ(chains[1].size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(chains[0][i].id, chains[1][i].id);
    EXPECT_EQ(chains[0][i].entry.object_id, chains[1][i].entry.object_id);
    EXPECT_EQ(chains[0][i].entry.time, chains[1][i].entry.time);
    EXPECT_EQ(chains[0][i].hash, chains[1][i].hash);
  }
}

TEST(StoreOpen, BadUrlsAreRefused) {
  auto pg = Store::Open("postgresql://localhost/jincai?no_such_option=1");
  EXPECT_EQ(pg.status().code(), Code::kInvalidArgument);
  EXPECT_NE(pg.status().message().find("malformed PostgreSQL URL"), std::string::npos) << pg.status().message();
  // Port 1 on loopback: nothing listens, so the connection is refused at once.
  auto down = Store::Open("postgres://127.0.0.1:1/jincai?connect_timeout=2");
  EXPECT_EQ(down.status().code(), Code::kIo);
  EXPECT_NE(down.status().message().find("cannot connect to PostgreSQL"), std::string::npos);
  EXPECT_EQ(Store::Open("mysql://x").status().code(), Code::kInvalidArgument);
  EXPECT_NE(Store::Open("data/jincai.db").status().message().find("expected sqlite:PATH"), std::string::npos);
  EXPECT_EQ(Store::Open("sqlite:").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Store::Open("sqlite::memory:").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Store::Open("sqlite:/nonexistent-dir-jincai/x.db").status().code(), Code::kIo);
}

TEST(StoreOpen, MissingFileIsNotFoundWhenNotCreating) {
  OpenOptions o;
  o.create_if_missing = false;
  const std::string path = (fs::temp_directory_path() / "jincai-no-such-db.db").string();
  fs::remove(path);
  EXPECT_EQ(Store::Open("sqlite:" + path, o).status().code(), Code::kNotFound);
  EXPECT_FALSE(fs::exists(path));
}

}  // namespace
}  // namespace jincai::store
