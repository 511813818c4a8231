// The PostgreSQL backend of Store: one libpq connection guarded by a mutex, write
// transactions at READ COMMITTED with the audit head row locked (SELECT ... FOR
// UPDATE) by every append, so that appends from many processes queue on that row and
// keep one chain, and migrations serialised across processes by an advisory lock.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace jincai::store::postgres {

// URL is a libpq connection URI, "postgresql://user:pass@host:port/db?opts" (or
// "postgres://"). The database must exist: creating one is the operator's job.
// InvalidArgument for a malformed URI; Io when the server cannot be reached.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, const OpenOptions& options);

}  // namespace jincai::store::postgres
