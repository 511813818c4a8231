// Store::Open: picks the backend from the URL's scheme.
#include "store/store.h"

#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"

namespace jincai::store {

Result<std::unique_ptr<Store>> Store::Open(const std::string& url, const OpenOptions& options) {
  if (url.starts_with("sqlite:")) return sqlite::OpenSqliteStore(url.substr(7), options);
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return postgres::OpenPostgresStore(url, options);
  return Status::InvalidArgument("unknown database URL \"" + url + "\": expected sqlite:PATH or postgresql://...");
}

}  // namespace jincai::store
