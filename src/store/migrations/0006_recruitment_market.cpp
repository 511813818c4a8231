// Migration 6: the recruitment market (SPEC §5.5): employers' positions with their
// search terms; each talent's market profile (what work they look for, and whether
// employers may find them); and the applications to positions with their stage.
#include <string>

#include "store/migrations/migration.h"

namespace jincai::store {
namespace {

std::string sqlite_sql, postgres_sql;  // built once: Migration holds a view

// skills: the position's skills joined by '\n'. Pay: whole CNY a month.
// position_terms: the search terms of a position's text (domain/search_terms.h).
// market_profiles: skills, cities, engagements joined by '\n'; visible: 1 when the
// talent lets employers find the profile among candidates.
// position_applications: stage applied, shortlisted, interview, offered, hired,
// declined or withdrawn; one per talent and position.
constexpr std::string_view kSql = R"sql(
CREATE TABLE positions (
  id          @ID,
  employer_id BIGINT NOT NULL REFERENCES employers (id),
  title       TEXT NOT NULL,
  engagement  TEXT NOT NULL,
  field       TEXT NOT NULL,
  skills      TEXT NOT NULL,
  city        TEXT NOT NULL,
  pay_min_cny BIGINT NOT NULL,
  pay_max_cny BIGINT NOT NULL,
  lang        TEXT NOT NULL,
  description TEXT NOT NULL,
  status      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX positions_status ON positions (status, id);
CREATE INDEX positions_employer ON positions (employer_id, id);
CREATE TABLE position_terms (
  term        TEXT NOT NULL,
  position_id BIGINT NOT NULL REFERENCES positions (id),
  PRIMARY KEY (term, position_id)
);
CREATE INDEX position_terms_position ON position_terms (position_id);
CREATE TABLE market_profiles (
  talent_id   BIGINT PRIMARY KEY REFERENCES talents (id),
  field       TEXT NOT NULL,
  skills      TEXT NOT NULL,
  cities      TEXT NOT NULL,
  engagements TEXT NOT NULL,
  min_pay_cny BIGINT NOT NULL,
  summary     TEXT NOT NULL,
  visible     BIGINT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE TABLE position_applications (
  id          @ID,
  position_id BIGINT NOT NULL REFERENCES positions (id),
  talent_id   BIGINT NOT NULL REFERENCES talents (id),
  stage       TEXT NOT NULL,
  cover_note  TEXT NOT NULL,
  reason      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (position_id, talent_id)
);
CREATE INDEX position_applications_talent ON position_applications (talent_id);
)sql";

}  // namespace

Migration SqliteMigration0006RecruitmentMarket() {
  return {6, "recruitment_market", WithIdColumn(kSql, kSqliteId, &sqlite_sql)};
}
Migration PostgresMigration0006RecruitmentMarket() {
  return {6, "recruitment_market", WithIdColumn(kSql, kPostgresId, &postgres_sql)};
}

}  // namespace jincai::store
