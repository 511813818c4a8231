// A platform over a fresh database of either backend (a real SQLite file, or a
// database in the throw-away PostgreSQL cluster), with the shipped policy stored, a
// clock the test moves, and helpers that create accounts through the services.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "../store/pg_cluster.h"
#include "card/key_ring.h"
#include "domain/identity_numbers.h"
#include "service/credentials.h"
#include "service/platform.h"
#include "store/records/accounts_table.h"

namespace jincai::service::testing_platform {

namespace fs = std::filesystem;

inline constexpr const char* kPassword = "a long password 1";

class PlatformTest : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCredentials().ok());
    std::string tmpl = (fs::temp_directory_path() / "jincai-platform-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    std::string url;
    if (GetParam() == "sqlite") {
      url = "sqlite:" + (dir_ / "test.db").string();
    } else {
      auto& pg = store::testing_pg::PgCluster::Shared();
      url = pg.NewDatabase();
      ASSERT_FALSE(url.empty()) << "PostgreSQL test cluster: " << pg.error();
    }
    auto s = store::Store::Open(url);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();
    ASSERT_TRUE(store_->Migrate().ok());
    auto ring = card::KeyRing::Generate((dir_ / "keys").string());
    ASSERT_TRUE(ring.ok()) << ring.status().message();
    ring_.emplace(std::move(*ring));
    platform_ = std::make_unique<Platform>(*store_, [this] { return now_; }, &*ring_);
    Status seeded = platform_->policies.SeedFromFile(std::string(JINCAI_SOURCE_DIR) + "/policies/shanxi-2017.toml");
    ASSERT_TRUE(seeded.ok()) << seeded.message();
  }
  void TearDown() override {
    platform_.reset();
    store_.reset();
    fs::remove_all(dir_);
  }

  Actor ActorNamed(const std::string& username) {
    std::optional<store::UserRow> row;
    EXPECT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
      auto u = store::FindUserByName(tx, username);
      if (!u.ok()) return u.status();
      row = *u;
      return Status::Ok();
    }).ok());
    EXPECT_TRUE(row.has_value()) << username;
    return row ? Accounts::ActorOf(*row) : Actor{};
  }

  // A valid resident ID number born on 1980-01-01, distinct per `n` (0..899).
  static std::string ResidentId(int n) {
    std::string first17 = "14010519800101" + std::to_string(100 + n % 900);
    return first17 + domain::ResidentIdCheckCharacter(first17);
  }

  Actor Talent(const std::string& username, int n) {
    auto id = platform_->accounts.RegisterTalent({username, kPassword, "人才" + std::to_string(n), "resident_id", ResidentId(n), "CN"});
    EXPECT_TRUE(id.ok()) << id.status().message();
    return ActorNamed(username);
  }

  static store::EmployerRow EmployerRecord(int n) {
    std::string first17 = "91140100MA" + std::to_string(1000000 + n % 1000000);
    return {0, first17 + domain::SocialCreditCodeCheckCharacter(first17), "单位" + std::to_string(n),
            "enterprise", "private", "taiyuan", 1000000, "", ""};
  }

  Actor Employer(const std::string& username, int n) {
    auto id = platform_->accounts.RegisterEmployer({username, kPassword, "人事处", EmployerRecord(n)});
    EXPECT_TRUE(id.ok()) << id.status().message();
    return ActorNamed(username);
  }

  Actor Staff(const std::string& username, const std::string& role) {
    auto id = platform_->accounts.CreateAccount(Actor::System(), {username, kPassword, username, role, std::nullopt});
    EXPECT_TRUE(id.ok()) << id.status().message();
    return ActorNamed(username);
  }

  int64_t AuditCount() {
    auto v = store_->VerifyAudit();
    EXPECT_TRUE(v.ok());
    EXPECT_TRUE(v->ok()) << v->detail;
    return v->records;
  }

  int64_t now_ = 1'795'000'000;  // 2026-11-18T..Z
  fs::path dir_;
  std::unique_ptr<store::Store> store_;
  std::optional<card::KeyRing> ring_;
  std::unique_ptr<Platform> platform_;
};

inline std::string BackendName(const testing::TestParamInfo<std::string>& info) { return info.param; }

}  // namespace jincai::service::testing_platform
