// Object reading follows the section order and rules of LLVM's
// WasmObjectFile (the reader wasm-ld relies on), but maps straight into the
// atom model with no intermediate structures.
#include "link/object_reader.h"
#include <algorithm>
#include "link/reader.h"

namespace toyc::link {

using namespace toyc::wasm;

bool isWasmBinary(Bytes data) {
  return data.size() >= 4 && std::equal(kMagic, kMagic + 4, data.begin());
}

namespace {

// What a relocation section may target: the code section, the data section or
// a kept custom section, by its index among all sections of the file.
struct SectionRef {
  uint8_t id;
  uint32_t customIdx = UINT32_MAX;  // kept custom sections only
  bool relocatable = false;
};

struct ExportEntry {
  StrId name;
  uint8_t kind;
  uint32_t index;
};

class ObjectReader {
public:
  ObjectReader(Bytes data, uint64_t base, Unit& unit, Interner& strings)
      : unit_(unit), strings_(strings), r_(data, base, &unit.name) {}

  bool run(Error& err);

private:
  void fail(Reader& r, std::string msg) { r.fail(std::move(msg)); }
  bool sectionDone(Reader& sub);

  void readTypes(Reader& r);
  void readImports(Reader& r);
  void readFunctions(Reader& r);
  void readTables(Reader& r);
  void readMemories(Reader& r);
  void readTags(Reader& r);
  void readGlobals(Reader& r);
  void readExports(Reader& r);
  void readElems(Reader& r);
  void readCode(Reader& r);
  void readData(Reader& r);
  void readCustom(Reader& r, uint32_t sectionIndex);
  void readLinking(Reader& r);
  void readSymbolTable(Reader& r);
  void readSegmentInfo(Reader& r);
  void readInitFuncs(Reader& r);
  void readComdats(Reader& r);
  void readRelocs(Reader& r);
  void readProducers(Reader& r);
  void readFeatures(Reader& r);

  Bytes constExpr(Reader& r, ValType expect);
  ValType valType(Reader& r);
  Limits limits(Reader& r);
  uint32_t typeIndex(Reader& r);

  // Import modules repeat ("env", "wasi_snapshot_preview1"): remember the
  // last few so most of them skip the shared interner.
  StrId internCached(std::string_view s) {
    for (auto& [str, id] : nameCache_)
      if (str == s) return id;
    StrId id = strings_.intern(s);
    nameCache_[nextCache_++ & 3] = {s, id};
    return id;
  }

  Unit& unit_;
  Interner& strings_;
  Reader r_;
  std::pair<std::string_view, StrId> nameCache_[4];
  unsigned nextCache_ = 0;
  std::vector<SectionRef> sections_;
  std::vector<uint32_t> funcTypes_;      // from the function section
  std::vector<uint32_t> codeBodyStart_;  // offsets in the code payload
  std::vector<uint32_t> dataStart_;      // offsets in the data payload
  std::vector<ExportEntry> exports_;
  bool sawLinking_ = false, sawCode_ = false, sawData_ = false, sawSymtab_ = false;
  uint32_t dataCount_ = UINT32_MAX;
  int lastOrder_ = 0;
  uint32_t numMemories_ = 0;
};

ValType ObjectReader::valType(Reader& r) {
  const uint8_t* at = r.ptr();
  uint8_t b = r.u8();
  if (r.ok() && !isValType(b)) r.failAt(at, "invalid value type 0x" + [&] {
    char buf[8];
    snprintf(buf, sizeof buf, "%02x", b);
    return std::string(buf);
  }());
  return ValType(b);
}

Limits ObjectReader::limits(Reader& r) {
  Limits l;
  const uint8_t* at = r.ptr();
  l.flags = r.u8();
  if (l.flags & ~(kLimitsHasMax | kLimitsShared | kLimits64)) r.failAt(at, "invalid limits flags");
  bool is64 = l.flags & kLimits64;
  l.min = is64 ? r.uleb64() : r.uleb32();
  if (l.hasMax()) {
    l.max = is64 ? r.uleb64() : r.uleb32();
    if (r.ok() && l.max < l.min) r.failAt(at, "limits maximum is less than minimum");
  }
  return l;
}

uint32_t ObjectReader::typeIndex(Reader& r) {
  const uint8_t* at = r.ptr();
  uint32_t t = r.uleb32();
  if (r.ok() && t >= unit_.types.size()) r.failAt(at, "type index " + std::to_string(t) + " out of range");
  return t;
}

// A constant expression (a value instruction, or an extended-const
// sequence) and `end`, type-checked against `expect`: a corrupted initializer
// must not reach the output. Returns the bytes including `end`.
Bytes ObjectReader::constExpr(Reader& r, ValType expect) {
  const uint8_t* start = r.ptr();
  uint8_t stack[16];
  unsigned depth = 0;
  auto push = [&](const uint8_t* at, uint8_t t) {
    if (depth == sizeof stack) r.failAt(at, "constant expression too deep");
    else stack[depth++] = t;
  };
  while (r.ok()) {
    const uint8_t* at = r.ptr();
    uint8_t op = r.u8();
    switch (op) {
      case 0x0b:
        if (depth != 1 || stack[0] != uint8_t(expect)) {
          r.failAt(at, "type mismatch in constant expression (expected " + std::string(valTypeName(expect)) + ")");
          return {};
        }
        return {start, size_t(r.ptr() - start)};
      case 0x41: r.sleb32(); push(at, 0x7f); break;
      case 0x42: r.sleb64(); push(at, 0x7e); break;
      case 0x43: r.skip(4); push(at, 0x7d); break;
      case 0x44: r.skip(8); push(at, 0x7c); break;
      case 0x23: {
        uint32_t g = r.uleb32();
        if (!r.ok()) break;
        // Only imported, immutable globals may be read here.
        if (g >= unit_.globalImports.size() || unit_.globalImports[g].mut) {
          r.failAt(at, "constant expression reads a global that is not an immutable import");
          break;
        }
        push(at, uint8_t(unit_.globalImports[g].valType));
        break;
      }
      case 0xd0: {
        uint8_t t = r.u8();
        if (r.ok() && t != 0x70 && t != 0x6f) r.failAt(at, "invalid reference type in constant expression");
        push(at, t);
        break;
      }
      case 0xd2: {
        uint32_t f = r.uleb32();
        if (r.ok() && f >= unit_.numFuncs()) r.failAt(at, "function index out of range in constant expression");
        push(at, 0x70);
        break;
      }
      case 0x6a: case 0x6b: case 0x6c: case 0x7c: case 0x7d: case 0x7e: {
        uint8_t t = op <= 0x6c ? 0x7f : 0x7e;
        if (depth < 2 || stack[depth - 1] != t || stack[depth - 2] != t) {
          r.failAt(at, "type mismatch in constant expression");
          break;
        }
        --depth;
        break;
      }
      default:
        r.failAt(at, "invalid instruction in constant expression");
        return {};
    }
  }
  return {};
}

void ObjectReader::readTypes(Reader& r) {
  uint32_t n = r.count(3);
  unit_.types.reserve(n);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    const uint8_t* at = r.ptr();
    if (r.u8() != 0x60) {
      r.failAt(at, "invalid function type form");
      return;
    }
    FuncType t;
    uint32_t np = r.count();
    for (uint32_t j = 0; j < np && r.ok(); ++j) t.params.push_back(valType(r));
    uint32_t nr = r.count();
    for (uint32_t j = 0; j < nr && r.ok(); ++j) t.results.push_back(valType(r));
    unit_.types.push_back(std::move(t));
  }
}

void ObjectReader::readImports(Reader& r) {
  uint32_t n = r.count(4);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    Import imp;
    imp.module = internCached(r.name());
    imp.field = strings_.intern(r.name());
    const uint8_t* at = r.ptr();
    uint8_t kind = r.u8();
    switch (ExternKind(kind)) {
      case ExternKind::Func:
        imp.type = typeIndex(r);
        unit_.funcImports.push_back(imp);
        break;
      case ExternKind::Table:
        imp.valType = valType(r);
        imp.limits = limits(r);
        unit_.tableImports.push_back(imp);
        break;
      case ExternKind::Memory:
        unit_.memoryLimits = limits(r);
        unit_.importsMemory = true;
        if (++numMemories_ > 1 && r.ok()) r.failAt(at, "multiple memories are not supported");
        break;
      case ExternKind::Global: {
        imp.valType = valType(r);
        const uint8_t* mat = r.ptr();
        uint8_t m = r.u8();
        if (m > 1) r.failAt(mat, "invalid global mutability");
        imp.mut = m;
        unit_.globalImports.push_back(imp);
        break;
      }
      case ExternKind::Tag: {
        if (r.u8() != 0) r.failAt(at, "invalid tag attribute");
        imp.type = typeIndex(r);
        unit_.tagImports.push_back(imp);
        break;
      }
      default:
        r.failAt(at, "invalid import kind " + std::to_string(kind));
        return;
    }
  }
}

void ObjectReader::readFunctions(Reader& r) {
  uint32_t n = r.count();
  funcTypes_.reserve(n);
  for (uint32_t i = 0; i < n && r.ok(); ++i) funcTypes_.push_back(typeIndex(r));
  // Bodies arrive with the code section; the index space exists from here.
  unit_.funcs.resize(funcTypes_.size());
  for (uint32_t i = 0; i < funcTypes_.size(); ++i) unit_.funcs[i].type = funcTypes_[i];
}

void ObjectReader::readTables(Reader& r) {
  uint32_t n = r.count(2);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    TableAtom t;
    t.elemType = valType(r);
    t.limits = limits(r);
    unit_.tables.push_back(t);
  }
}

void ObjectReader::readMemories(Reader& r) {
  uint32_t n = r.count(2);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    const uint8_t* at = r.ptr();
    unit_.memoryLimits = limits(r);
    if (++numMemories_ > 1 && r.ok()) r.failAt(at, "multiple memories are not supported");
  }
}

void ObjectReader::readTags(Reader& r) {
  uint32_t n = r.count(2);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    const uint8_t* at = r.ptr();
    if (r.u8() != 0) r.failAt(at, "invalid tag attribute");
    unit_.tags.push_back(TagAtom{typeIndex(r)});
  }
}

void ObjectReader::readGlobals(Reader& r) {
  uint32_t n = r.count(3);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    GlobalAtom g;
    g.type = valType(r);
    const uint8_t* at = r.ptr();
    uint8_t m = r.u8();
    if (m > 1) r.failAt(at, "invalid global mutability");
    g.mut = m;
    g.init = constExpr(r, g.type);
    unit_.globals.push_back(g);
  }
}

void ObjectReader::readExports(Reader& r) {
  uint32_t n = r.count(3);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    ExportEntry e;
    e.name = strings_.intern(r.name());
    const uint8_t* at = r.ptr();
    e.kind = r.u8();
    e.index = r.uleb32();
    if (!r.ok()) return;
    uint32_t limit = e.kind == 0 ? unit_.numFuncs() : e.kind == 1 ? unit_.numTables()
                   : e.kind == 2 ? numMemories_ : e.kind == 3 ? unit_.numGlobals()
                   : e.kind == 4 ? unit_.numTags() : 0;
    if (e.index >= limit) r.failAt(at, "export index out of range");
    exports_.push_back(e);
  }
}

// Element segments in objects only carry provisional table slots; the linker
// places functions itself. They are checked and skipped.
void ObjectReader::readElems(Reader& r) {
  uint32_t n = r.count();
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    const uint8_t* at = r.ptr();
    uint32_t flags = r.uleb32();
    if (flags > 7) {
      r.failAt(at, "invalid element segment flags");
      return;
    }
    bool passiveOrDecl = flags & 1, explicitTable = flags & 2, exprs = flags & 4;
    if (!passiveOrDecl && explicitTable) r.uleb32();
    if (!passiveOrDecl) constExpr(r, ValType::I32);
    if (passiveOrDecl || explicitTable) {
      if (exprs) valType(r);
      else if (r.u8() != 0) r.failAt(at, "invalid element kind");
    }
    uint32_t m = r.count();
    for (uint32_t j = 0; j < m && r.ok(); ++j) {
      if (exprs) constExpr(r, ValType::FuncRef);
      else {
        const uint8_t* fat = r.ptr();
        if (r.uleb32() >= unit_.numFuncs() && r.ok()) r.failAt(fat, "element function index out of range");
      }
    }
  }
}

void ObjectReader::readCode(Reader& r) {
  const uint8_t* at = r.ptr();
  uint32_t n = r.count(2);
  if (!r.ok()) return;
  if (n != funcTypes_.size()) {
    r.failAt(at, "function and code section have inconsistent lengths");
    return;
  }
  codeBodyStart_.resize(n);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    uint32_t size = r.uleb32();
    codeBodyStart_[i] = uint32_t(r.pos());
    FuncAtom& f = unit_.funcs[i];
    f.type = funcTypes_[i];
    f.fileOffset = r.fileOffset();
    f.body = r.bytes(size);
    if (r.ok() && size == 0) r.failAt(r.ptr(), "empty function body");
  }
}

void ObjectReader::readData(Reader& r) {
  uint32_t n = r.count(2);
  if (!r.ok()) return;
  if (dataCount_ != UINT32_MAX && n != dataCount_) {
    r.fail("data count section and data section disagree");
    return;
  }
  unit_.segments.resize(n);
  dataStart_.resize(n);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    DataAtom& d = unit_.segments[i];
    const uint8_t* at = r.ptr();
    uint32_t flags = r.uleb32();
    if (flags == 0) {
      constExpr(r, ValType::I32);
    } else if (flags == 1) {
      d.passive = true;
    } else if (flags == 2) {
      if (r.uleb32() != 0 && r.ok()) r.failAt(at, "data segment for a memory other than 0");
      constExpr(r, ValType::I32);
    } else {
      r.failAt(at, "invalid data segment flags");
      return;
    }
    uint32_t size = r.uleb32();
    dataStart_[i] = uint32_t(r.pos());
    d.fileOffset = r.fileOffset();
    d.bytes = r.bytes(size);
    d.name = strings_.intern(".data");
  }
}

void ObjectReader::readSymbolTable(Reader& r) {
  sawSymtab_ = true;
  uint32_t n = r.count(2);
  unit_.symbols.reserve(n);
  const uint32_t nFuncImports = uint32_t(unit_.funcImports.size());
  const uint32_t nGlobalImports = uint32_t(unit_.globalImports.size());
  const uint32_t nTableImports = uint32_t(unit_.tableImports.size());
  const uint32_t nTagImports = uint32_t(unit_.tagImports.size());
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    const uint8_t* at = r.ptr();
    Symbol s;
    uint8_t kind = r.u8();
    s.flags = r.uleb32();
    if (!r.ok()) return;
    if (kind > uint8_t(SymKind::Table)) {
      r.failAt(at, "invalid symbol kind " + std::to_string(kind));
      return;
    }
    if ((s.flags & kSymBindingMask) == 3) {
      r.failAt(at, "invalid symbol binding");
      return;
    }
    s.kind = SymKind(kind);
    switch (s.kind) {
      case SymKind::Function:
      case SymKind::Global:
      case SymKind::Table:
      case SymKind::Tag: {
        const uint8_t* iat = r.ptr();
        s.index = r.uleb32();
        uint32_t total = s.kind == SymKind::Function ? unit_.numFuncs()
                       : s.kind == SymKind::Global  ? unit_.numGlobals()
                       : s.kind == SymKind::Table   ? unit_.numTables()
                                                    : unit_.numTags();
        uint32_t imports = s.kind == SymKind::Function ? nFuncImports
                         : s.kind == SymKind::Global  ? nGlobalImports
                         : s.kind == SymKind::Table   ? nTableImports
                                                      : nTagImports;
        if (!r.ok()) return;
        if (s.index >= total) {
          r.failAt(iat, std::string("invalid ") + std::string(symKindName(s.kind)) + " symbol index " +
                            std::to_string(s.index));
          return;
        }
        bool isImport = s.index < imports;
        if (isImport != s.undefined()) {
          r.failAt(at, isImport ? "symbol refers to an import but is not marked undefined"
                                : "undefined symbol does not refer to an import");
          return;
        }
        if (s.undefined()) {
          const Import& imp = s.kind == SymKind::Function ? unit_.funcImports[s.index]
                            : s.kind == SymKind::Global  ? unit_.globalImports[s.index]
                            : s.kind == SymKind::Table   ? unit_.tableImports[s.index]
                                                         : unit_.tagImports[s.index];
          if (s.flags & kSymExplicitName) s.name = strings_.intern(r.name());
          else s.name = imp.field;
          if (s.local()) {
            r.failAt(at, "undefined symbol cannot have local binding");
            return;
          }
          if (s.weak() && s.kind != SymKind::Function) {
            r.failAt(at, "undefined weak " + std::string(symKindName(s.kind)) + " symbols are not supported");
            return;
          }
        } else {
          s.name = strings_.intern(r.name());
        }
        break;
      }
      case SymKind::Data: {
        s.name = strings_.intern(r.name());
        if (s.defined()) {
          const uint8_t* sat = r.ptr();
          s.segment = r.uleb32();
          s.offset = r.uleb64();
          s.size = r.uleb64();
          if (!r.ok()) return;
          if (!(s.flags & kSymAbsolute)) {
            if (s.segment >= unit_.segments.size()) {
              r.failAt(sat, "invalid data symbol segment index " + std::to_string(s.segment));
              return;
            }
            uint64_t segSize = unit_.segments[s.segment].bytes.size();
            if (s.offset > segSize || s.size > segSize - s.offset) {
              r.failAt(sat, "invalid data symbol offset: `" + std::string(strings_.str(s.name)) + "` (offset " +
                                std::to_string(s.offset) + " size " + std::to_string(s.size) + " segment size " +
                                std::to_string(segSize) + ")");
              return;
            }
          }
        }
        break;
      }
      case SymKind::Section: {
        const uint8_t* sat = r.ptr();
        uint32_t sec = r.uleb32();
        if (!r.ok()) return;
        if (!s.local()) {
          r.failAt(at, "section symbols must have local binding");
          return;
        }
        if (sec >= sections_.size()) {
          r.failAt(sat, "invalid section symbol index");
          return;
        }
        // Only kept custom sections can be the target of SECTION_OFFSET
        // relocations in practice (DWARF); others get an invalid index.
        s.index = sections_[sec].customIdx;
        if (s.index != UINT32_MAX) s.name = unit_.customs[s.index].name;
        break;
      }
    }
    if (r.ok() && s.name.valid() && !s.local() && !s.name.valid()) r.failAt(at, "symbol without a name");
    unit_.symbols.push_back(s);
  }
  // Attach export names.
  for (const ExportEntry& e : exports_) {
    for (Symbol& s : unit_.symbols) {
      bool match = (e.kind == 0 && s.kind == SymKind::Function) || (e.kind == 3 && s.kind == SymKind::Global) ||
                   (e.kind == 1 && s.kind == SymKind::Table) || (e.kind == 4 && s.kind == SymKind::Tag);
      if (match && s.index == e.index && s.defined()) s.exportName = e.name;
    }
  }
}

void ObjectReader::readSegmentInfo(Reader& r) {
  const uint8_t* at = r.ptr();
  uint32_t n = r.count(3);
  if (!r.ok()) return;
  if (n > unit_.segments.size()) {
    r.failAt(at, "too many segment names");
    return;
  }
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    DataAtom& d = unit_.segments[i];
    d.name = strings_.intern(r.name());
    const uint8_t* aat = r.ptr();
    d.alignLog2 = r.uleb32();
    if (r.ok() && d.alignLog2 > 31) r.failAt(aat, "segment alignment too large");
    const uint8_t* fat = r.ptr();
    d.flags = r.uleb32();
    if (r.ok() && (d.flags & ~uint32_t(kSegStrings | kSegTls | kSegRetain))) r.failAt(fat, "invalid segment flags");
  }
}

void ObjectReader::readInitFuncs(Reader& r) {
  uint32_t n = r.count(2);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    InitFunc f;
    f.priority = r.uleb32();
    const uint8_t* at = r.ptr();
    f.symbol = r.uleb32();
    if (!r.ok()) return;
    if (f.symbol >= unit_.symbols.size() || unit_.symbols[f.symbol].kind != SymKind::Function) {
      r.failAt(at, "invalid function symbol in init functions");
      return;
    }
    unit_.initFuncs.push_back(f);
  }
}

void ObjectReader::readComdats(Reader& r) {
  uint32_t n = r.count(3);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    const uint8_t* at = r.ptr();
    Comdat c;
    std::string_view name = r.name();
    if (r.ok() && name.empty()) r.failAt(at, "comdat with an empty name");
    c.name = strings_.intern(name);
    if (r.uleb32() != 0 && r.ok()) r.failAt(at, "unsupported comdat flags");
    uint32_t idx = uint32_t(unit_.comdats.size());
    unit_.comdats.push_back(c);
    uint32_t m = r.count(2);
    for (uint32_t j = 0; j < m && r.ok(); ++j) {
      const uint8_t* eat = r.ptr();
      uint32_t kind = r.uleb32();
      uint32_t index = r.uleb32();
      if (!r.ok()) return;
      uint32_t* slot = nullptr;
      if (kind == uint32_t(ComdatKind::Data)) {
        if (index < unit_.segments.size()) slot = &unit_.segments[index].comdat;
      } else if (kind == uint32_t(ComdatKind::Function)) {
        uint32_t ni = uint32_t(unit_.funcImports.size());
        if (index >= ni && index - ni < unit_.funcs.size()) slot = &unit_.funcs[index - ni].comdat;
      } else if (kind == uint32_t(ComdatKind::Section)) {
        if (index < sections_.size() && sections_[index].customIdx != UINT32_MAX)
          slot = &unit_.customs[sections_[index].customIdx].comdat;
      } else {
        r.failAt(eat, "invalid COMDAT entry type");
        return;
      }
      if (!slot) {
        r.failAt(eat, "invalid COMDAT entry index");
        return;
      }
      if (*slot != UINT32_MAX) {
        r.failAt(eat, "COMDAT entry is already in a comdat");
        return;
      }
      *slot = idx;
    }
  }
}

void ObjectReader::readLinking(Reader& r) {
  sawLinking_ = true;
  const uint8_t* at = r.ptr();
  uint32_t version = r.uleb32();
  if (r.ok() && version != kLinkingVersion) {
    r.failAt(at, "unexpected metadata version: " + std::to_string(version) + " (Expected: 2)");
    return;
  }
  while (r.ok() && !r.atEnd()) {
    const uint8_t* sat = r.ptr();
    uint8_t type = r.u8();
    uint32_t size = r.uleb32();
    Reader sub = r.sub(size);
    if (!r.ok()) return;
    switch (LinkSub(type)) {
      case LinkSub::SymbolTable: readSymbolTable(sub); break;
      case LinkSub::SegmentInfo: readSegmentInfo(sub); break;
      case LinkSub::InitFuncs:
        if (!sawSymtab_) sub.failAt(sat, "init functions before the symbol table");
        readInitFuncs(sub);
        break;
      case LinkSub::ComdatInfo: readComdats(sub); break;
      default: sub.skip(sub.remaining()); break;  // unknown subsections are skipped
    }
    if (sub.ok() && !sub.atEnd()) sub.fail("linking sub-section ended prematurely");
    r.failFrom(sub);
  }
}

void ObjectReader::readRelocs(Reader& r) {
  const uint8_t* at = r.ptr();
  uint32_t target = r.uleb32();
  if (!r.ok()) return;
  if (!sawLinking_) {
    r.failAt(at, "relocation section before the linking section");
    return;
  }
  if (target >= sections_.size() || !sections_[target].relocatable) {
    r.failAt(at, "relocation section targets an invalid section (index " + std::to_string(target) + ")");
    return;
  }
  const SectionRef& sec = sections_[target];
  uint32_t n = r.count(3);
  if (!r.ok()) return;
  // Collect, then split by atom. Offsets must be non-decreasing.
  struct Raw { Reloc rel; const uint8_t* at; };
  std::vector<Raw> raw;
  raw.reserve(n);
  unit_.relocs.reserve(unit_.relocs.size() + n);
  uint32_t lastOffset = 0;
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    const uint8_t* rat = r.ptr();
    uint32_t type = r.uleb32();
    if (!r.ok()) return;
    if (!isValidRelocType(type)) {
      r.failAt(rat, "invalid relocation type " + std::to_string(type));
      return;
    }
    Reloc rel;
    rel.type = RelocType(type);
    rel.offset = r.uleb32();
    rel.index = r.uleb32();
    const RelocInfo& info = relocInfo(rel.type);
    rel.addend = 0;
    if (info.hasAddend) rel.addend = (info.enc == FieldEnc::I64 || info.enc == FieldEnc::U10 || info.enc == FieldEnc::S10) ? r.sleb64() : r.sleb32();
    if (!r.ok()) return;
    if (i && rel.offset < lastOffset) {
      r.failAt(rat, "relocations not in offset order");
      return;
    }
    lastOffset = rel.offset;
    // Symbol checks.
    if (info.target == RelocTarget::Type) {
      if (rel.index >= unit_.types.size()) {
        r.failAt(rat, "relocation type index out of range");
        return;
      }
    } else {
      if (rel.index >= unit_.symbols.size()) {
        r.failAt(rat, "relocation symbol index " + std::to_string(rel.index) + " out of range");
        return;
      }
      const Symbol& s = unit_.symbols[rel.index];
      SymKind want = info.target == RelocTarget::Func ? SymKind::Function
                   : info.target == RelocTarget::Data ? SymKind::Data
                   : info.target == RelocTarget::Global ? SymKind::Global
                   : info.target == RelocTarget::Section ? SymKind::Section
                   : info.target == RelocTarget::Tag ? SymKind::Tag
                                                     : SymKind::Table;
      // PIC code reaches data and functions through GOT globals: a
      // GLOBAL_INDEX relocation may name a data or function symbol.
      bool got = info.target == RelocTarget::Global && (s.kind == SymKind::Data || s.kind == SymKind::Function);
      if (s.kind != want && !got) {
        r.failAt(rat, std::string("bad relocation: ") + std::string(info.name) + " against a " +
                          std::string(symKindName(s.kind)) + " symbol");
        return;
      }
      if (s.kind == SymKind::Section && s.index == UINT32_MAX) {
        r.failAt(rat, "relocation against a section that is not a custom section");
        return;
      }
    }
    raw.push_back({rel, rat});
  }
  if (!r.ok()) return;
  // Assign to atoms: each relocation must fall inside exactly one atom.
  auto place = [&](const std::vector<uint32_t>& starts, auto sizeOf, auto rangeOf) {
    size_t atom = 0;
    size_t i = 0;
    while (i < raw.size()) {
      uint32_t off = raw[i].rel.offset;
      while (atom < starts.size() && (off < starts[atom] || off >= starts[atom] + sizeOf(atom))) {
        if (off < starts[atom]) break;
        ++atom;
      }
      if (atom >= starts.size() || off < starts[atom]) {
        r.failAt(raw[i].at, "invalid relocation offset " + std::to_string(off) + ": not inside an atom");
        return;
      }
      RelocRange& range = rangeOf(atom);
      if (range.size()) {
        r.failAt(raw[i].at, "more than one relocation section for the same atom");
        return;
      }
      range.begin = uint32_t(unit_.relocs.size());
      for (; i < raw.size() && raw[i].rel.offset < starts[atom] + sizeOf(atom); ++i) {
        Reloc rel = raw[i].rel;
        unsigned width = fieldSize(relocInfo(rel.type).enc);
        if (uint64_t(rel.offset) + width > uint64_t(starts[atom]) + sizeOf(atom)) {
          r.failAt(raw[i].at, "invalid relocation offset " + std::to_string(rel.offset) + ": field crosses the end of its atom");
          return;
        }
        rel.offset -= starts[atom];
        unit_.relocs.push_back(rel);
      }
      range.end = uint32_t(unit_.relocs.size());
    }
  };
  if (sec.id == uint8_t(SecId::Code)) {
    place(codeBodyStart_, [&](size_t a) { return uint32_t(unit_.funcs[a].body.size()); },
          [&](size_t a) -> RelocRange& { return unit_.funcs[a].relocs; });
  } else if (sec.id == uint8_t(SecId::Data)) {
    place(dataStart_, [&](size_t a) { return uint32_t(unit_.segments[a].bytes.size()); },
          [&](size_t a) -> RelocRange& { return unit_.segments[a].relocs; });
  } else {
    std::vector<uint32_t> start{0};
    CustomAtom& c = unit_.customs[sec.customIdx];
    place(start, [&](size_t) { return uint32_t(c.bytes.size()); }, [&](size_t) -> RelocRange& { return c.relocs; });
  }
}

void ObjectReader::readProducers(Reader& r) {
  uint32_t n = r.count(2);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    StrId field = strings_.intern(r.name());
    uint32_t m = r.count(2);
    for (uint32_t j = 0; j < m && r.ok(); ++j) {
      Producer p;
      p.field = field;
      p.name = strings_.intern(r.name());
      p.version = strings_.intern(r.name());
      unit_.producers.push_back(p);
    }
  }
}

void ObjectReader::readFeatures(Reader& r) {
  unit_.hasFeaturesSection = true;
  uint32_t n = r.count(2);
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    const uint8_t* at = r.ptr();
    Feature f;
    f.prefix = r.u8();
    f.name = strings_.intern(r.name());
    if (r.ok() && f.prefix != kFeatureUsed && f.prefix != kFeatureDisallowed && f.prefix != kFeatureRequired)
      r.failAt(at, "unknown feature policy prefix");
    unit_.features.push_back(f);
  }
}

void ObjectReader::readCustom(Reader& r, uint32_t sectionIndex) {
  std::string_view name = r.name();
  if (!r.ok()) return;
  SectionRef& ref = sections_[sectionIndex];
  if (name == "linking") {
    if (!sawCode_ && !funcTypes_.empty()) r.fail("linking section before the code section");
    readLinking(r);
  } else if (name.starts_with("reloc.")) {
    readRelocs(r);
  } else if (name == "producers") {
    readProducers(r);
  } else if (name == "target_features") {
    readFeatures(r);
  } else if (name == "name" || name == ".llvmbc" || name == ".llvmcmd") {
    // The linker writes its own name section; bitcode is for LTO only.
    r.skip(r.remaining());
  } else if (name == "dylink" || name == "dylink.0") {
    r.fail("shared libraries (dylink section) are not supported");
  } else {
    CustomAtom c;
    c.name = strings_.intern(name);
    c.fileOffset = r.fileOffset();
    c.bytes = r.bytes(r.remaining());
    ref.customIdx = uint32_t(unit_.customs.size());
    ref.relocatable = true;
    unit_.customs.push_back(c);
  }
  if (r.ok() && !r.atEnd()) r.fail("section ended prematurely");
}

bool ObjectReader::run(Error& err) {
  Reader& r = r_;
  if (r.remaining() < 8 || !std::equal(kMagic, kMagic + 4, r.ptr())) {
    r.fail("not a wasm file (bad magic number)");
  } else {
    r.skip(4);
    const uint8_t* at = r.ptr();
    uint32_t v = r.u32le();
    if (v != kVersion) r.failAt(at, "unsupported wasm version " + std::to_string(v));
  }
  while (r.ok() && !r.atEnd()) {
    const uint8_t* at = r.ptr();
    uint8_t id = r.u8();
    uint32_t size = r.uleb32();
    Reader s = r.sub(size);
    if (!r.ok()) break;
    uint32_t index = uint32_t(sections_.size());
    sections_.push_back({id});
    if (id != 0) {
      int order = secOrder(id);
      if (order < 0) {
        r.failAt(at, "invalid section id " + std::to_string(id));
        break;
      }
      if (order <= lastOrder_) {
        r.failAt(at, "out of order section type: " + std::to_string(id));
        break;
      }
      lastOrder_ = order;
    }
    switch (SecId(id)) {
      case SecId::Custom: readCustom(s, index); break;
      case SecId::Type: readTypes(s); break;
      case SecId::Import: readImports(s); break;
      case SecId::Function: readFunctions(s); break;
      case SecId::Table: readTables(s); break;
      case SecId::Memory: readMemories(s); break;
      case SecId::Tag: readTags(s); break;
      case SecId::Global: readGlobals(s); break;
      case SecId::Export: readExports(s); break;
      case SecId::Start: s.uleb32(); break;  // objects do not carry a start function; ignored like lld
      case SecId::Elem: readElems(s); break;
      case SecId::DataCount: dataCount_ = s.uleb32(); break;
      case SecId::Code:
        sawCode_ = true;
        sections_.back().relocatable = true;
        readCode(s);
        break;
      case SecId::Data:
        sawData_ = true;
        sections_.back().relocatable = true;
        readData(s);
        break;
    }
    if (id != 0 && s.ok() && !s.atEnd()) s.fail("section ended prematurely");
    r.failFrom(s);
  }
  if (r.ok() && !funcTypes_.empty() && !sawCode_) r.fail("function section without a code section");
  if (r.ok() && !sawLinking_) r.fail("not a relocatable wasm file (no linking section)");
  if (!r.ok()) {
    err = r.error();
    return false;
  }
  return true;
}

}  // namespace

bool readObject(Bytes data, uint64_t base, Unit& unit, Interner& strings, Error& err) {
  ObjectReader reader(data, base, unit, strings);
  return reader.run(err);
}

bool scanDefinedSymbols(Bytes data, uint64_t base, const std::string& name, std::vector<std::string>& out,
                        Error& err) {
  // A full read is cheap enough for the rare archive without an index.
  Interner strings;
  Unit u;
  u.name = name;
  if (!readObject(data, base, u, strings, err)) return false;
  for (const Symbol& s : u.symbols)
    if (s.defined() && !s.local() && s.name.valid()) out.emplace_back(strings.str(s.name));
  return true;
}

}  // namespace toyc::link
