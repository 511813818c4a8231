#include "card/qr_code.h"

#include <optional>

#include <png.h>

#include <qrcodegen/qrcodegen.hpp>
#include <vector>

namespace jincai::card {

Result<std::string> QrSvg(std::string_view text) {
  try {
    const qrcodegen::QrCode qr = qrcodegen::QrCode::encodeText(std::string(text).c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
    const int border = 4, size = qr.getSize() + 2 * border;
    std::string path;
    for (int y = 0; y < qr.getSize(); ++y)
      for (int x = 0; x < qr.getSize(); ++x)
        if (qr.getModule(x, y)) path += "M" + std::to_string(x + border) + "," + std::to_string(y + border) + "h1v1h-1z";
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(size) + " " +
           std::to_string(size) + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>" +
           "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
  } catch (const qrcodegen::data_too_long& e) {
    return Status::InvalidArgument(std::string("the card does not fit a QR code: ") + e.what());
  }
}

Result<std::string> QrPng(std::string_view text, int scale) {
  std::optional<qrcodegen::QrCode> qr;
  try {
    qr.emplace(qrcodegen::QrCode::encodeText(std::string(text).c_str(), qrcodegen::QrCode::Ecc::MEDIUM));
  } catch (const qrcodegen::data_too_long& e) {
    return Status::InvalidArgument(std::string("the card does not fit a QR code: ") + e.what());
  }
  const int border = 4, modules = qr->getSize() + 2 * border, px = modules * scale;
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_write_struct(&png, &info);
    return Status::Internal("libpng could not start");
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return Status::Internal("libpng failed to write the QR code");
  }
  png_set_write_fn(
      png, &out,
      [](png_structp p, png_bytep data, png_size_t n) {
        static_cast<std::string*>(png_get_io_ptr(p))->append(reinterpret_cast<const char*>(data), n);
      },
      nullptr);
  png_set_IHDR(png, info, static_cast<png_uint_32>(px), static_cast<png_uint_32>(px), 8, PNG_COLOR_TYPE_GRAY,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  std::vector<png_byte> row(static_cast<size_t>(px));
  for (int y = 0; y < px; ++y) {
    for (int x = 0; x < px; ++x) {
      int mx = x / scale - border, my = y / scale - border;
      bool dark = mx >= 0 && my >= 0 && mx < qr->getSize() && my < qr->getSize() && qr->getModule(mx, my);
      row[static_cast<size_t>(x)] = dark ? 0 : 255;
    }
    png_write_row(png, row.data());
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

}  // namespace jincai::card
