#include "link/archive.h"
#include <algorithm>
#include <cstring>
#include <deque>
#include "link/object_reader.h"

namespace toyc::link {

static constexpr char kMagic[] = "!<arch>\n";
static constexpr char kThinMagic[] = "!<thin>\n";

bool Archive::isArchive(Bytes data) {
  return data.size() >= 8 && (std::memcmp(data.data(), kMagic, 8) == 0 || std::memcmp(data.data(), kThinMagic, 8) == 0);
}

static bool parseDecimal(const uint8_t* p, size_t n, uint64_t& out) {
  out = 0;
  size_t i = 0;
  while (i < n && p[i] == ' ') ++i;
  if (i == n || p[i] < '0' || p[i] > '9') return false;
  for (; i < n && p[i] >= '0' && p[i] <= '9'; ++i) {
    if (out > (UINT64_MAX - 9) / 10) return false;
    out = out * 10 + (p[i] - '0');
  }
  for (; i < n; ++i)
    if (p[i] != ' ') return false;
  return true;
}

bool Archive::open(Bytes data, const std::string& path, Error& err) {
  data_ = data;
  path_ = path;
  auto fail = [&](uint64_t off, std::string msg) {
    err.file = path;
    err.offset = off;
    err.hasOffset = true;
    err.msg = std::move(msg);
    return false;
  };
  if (data.size() >= 8 && std::memcmp(data.data(), kThinMagic, 8) == 0)
    return fail(0, "thin archives are not supported");
  if (!isArchive(data)) return fail(0, "not an archive");
  Bytes longNames;
  Bytes index;
  bool index64 = false;
  uint64_t off = 8;
  while (off < data.size()) {
    if (data.size() - off < 60) return fail(off, "truncated archive member header");
    const uint8_t* h = data.data() + off;
    if (h[58] != '`' || h[59] != '\n') return fail(off + 58, "invalid archive member header terminator");
    uint64_t size;
    if (!parseDecimal(h + 48, 10, size)) return fail(off + 48, "invalid archive member size");
    uint64_t dataOff = off + 60;
    if (size > data.size() - dataOff) return fail(off + 48, "archive member extends past the end of the file");
    std::string_view rawName(reinterpret_cast<const char*>(h), 16);
    while (!rawName.empty() && rawName.back() == ' ') rawName.remove_suffix(1);
    Bytes body = data.subspan(dataOff, size);
    if (rawName == "/" || rawName == "/SYM64/") {
      if (members_.empty() && index.empty()) {
        index = body;
        index64 = rawName == "/SYM64/";
      }
    } else if (rawName == "//") {
      longNames = body;
    } else if (rawName == "__.SYMDEF" || rawName == "__.SYMDEF SORTED") {
      return fail(off, "BSD archives are not supported");
    } else {
      ArchiveMember m;
      m.offset = dataOff;
      m.size = size;
      if (rawName.size() > 1 && rawName[0] == '/' && rawName[1] >= '0' && rawName[1] <= '9') {
        uint64_t nameOff;
        if (!parseDecimal(reinterpret_cast<const uint8_t*>(rawName.data()) + 1, rawName.size() - 1, nameOff) ||
            nameOff >= longNames.size())
          return fail(off, "invalid long member name offset");
        const char* s = reinterpret_cast<const char*>(longNames.data()) + nameOff;
        size_t maxLen = longNames.size() - nameOff;
        size_t len = 0;
        while (len < maxLen && s[len] != '\n' && s[len] != '\0') ++len;
        std::string_view nm(s, len);
        if (!nm.empty() && nm.back() == '/') nm.remove_suffix(1);
        m.name = std::string(nm);
      } else {
        if (!rawName.empty() && rawName.back() == '/') rawName.remove_suffix(1);
        m.name = std::string(rawName);
      }
      members_.push_back(std::move(m));
    }
    off = dataOff + size;
    if (off & 1) ++off;  // members are 2-byte aligned
  }
  if (index.empty()) return buildIndexByScanning(err);
  hasIndex_ = true;
  // Index: count, member-header offsets (big-endian), then NUL-terminated names.
  const unsigned w = index64 ? 8 : 4;
  uint64_t indexOff = uint64_t(index.data() - data.data());
  auto be = [&](const uint8_t* p) {
    uint64_t v = 0;
    for (unsigned i = 0; i < w; ++i) v = (v << 8) | p[i];
    return v;
  };
  if (index.size() < w) return fail(indexOff, "truncated archive symbol index");
  uint64_t count = be(index.data());
  if (count > (index.size() - w) / w) return fail(indexOff, "archive symbol index count exceeds its size");
  const uint8_t* offs = index.data() + w;
  const char* names = reinterpret_cast<const char*>(offs + count * w);
  const char* namesEnd = reinterpret_cast<const char*>(index.data() + index.size());
  // Map member header offsets to member numbers.
  std::vector<std::pair<uint64_t, uint32_t>> byHeader;
  byHeader.reserve(members_.size());
  for (uint32_t i = 0; i < members_.size(); ++i) byHeader.push_back({members_[i].offset - 60, i});
  symbols_.reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    const char* end = static_cast<const char*>(std::memchr(names, '\0', size_t(namesEnd - names)));
    if (!end) return fail(indexOff, "archive symbol index names are truncated");
    uint64_t hdr = be(offs + i * w);
    auto it = std::lower_bound(byHeader.begin(), byHeader.end(), std::make_pair(hdr, 0u));
    if (it == byHeader.end() || it->first != hdr)
      return fail(indexOff + w + i * w, "archive symbol index refers to offset " + std::to_string(hdr) +
                                            ", which is not a member");
    symbols_.push_back({std::string_view(names, size_t(end - names)), it->second});
    names = end + 1;
  }
  return true;
}

bool Archive::openLazyObject(Bytes data, const std::string& path, Error& err) {
  data_ = data;
  path_ = path;
  lazyObject_ = true;
  ArchiveMember m;
  m.name = path;
  m.size = data.size();
  members_.push_back(std::move(m));
  return buildIndexByScanning(err);
}

bool Archive::buildIndexByScanning(Error& err) {
  for (uint32_t i = 0; i < members_.size(); ++i) {
    Bytes b = memberBytes(i);
    if (!isWasmBinary(b)) continue;  // non-wasm members are ignored, as wasm-ld does
    std::vector<std::string> names;
    if (!scanDefinedSymbols(b, members_[i].offset, memberDisplayName(i), names, err)) return false;
    for (auto& n : names) {
      ownedNames_.push_back(std::move(n));
    }
    size_t first = ownedNames_.size() - names.size();
    for (size_t k = first; k < ownedNames_.size(); ++k) symbols_.push_back({ownedNames_[k], i});
  }
  // ownedNames_ may have reallocated: rebuild the views.
  size_t k = 0;
  for (auto& s : symbols_) s.name = ownedNames_[k++];
  return true;
}

}  // namespace toyc::link
