// The writer is canonical: for a given Unit the bytes are fixed, so an
// object written by toyc, read back and written again is byte-identical.
// Imports are grouped by kind (memory, functions, globals, tables, tags),
// data segments get provisional addresses in order, like LLVM's writer.
#include "link/object_writer.h"
#include <cstring>
#include "link/byte_writer.h"
#include "link/leb128.h"

namespace toyc::link {

using namespace toyc::wasm;

namespace {

using Out = ByteWriter;

class ObjectWriter {
public:
  ObjectWriter(const Unit& u, const Interner& s, std::vector<uint8_t>& out) : u_(u), s_(s), out_(out) {}
  bool run(Error& err);

private:
  std::string_view str(StrId id) const { return id.valid() ? s_.str(id) : std::string_view(); }
  // Appends a section; returns its index among all sections written.
  uint32_t section(SecId id, const Out& payload) {
    out_.push_back(uint8_t(id));
    appendUleb(out_, payload.b.size());
    out_.insert(out_.end(), payload.b.begin(), payload.b.end());
    return numSections_++;
  }
  uint32_t custom(std::string_view name, const Out& payload) {
    Out p;
    p.name(name);
    p.bytes(payload.b);
    return section(SecId::Custom, p);
  }
  void relocs(Out& p, std::span<const Reloc> rs, uint32_t base) {
    for (const Reloc& r : rs) {
      p.u8(uint8_t(r.type));
      p.uleb(base + r.offset);
      p.uleb(r.index);
      if (relocInfo(r.type).hasAddend) p.sleb(r.addend);
    }
  }
  bool fail(Error& err, std::string msg) {
    err.file = u_.name;
    err.msg = std::move(msg);
    return false;
  }

  const Unit& u_;
  const Interner& s_;
  std::vector<uint8_t>& out_;
  uint32_t numSections_ = 0;
};

bool ObjectWriter::run(Error& err) {
  out_.insert(out_.end(), kMagic, kMagic + 4);
  out_.insert(out_.end(), {1, 0, 0, 0});
  // Checks that keep the output a valid object.
  for (const Symbol& s : u_.symbols) {
    bool bad = false;
    switch (s.kind) {
      case SymKind::Function: bad = s.index >= u_.numFuncs() || (s.undefined() != (s.index < u_.funcImports.size())); break;
      case SymKind::Global: bad = s.index >= u_.numGlobals() || (s.undefined() != (s.index < u_.globalImports.size())); break;
      case SymKind::Table: bad = s.index >= u_.numTables() || (s.undefined() != (s.index < u_.tableImports.size())); break;
      case SymKind::Tag: bad = s.index >= u_.numTags() || (s.undefined() != (s.index < u_.tagImports.size())); break;
      case SymKind::Data: bad = s.defined() && !(s.flags & kSymAbsolute) && s.segment >= u_.segments.size(); break;
      case SymKind::Section: bad = s.index >= u_.customs.size(); break;
    }
    if (bad) return fail(err, "symbol " + std::string(str(s.name)) + " names no atom of its kind");
  }

  // type
  if (!u_.types.empty()) {
    Out p;
    p.uleb(u_.types.size());
    for (const FuncType& t : u_.types) {
      p.u8(0x60);
      p.uleb(t.params.size());
      for (ValType v : t.params) p.u8(uint8_t(v));
      p.uleb(t.results.size());
      for (ValType v : t.results) p.u8(uint8_t(v));
    }
    section(SecId::Type, p);
  }
  // import: the linear memory, then functions, globals, tables and tags
  bool memory = u_.importsMemory || !u_.segments.empty() || !u_.funcs.empty();
  {
    Out p;
    uint32_t n = uint32_t(memory) + uint32_t(u_.funcImports.size() + u_.globalImports.size() +
                                             u_.tableImports.size() + u_.tagImports.size());
    p.uleb(n);
    if (memory) {
      p.name("env");
      p.name("__linear_memory");
      p.u8(uint8_t(ExternKind::Memory));
      p.limits(u_.memoryLimits);
    }
    for (const Import& i : u_.funcImports) {
      p.name(str(i.module));
      p.name(str(i.field));
      p.u8(uint8_t(ExternKind::Func));
      p.uleb(i.type);
    }
    for (const Import& i : u_.globalImports) {
      p.name(str(i.module));
      p.name(str(i.field));
      p.u8(uint8_t(ExternKind::Global));
      p.u8(uint8_t(i.valType));
      p.u8(i.mut);
    }
    for (const Import& i : u_.tableImports) {
      p.name(str(i.module));
      p.name(str(i.field));
      p.u8(uint8_t(ExternKind::Table));
      p.u8(uint8_t(i.valType));
      p.limits(i.limits);
    }
    for (const Import& i : u_.tagImports) {
      p.name(str(i.module));
      p.name(str(i.field));
      p.u8(uint8_t(ExternKind::Tag));
      p.u8(0);
      p.uleb(i.type);
    }
    if (n) section(SecId::Import, p);
  }
  // function
  if (!u_.funcs.empty()) {
    Out p;
    p.uleb(u_.funcs.size());
    for (const FuncAtom& f : u_.funcs) p.uleb(f.type);
    section(SecId::Function, p);
  }
  // table
  if (!u_.tables.empty()) {
    Out p;
    p.uleb(u_.tables.size());
    for (const TableAtom& t : u_.tables) {
      p.u8(uint8_t(t.elemType));
      p.limits(t.limits);
    }
    section(SecId::Table, p);
  }
  // tag
  if (!u_.tags.empty()) {
    Out p;
    p.uleb(u_.tags.size());
    for (const TagAtom& t : u_.tags) {
      p.u8(0);
      p.uleb(t.type);
    }
    section(SecId::Tag, p);
  }
  // global
  if (!u_.globals.empty()) {
    Out p;
    p.uleb(u_.globals.size());
    for (const GlobalAtom& g : u_.globals) {
      p.u8(uint8_t(g.type));
      p.u8(g.mut);
      p.bytes(g.init);
    }
    section(SecId::Global, p);
  }
  // export: the symbols an object exports under a name of their own
  {
    Out p;
    uint32_t n = 0;
    for (const Symbol& s : u_.symbols)
      if (s.exportName.valid() && s.defined()) {
        ++n;
        p.name(str(s.exportName));
        p.u8(uint8_t(s.kind == SymKind::Function ? ExternKind::Func
                     : s.kind == SymKind::Global ? ExternKind::Global
                     : s.kind == SymKind::Table  ? ExternKind::Table
                                                 : ExternKind::Tag));
        p.uleb(s.index);
      }
    if (n) {
      Out q;
      q.uleb(n);
      q.bytes(p.b);
      section(SecId::Export, q);
    }
  }
  // datacount, as LLVM writes it whenever there are segments
  if (!u_.segments.empty()) {
    Out p;
    p.uleb(u_.segments.size());
    section(SecId::DataCount, p);
  }
  // code
  uint32_t codeSection = UINT32_MAX;
  std::vector<uint32_t> bodyStart(u_.funcs.size());
  if (!u_.funcs.empty()) {
    Out p;
    p.uleb(u_.funcs.size());
    for (size_t i = 0; i < u_.funcs.size(); ++i) {
      p.uleb(u_.funcs[i].body.size());
      bodyStart[i] = uint32_t(p.b.size());
      p.bytes(u_.funcs[i].body);
    }
    codeSection = section(SecId::Code, p);
  }
  // data: active segments at provisional addresses, in order
  uint32_t dataSection = UINT32_MAX;
  std::vector<uint32_t> dataStart(u_.segments.size());
  if (!u_.segments.empty()) {
    Out p;
    p.uleb(u_.segments.size());
    uint64_t addr = 0;
    for (size_t i = 0; i < u_.segments.size(); ++i) {
      const DataAtom& d = u_.segments[i];
      if (d.passive) {
        p.uleb(1);
      } else {
        addr = (addr + (uint64_t(1) << d.alignLog2) - 1) & ~((uint64_t(1) << d.alignLog2) - 1);
        p.uleb(0);
        p.u8(0x41);
        p.sleb(int32_t(uint32_t(addr)));
        p.u8(0x0b);
        addr += d.bytes.size();
      }
      p.uleb(d.bytes.size());
      dataStart[i] = uint32_t(p.b.size());
      p.bytes(d.bytes);
    }
    dataSection = section(SecId::Data, p);
  }
  // custom sections of the unit (DWARF and others)
  std::vector<uint32_t> customSection(u_.customs.size());
  for (size_t i = 0; i < u_.customs.size(); ++i) {
    Out p;
    p.bytes(u_.customs[i].bytes);
    customSection[i] = custom(str(u_.customs[i].name), p);
  }
  // linking: symbol table, segment info, init functions, comdats
  {
    Out p;
    p.uleb(kLinkingVersion);
    auto sub = [&](LinkSub id, const Out& body) {
      p.u8(uint8_t(id));
      p.uleb(body.b.size());
      p.bytes(body.b);
    };
    if (!u_.symbols.empty()) {
      Out t;
      t.uleb(u_.symbols.size());
      for (const Symbol& s : u_.symbols) {
        uint32_t flags = s.flags;
        // An undefined symbol named otherwise than its import needs its own name.
        std::string_view importField;
        if (s.undefined()) {
          const std::vector<Import>* imps = s.kind == SymKind::Function ? &u_.funcImports
                                            : s.kind == SymKind::Global ? &u_.globalImports
                                            : s.kind == SymKind::Table  ? &u_.tableImports
                                            : s.kind == SymKind::Tag    ? &u_.tagImports
                                                                        : nullptr;
          if (imps) {
            importField = str((*imps)[s.index].field);
            if (str(s.name) != importField) flags |= kSymExplicitName;
          }
        }
        t.u8(uint8_t(s.kind));
        t.uleb(flags);
        switch (s.kind) {
          case SymKind::Function:
          case SymKind::Global:
          case SymKind::Table:
          case SymKind::Tag:
            t.uleb(s.index);
            if (s.defined() || (flags & kSymExplicitName)) t.name(str(s.name));
            break;
          case SymKind::Data:
            t.name(str(s.name));
            if (s.defined()) {
              t.uleb(s.segment);
              t.uleb(s.offset);
              t.uleb(s.size);
            }
            break;
          case SymKind::Section: t.uleb(customSection[s.index]); break;
        }
      }
      sub(LinkSub::SymbolTable, t);
    }
    if (!u_.segments.empty()) {
      Out t;
      t.uleb(u_.segments.size());
      for (const DataAtom& d : u_.segments) {
        t.name(str(d.name));
        t.uleb(d.alignLog2);
        t.uleb(d.flags);
      }
      sub(LinkSub::SegmentInfo, t);
    }
    if (!u_.initFuncs.empty()) {
      Out t;
      t.uleb(u_.initFuncs.size());
      for (const InitFunc& f : u_.initFuncs) {
        t.uleb(f.priority);
        t.uleb(f.symbol);
      }
      sub(LinkSub::InitFuncs, t);
    }
    if (!u_.comdats.empty()) {
      Out t;
      t.uleb(u_.comdats.size());
      for (uint32_t c = 0; c < u_.comdats.size(); ++c) {
        t.name(str(u_.comdats[c].name));
        t.uleb(0);  // flags
        Out entries;
        uint32_t n = 0;
        for (uint32_t i = 0; i < u_.segments.size(); ++i)
          if (u_.segments[i].comdat == c) {
            ++n;
            entries.u8(uint8_t(ComdatKind::Data));
            entries.uleb(i);
          }
        for (uint32_t i = 0; i < u_.funcs.size(); ++i)
          if (u_.funcs[i].comdat == c) {
            ++n;
            entries.u8(uint8_t(ComdatKind::Function));
            entries.uleb(u_.funcImports.size() + i);
          }
        for (uint32_t i = 0; i < u_.customs.size(); ++i)
          if (u_.customs[i].comdat == c) {
            ++n;
            entries.u8(uint8_t(ComdatKind::Section));
            entries.uleb(customSection[i]);
          }
        t.uleb(n);
        t.bytes(entries.b);
      }
      sub(LinkSub::ComdatInfo, t);
    }
    custom("linking", p);
  }
  // reloc.CODE, reloc.DATA, reloc.<custom>: offsets from the payload start
  // (for custom sections, from after the name), ascending.
  auto relocSection = [&](std::string_view name, uint32_t target, auto&& each) {
    Out entries;
    uint32_t n = each(entries);
    if (!n) return;
    Out p;
    p.uleb(target);
    p.uleb(n);
    p.bytes(entries.b);
    custom(name, p);
  };
  relocSection("reloc.CODE", codeSection, [&](Out& e) {
    uint32_t n = 0;
    for (size_t i = 0; i < u_.funcs.size(); ++i) {
      relocs(e, u_.relocsOf(u_.funcs[i].relocs), bodyStart[i]);
      n += u_.funcs[i].relocs.size();
    }
    return n;
  });
  relocSection("reloc.DATA", dataSection, [&](Out& e) {
    uint32_t n = 0;
    for (size_t i = 0; i < u_.segments.size(); ++i) {
      relocs(e, u_.relocsOf(u_.segments[i].relocs), dataStart[i]);
      n += u_.segments[i].relocs.size();
    }
    return n;
  });
  for (size_t i = 0; i < u_.customs.size(); ++i)
    relocSection("reloc." + std::string(str(u_.customs[i].name)), customSection[i], [&](Out& e) {
      relocs(e, u_.relocsOf(u_.customs[i].relocs), 0);
      return u_.customs[i].relocs.size();
    });
  // producers: fields in first-seen order, values in order
  if (!u_.producers.empty()) {
    std::vector<StrId> fields;
    for (const Producer& pr : u_.producers) {
      bool seen = false;
      for (StrId f : fields) seen |= f == pr.field;
      if (!seen) fields.push_back(pr.field);
    }
    Out p;
    p.uleb(fields.size());
    for (StrId f : fields) {
      p.name(str(f));
      uint32_t n = 0;
      for (const Producer& pr : u_.producers) n += pr.field == f;
      p.uleb(n);
      for (const Producer& pr : u_.producers)
        if (pr.field == f) {
          p.name(str(pr.name));
          p.name(str(pr.version));
        }
    }
    custom("producers", p);
  }
  if (u_.hasFeaturesSection || !u_.features.empty()) {
    Out p;
    p.uleb(u_.features.size());
    for (const Feature& f : u_.features) {
      p.u8(f.prefix);
      p.name(str(f.name));
    }
    custom("target_features", p);
  }
  return true;
}

}  // namespace

bool writeObject(const Unit& unit, const Interner& strings, std::vector<uint8_t>& out, Error& err) {
  ObjectWriter w(unit, strings, out);
  return w.run(err);
}

}  // namespace toyc::link
