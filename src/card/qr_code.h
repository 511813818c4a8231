// A card's text as a QR code (qrcodegen, error correction M) with a 4-module quiet
// zone: as an SVG (one path of unit squares, sharp at any size) or a PNG (libpng,
// grayscale, `scale` pixels per module) for printing and for photos.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace jincai::card {

// InvalidArgument when the text does not fit a QR code.
Result<std::string> QrSvg(std::string_view text);
Result<std::string> QrPng(std::string_view text, int scale = 8);

}  // namespace jincai::card
