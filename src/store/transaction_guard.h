// What both store backends need around Transact: knowing which thread is inside a
// transaction (so a body calling back into its own store is refused instead of
// deadlocking on the store's mutex), and the commit-or-roll-back rule for the body.
#pragma once

#include <atomic>
#include <functional>
#include <thread>

#include "store/store.h"

namespace jincai::store {

class TransactionOwner {
 public:
  // Internal when called from inside this store's own Transact body.
  Status NotReentered() const {
    if (owner_.load() == std::this_thread::get_id())
      return Status::Internal("store called from inside its own Transact body; use the Tx");
    return Status::Ok();
  }

  // Marks the calling thread as inside a transaction for the guard's lifetime.
  // REQUIRES: the store's mutex is held.
  class Guard {
   public:
    explicit Guard(std::atomic<std::thread::id>& owner) : owner_(owner) { owner_ = std::this_thread::get_id(); }
    ~Guard() { owner_ = std::thread::id(); }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;

   private:
    std::atomic<std::thread::id>& owner_;
  };
  std::atomic<std::thread::id>& id() { return owner_; }

 private:
  std::atomic<std::thread::id> owner_{};
};

// Runs body inside an open transaction: commits when it returns ok; rolls back on an
// error status (which is returned unchanged) or on an exception (which is rethrown).
template <typename Rollback, typename Commit>
Status RunTransactionBody(Tx& tx, const std::function<Status(Tx&)>& body, Rollback rollback, Commit commit) {
  Status st;
  try {
    st = body(tx);
  } catch (...) {
    (void)rollback(Status::Ok());
    throw;
  }
  if (!st.ok()) return rollback(st);
  return commit();
}

}  // namespace jincai::store
