// Every state change writes an audit record in the same transaction (SPEC §4): who,
// what, which object, and the digests of the object before and after. Objects are
// digested from a canonical text of their stored fields (below), never of secrets.
#pragma once

#include <string>
#include <string_view>

#include "service/actor.h"
#include "store/records/accounts_table.h"
#include "store/records/applications_table.h"
#include "store/records/employers_table.h"
#include "store/records/talents_table.h"
#include "store/store.h"

namespace jincai::service {

// `before`/`after`: canonical texts; empty when the object did not exist / was deleted.
Status RecordChange(store::Tx& tx, const Actor& actor, std::string action, std::string object_type,
                    const std::string& object_id, std::string_view before, std::string_view after);

// Canonical texts: the fields in a fixed order, separated by U+001F.
std::string CanonicalText(const store::EmployerRow& row);
std::string CanonicalText(const store::TalentRow& row);
std::string CanonicalText(const store::ApplicationRow& row);
std::string CanonicalText(const store::UserRow& row);  // without the password hash

}  // namespace jincai::service
