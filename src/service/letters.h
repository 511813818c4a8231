// The office's letters on claims (SPEC §5.3): the settlement letter of a residence
// choice, the support letter for a five-year residence permit and the recommendation
// for permanent residence. Each has a random, unguessable number ("JL-" and four
// groups of four characters) printed on it; anyone holding the letter checks it at
// GET /api/v1/letters/{number}.
#pragma once

#include <string>

#include "service/actor.h"
#include "store/records/claims_table.h"
#include "store/records/letters_table.h"
#include "store/store.h"

namespace jincai::service {

// In the caller's transaction: writes the claim's letter and returns it. The claim's
// card in force gives the holder, tier and validity.
Result<store::LetterRow> IssueLetter(store::Tx& tx, const Actor& by, const store::ClaimRow& claim, int64_t now);

// A letter by its number, with status "expired" past its date. NotFound otherwise.
Result<store::LetterRow> FindLetterByNumber(store::Store& store, const std::string& number, int64_t now);

}  // namespace jincai::service
