// Helpers shared by the unit tests: a scratch directory, small file helpers,
// a byte builder for wasm binaries, a builder for one minimal relocatable
// object (with the file offsets of the fields the corruption tests patch),
// and a GNU archive builder.
#pragma once
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>
#include "link/leb128.h"

namespace toyc::test {

// A fresh directory under /tmp, removed (recursively) on destruction.
class TempDir {
public:
  TempDir() {
    char tmpl[] = "/tmp/toyc-unit-XXXXXX";
    const char* p = mkdtemp(tmpl);
    if (p) path_ = p;
  }
  ~TempDir() {
    if (!path_.empty()) removeTree(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(std::string_view name) const { return path_ + "/" + std::string(name); }

  // Names in the directory, sorted, without "." and "..".
  std::vector<std::string> list() const { return listDir(path_); }

  static std::vector<std::string> listDir(const std::string& dir) {
    std::vector<std::string> out;
    DIR* d = opendir(dir.c_str());
    if (!d) return out;
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n != "." && n != "..") out.push_back(n);
    }
    closedir(d);
    std::sort(out.begin(), out.end());
    return out;
  }

private:
  static void removeTree(const std::string& p) {
    struct stat st;
    if (lstat(p.c_str(), &st) != 0) return;
    if (S_ISDIR(st.st_mode)) {
      chmod(p.c_str(), 0755);
      for (const std::string& n : listDir(p)) removeTree(p + "/" + n);
      rmdir(p.c_str());
    } else {
      unlink(p.c_str());
    }
  }
  std::string path_;
};

inline void writeFile(const std::string& path, std::string_view text) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(text.data(), std::streamsize(text.size()));
}

inline void writeFile(const std::string& path, const std::vector<uint8_t>& bytes) {
  writeFile(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

inline std::string readFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

// Appends wasm encodings to a byte vector. Positions are absolute offsets in
// the vector. Fields a test may want to patch are written as padded LEBs so
// a patch never moves the bytes after them.
class ByteWriter {
public:
  std::vector<uint8_t> b;

  size_t pos() const { return b.size(); }
  void u8(uint8_t v) { b.push_back(v); }
  void raw(std::initializer_list<uint8_t> bytes) { b.insert(b.end(), bytes.begin(), bytes.end()); }
  void raw(std::string_view s) { b.insert(b.end(), s.begin(), s.end()); }
  void raw(const std::vector<uint8_t>& v) { b.insert(b.end(), v.begin(), v.end()); }
  void u32le(uint32_t v) {
    for (int i = 0; i < 4; ++i) b.push_back(uint8_t(v >> (8 * i)));
  }
  void uleb(uint64_t v) { wasm::appendUleb(b, v); }
  void sleb(int64_t v) { wasm::appendSleb(b, v); }
  // Padded 5-byte forms; return the position of the field.
  size_t ulebPad(uint64_t v) {
    size_t at = pos();
    b.resize(at + 5);
    wasm::writeUlebPadded(&b[at], v, 5);
    return at;
  }
  size_t slebPad(int64_t v) {
    size_t at = pos();
    b.resize(at + 5);
    wasm::writeSlebPadded(&b[at], v, 5);
    return at;
  }
  // A name; returns the position of its length prefix.
  size_t name(std::string_view s) {
    size_t at = pos();
    uleb(s.size());
    raw(s);
    return at;
  }
  void header() {
    raw({0x00, 0x61, 0x73, 0x6d});
    u32le(1);
  }
  // A section (or linking sub-section) with a padded 5-byte size. begin
  // returns the payload start; end patches the size.
  size_t beginSection(uint8_t id) {
    u8(id);
    ulebPad(0);
    return pos();
  }
  void endSection(size_t payload) { wasm::writeUlebPadded(&b[payload - 5], pos() - payload, 5); }
  size_t beginCustom(std::string_view nm) {
    size_t p = beginSection(0);
    name(nm);
    return p;
  }

  void patchUleb(size_t at, uint64_t v) { wasm::writeUlebPadded(&b[at], v, 5); }
  void patchSleb(size_t at, int64_t v) { wasm::writeSlebPadded(&b[at], v, 5); }
};

inline void patchUleb(std::vector<uint8_t>& b, size_t at, uint64_t v) { wasm::writeUlebPadded(&b[at], v, 5); }

// A minimal relocatable object, shaped like what clang/llvm-mc emit:
//   types:    0: () -> ()
//   imports:  env.__linear_memory (memory, min 1), env.foo (func, type 0),
//             env.__stack_pointer (global, mut i32)
//   function: 1 defined function "main" (function index 1)
//   code:     call foo; global.get __stack_pointer; drop; i32.const buf+4; drop; end
//   data:     1 active segment of 8 bytes ("hi\0\0" + a pointer to buf)
//   linking:  v2; symbols 0 foo (undef func), 1 main (func), 2 buf (data,
//             seg 0 offset 0 size 8), 3 __stack_pointer (undef global);
//             segment info ".data.buf" align 2^2; init func (65535, sym 1)
//   reloc.CODE: FUNCTION_INDEX_LEB foo, GLOBAL_INDEX_LEB __stack_pointer,
//               MEMORY_ADDR_SLEB buf+4
//   reloc.DATA: MEMORY_ADDR_I32 buf at segment offset 4
//   producers, target_features (+mutable-globals)
// Section indices: 0 type, 1 import, 2 function, 3 datacount, 4 code,
// 5 data, 6 linking, 7 reloc.CODE, 8 reloc.DATA, 9 producers, 10 target_features.
struct ObjectOptions {
  bool linking = true;  // false: no linking and no reloc sections
  bool relocs = true;
  bool dataCount = true;
  std::string funcName = "main";
  std::string dataName = "buf";
  // Adds a ".debug_info" custom section (section 6, 8 bytes) after data, a
  // local SECTION symbol for it (symbol 4), and reloc..debug_info with
  // FUNCTION_OFFSET_I32 main+0 at 0 and SECTION_OFFSET_I32 .debug_info+2 at 4.
  bool debugSection = false;
};

struct TestObject {
  std::vector<uint8_t> bytes;
  // Absolute file offsets of the fields tests check or patch.
  size_t typeSection = 0, typeCountAt = 0;
  size_t importFieldFooAt = 0;  // length prefix of the name "foo"
  size_t dataCountAt = 0;
  size_t codeSection = 0, codePayload = 0, codeCountAt = 0, bodyStart = 0, bodySize = 0;
  size_t dataPayload = 0, segBytesStart = 0, segSize = 0;
  size_t linkingPayload = 0, linkingVersionAt = 0;
  size_t symtabCountAt = 0, sym0FlagsAt = 0, sym1IndexAt = 0, sym2SizeAt = 0, sym2OffsetAt = 0;
  size_t initFuncSymAt = 0;
  size_t relocCodeTargetAt = 0;
  size_t relocCodeEntry[3] = {}, relocCodeOffsetAt[3] = {}, relocCodeIndexAt[3] = {};
  size_t relocDataEntry = 0, relocDataOffsetAt = 0;
  size_t debugContents = 0;  // first byte after the custom section's name
  static constexpr uint32_t kCodeSectionIndex = 4, kDataSectionIndex = 5;
  // Relocation offsets within the function body / the data segment.
  static constexpr uint32_t kCallImm = 2, kGlobalImm = 8, kConstImm = 15, kDataPtr = 4;
};

inline TestObject buildObject(const ObjectOptions& o = {}) {
  TestObject t;
  ByteWriter w;
  w.header();

  t.typeSection = w.pos();
  size_t p = w.beginSection(1);
  t.typeCountAt = w.pos();
  w.uleb(1);
  w.raw({0x60, 0x00, 0x00});
  w.endSection(p);

  p = w.beginSection(2);
  w.uleb(3);
  w.name("env");
  w.name("__linear_memory");
  w.raw({0x02, 0x00, 0x01});
  w.name("env");
  t.importFieldFooAt = w.name("foo");
  w.raw({0x00, 0x00});
  w.name("env");
  w.name("__stack_pointer");
  w.raw({0x03, 0x7f, 0x01});
  w.endSection(p);

  p = w.beginSection(3);
  w.uleb(1);
  w.uleb(0);
  w.endSection(p);

  if (o.dataCount) {
    p = w.beginSection(12);
    t.dataCountAt = w.ulebPad(1);
    w.endSection(p);
  }

  t.codeSection = w.pos();
  p = w.beginSection(10);
  t.codePayload = p;
  t.codeCountAt = w.pos();
  w.uleb(1);
  w.uleb(22);
  t.bodyStart = w.pos();
  w.u8(0x00);  // no locals
  w.u8(0x10);
  w.ulebPad(0);  // call foo
  w.u8(0x23);
  w.ulebPad(0);  // global.get __stack_pointer
  w.u8(0x1a);
  w.u8(0x41);
  w.slebPad(0);  // i32.const buf+4
  w.u8(0x1a);
  w.u8(0x0b);
  t.bodySize = w.pos() - t.bodyStart;
  w.endSection(p);

  p = w.beginSection(11);
  t.dataPayload = p;
  w.uleb(1);
  w.uleb(0);
  w.raw({0x41, 0x00, 0x0b});
  w.uleb(8);
  t.segBytesStart = w.pos();
  w.raw({'h', 'i', 0, 0, 0, 0, 0, 0});
  t.segSize = 8;
  w.endSection(p);

  if (o.debugSection) {
    p = w.beginCustom(".debug_info");
    t.debugContents = w.pos();
    w.raw({0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0});
    w.endSection(p);
  }

  if (o.linking) {
    p = w.beginCustom("linking");
    t.linkingPayload = p;
    t.linkingVersionAt = w.ulebPad(2);
    // WASM_SYMBOL_TABLE
    size_t s = w.beginSection(8);
    t.symtabCountAt = w.ulebPad(o.debugSection ? 5 : 4);
    w.u8(0);  // foo: undefined function import 0
    t.sym0FlagsAt = w.ulebPad(0x10);
    w.ulebPad(0);
    w.u8(0);  // main: defined function 1
    w.ulebPad(0);
    t.sym1IndexAt = w.ulebPad(1);
    w.name(o.funcName);
    w.u8(1);  // buf: data, segment 0, offset 0, size 8
    w.ulebPad(0);
    w.name(o.dataName);
    w.ulebPad(0);
    t.sym2OffsetAt = w.ulebPad(0);
    t.sym2SizeAt = w.ulebPad(8);
    w.u8(2);  // __stack_pointer: undefined global import 0
    w.ulebPad(0x10);
    w.ulebPad(0);
    if (o.debugSection) {
      w.u8(3);  // section symbol for section 6, local
      w.ulebPad(0x2);
      w.ulebPad(6);
    }
    w.endSection(s);
    // WASM_SEGMENT_INFO
    s = w.beginSection(5);
    w.uleb(1);
    w.name(".data.buf");
    w.uleb(2);
    w.uleb(0);
    w.endSection(s);
    // WASM_INIT_FUNCS
    s = w.beginSection(6);
    w.uleb(1);
    w.uleb(65535);
    t.initFuncSymAt = w.ulebPad(1);
    w.endSection(s);
    w.endSection(p);

    if (o.relocs) {
      const size_t bodyRel = t.bodyStart - t.codePayload;
      p = w.beginCustom("reloc.CODE");
      t.relocCodeTargetAt = w.ulebPad(TestObject::kCodeSectionIndex);
      w.uleb(3);
      const struct {
        uint8_t type;
        uint32_t off, sym;
        bool addend;
      } rs[3] = {{0, TestObject::kCallImm, 0, false},
                 {7, TestObject::kGlobalImm, 3, false},
                 {4, TestObject::kConstImm, 2, true}};
      for (int i = 0; i < 3; ++i) {
        t.relocCodeEntry[i] = w.pos();
        w.u8(rs[i].type);
        t.relocCodeOffsetAt[i] = w.ulebPad(bodyRel + rs[i].off);
        t.relocCodeIndexAt[i] = w.ulebPad(rs[i].sym);
        if (rs[i].addend) w.slebPad(4);
      }
      w.endSection(p);

      p = w.beginCustom("reloc.DATA");
      w.ulebPad(TestObject::kDataSectionIndex);
      w.uleb(1);
      t.relocDataEntry = w.pos();
      w.u8(5);
      t.relocDataOffsetAt = w.ulebPad(t.segBytesStart - t.dataPayload + TestObject::kDataPtr);
      w.ulebPad(2);
      w.slebPad(0);
      w.endSection(p);

      if (o.debugSection) {
        p = w.beginCustom("reloc..debug_info");
        w.ulebPad(6);
        w.uleb(2);
        w.u8(8);  // FUNCTION_OFFSET_I32 main
        w.ulebPad(0);
        w.ulebPad(1);
        w.slebPad(0);
        w.u8(9);  // SECTION_OFFSET_I32 .debug_info + 2
        w.ulebPad(4);
        w.ulebPad(4);
        w.slebPad(2);
        w.endSection(p);
      }
    }
  }

  p = w.beginCustom("producers");
  w.uleb(1);
  w.name("processed-by");
  w.uleb(1);
  w.name("clang");
  w.name("19.1.7");
  w.endSection(p);

  p = w.beginCustom("target_features");
  w.uleb(1);
  w.u8('+');
  w.name("mutable-globals");
  w.endSection(p);

  t.bytes = std::move(w.b);
  return t;
}

// GNU archives as llvm-ar writes them.
struct ArMember {
  std::string name;
  std::vector<uint8_t> data;
};

struct ArSymbol {
  std::string name;
  uint32_t member;
};

inline std::string arHeader(std::string_view name, uint64_t size) {
  char buf[61];
  std::snprintf(buf, sizeof buf, "%-16.16s%-12s%-6s%-6s%-8s%-10llu`\n", std::string(name).c_str(), "0", "0", "0",
                "644", (unsigned long long)size);
  return std::string(buf, 60);
}

struct ArLayout {
  std::vector<uint8_t> bytes;
  std::vector<uint64_t> headerOffsets;  // per member
  std::vector<uint64_t> dataOffsets;    // per member
  uint64_t indexData = 0;               // offset of the index member's data (0: none)
};

// Builds an archive; with `index`, a `/` symbol index listing `symbols`.
// Names longer than 15 characters go to a `//` table.
inline ArLayout buildArchive(const std::vector<ArMember>& members, const std::vector<ArSymbol>& symbols,
                             bool index = true, bool sym64 = false) {
  const unsigned w = sym64 ? 8 : 4;
  ArLayout out;
  std::string longNames;
  std::vector<std::string> rawNames;
  for (const ArMember& m : members) {
    if (m.name.size() > 15) {
      rawNames.push_back("/" + std::to_string(longNames.size()));
      longNames += m.name + "/\n";
    } else {
      rawNames.push_back(m.name + "/");
    }
  }
  auto padded = [](uint64_t n) { return n + (n & 1); };
  uint64_t indexSize = w + w * symbols.size();
  for (const ArSymbol& s : symbols) indexSize += s.name.size() + 1;
  uint64_t off = 8;
  if (index) off += 60 + padded(indexSize);
  if (!longNames.empty()) off += 60 + padded(longNames.size());
  for (const ArMember& m : members) {
    out.headerOffsets.push_back(off);
    out.dataOffsets.push_back(off + 60);
    off += 60 + padded(m.data.size());
  }
  std::string s = "!<arch>\n";
  if (index) {
    s += arHeader(sym64 ? "/SYM64/" : "/", indexSize);
    out.indexData = s.size();
    auto be = [&](uint64_t v) {
      for (int i = int(w) - 1; i >= 0; --i) s.push_back(char(v >> (8 * i)));
    };
    be(symbols.size());
    for (const ArSymbol& sym : symbols) be(out.headerOffsets[sym.member]);
    for (const ArSymbol& sym : symbols) {
      s += sym.name;
      s.push_back('\0');
    }
    if (indexSize & 1) s.push_back('\n');
  }
  if (!longNames.empty()) {
    s += arHeader("//", longNames.size());
    s += longNames;
    if (longNames.size() & 1) s.push_back('\n');
  }
  for (size_t i = 0; i < members.size(); ++i) {
    s += arHeader(rawNames[i], members[i].data.size());
    s.append(members[i].data.begin(), members[i].data.end());
    if (members[i].data.size() & 1) s.push_back('\n');
  }
  out.bytes.assign(s.begin(), s.end());
  return out;
}

}  // namespace toyc::test
