// The SQLite backend of Store: one file in WAL mode, one connection guarded by a
// mutex (SQLite allows one writer at a time anyway), writes in BEGIN IMMEDIATE
// transactions so that two writers queue on the busy timeout instead of deadlocking.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace jincai::store::sqlite {

// PATH is a file name; ":memory:" is refused because a store must outlive its process.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const OpenOptions& options);

}  // namespace jincai::store::sqlite
