// Green cards as signed credentials (SPEC §5.2): issuing one when an application is
// issued or renewed (signed with the ring's current key; a renewal supersedes the
// previous card), marking it revoked or expired with the application, and verifying a
// card's text online: the offline verdict of card/card_codec plus its status here.
#pragma once

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "card/card_codec.h"
#include "card/key_ring.h"
#include "service/actor.h"
#include "service/clock.h"
#include "store/records/applications_table.h"
#include "store/records/cards_table.h"
#include "store/store.h"

namespace jincai::service {

struct OnlineVerdict {
  std::shared_ptr<const card::CardVerdict> offline;  // never null
  std::string status;        // "valid", "expired", ..., or "revoked" when the office revoked or replaced it
  std::string reason, reason_zh;
  std::optional<store::CardRow> card;  // the stored card's status (without its text), when the id is known here
};

class Cards {
 public:
  // `ring` may be null: then issuing is refused (Conflict) and verification trusts no key.
  Cards(store::Store& store, const card::KeyRing* ring, Clock clock = SystemClock());

  // In the caller's transaction: signs and stores the card of an application that is
  // being issued or renewed (row already carries tier, decision and card_expires_on),
  // superseding its active card.
  Result<store::CardRow> IssueFor(store::Tx& tx, const store::ApplicationRow& row);
  // In the caller's transaction: the application's active card becomes revoked or expired.
  Status EndFor(store::Tx& tx, int64_t application_id, const std::string& status, const std::string& reason);

  // The application's active card (scope is the caller's to check). NotFound when none.
  Result<store::CardRow> ActiveCard(int64_t application_id);
  OnlineVerdict Verify(const std::string& text);
  const card::KeyRing* ring() const { return ring_; }
  // The public trust list (JSON), or NotFound without keys.
  Result<std::string> TrustList() const;
  // {"revoked":[{"card_id","revoked_at","reason"}]}
  Result<std::string> RevocationList();

 private:
  // The offline verdict of a text on a day, which depends on nothing else (the ring is
  // fixed for the process): kept for texts seen again the same day, so a card checked
  // at every door costs one signature check a day. Bounded; emptied when full.
  std::shared_ptr<const card::CardVerdict> OfflineVerdict(const std::string& text, int32_t today);
  store::Store& store_;
  const card::KeyRing* ring_;
  Clock clock_;
  std::shared_mutex verdicts_mu_;
  std::unordered_map<std::string, std::pair<int32_t, std::shared_ptr<const card::CardVerdict>>> verdicts_;
};

}  // namespace jincai::service
