#include "link/reader.h"

namespace toyc::wasm {

bool isValidUtf8(std::string_view s) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(s.data());
  const uint8_t* e = p + s.size();
  while (p < e) {
    uint8_t c = *p;
    if (c < 0x80) { ++p; continue; }
    unsigned n;
    uint32_t cp;
    if ((c & 0xe0) == 0xc0) { n = 1; cp = c & 0x1f; }
    else if ((c & 0xf0) == 0xe0) { n = 2; cp = c & 0x0f; }
    else if ((c & 0xf8) == 0xf0) { n = 3; cp = c & 0x07; }
    else return false;
    if (size_t(e - p) <= n) return false;
    for (unsigned i = 1; i <= n; ++i) {
      if ((p[i] & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3f);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000)) return false;
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    p += n + 1;
  }
  return true;
}

void Reader::failAt(const uint8_t* at, std::string msg) {
  if (failed_) return;
  failed_ = true;
  err_.file = file_ ? *file_ : std::string("<input>");
  err_.offset = base_ + uint64_t(at - begin_);
  err_.hasOffset = true;
  err_.msg = std::move(msg);
  p_ = end_;  // nothing more is read after a failure
}

void Reader::failFrom(const Reader& sub) {
  if (failed_ || sub.ok()) return;
  failed_ = true;
  err_ = sub.error();
  p_ = end_;
}

std::string_view Reader::name() {
  const uint8_t* at = p_;
  uint32_t n = uleb32();
  auto b = bytes(n);
  if (failed_) return {};
  std::string_view s(reinterpret_cast<const char*>(b.data()), b.size());
  if (!isValidUtf8(s)) {
    failAt(at, "name is not valid UTF-8");
    return {};
  }
  return s;
}

}  // namespace toyc::wasm
