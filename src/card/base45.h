// Base45 (RFC 9285): bytes as text in the 45-character alphanumeric alphabet that QR
// codes store most compactly (two bytes become three characters). The card's text
// form is "JC1:" followed by the Base45 of its compressed envelope.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace jincai::card {

// Any bytes; never fails. Two bytes become three characters, a final odd byte two.
std::string Base45Encode(std::string_view bytes);

// The bytes `text` encodes. InvalidArgument (with a Chinese message) naming the first
// problem: a character outside the alphabet (its position, counted from 0, and the
// character), a length that leaves a single character over (len % 3 == 1), or a group
// whose value is too large for its bytes (a triplet above 65535, a final pair above
// 255). Empty text decodes to empty bytes. Lower-case letters are not Base45.
Result<std::string> Base45Decode(std::string_view text);

}  // namespace jincai::card
