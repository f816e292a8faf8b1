// The output module, section by section in the order the spec requires,
// then custom sections: inputs' (DWARF) in first-seen order with their
// relocations applied, name, producers, target_features.
#include <cstring>
#include "link/byte_writer.h"
#include "link/leb128.h"
#include "link/linker.h"

namespace toyc::link {

using namespace toyc::wasm;

void patchField(uint8_t* p, FieldEnc enc, uint64_t v);

namespace {

using Buf = ByteWriter;

void section(std::vector<uint8_t>& out, SecId id, const Buf& payload) {
  out.push_back(uint8_t(id));
  appendUleb(out, payload.b.size());
  out.insert(out.end(), payload.b.begin(), payload.b.end());
}

// A name-section subsection: the (index, name) pairs of `names` that are
// set, indices counted from `first`, in increasing order.
void nameMap(Buf& p, const Interner& strings, NameSub id, const std::vector<StrId>& names, uint32_t first) {
  Buf body;
  uint32_t count = 0;
  for (uint32_t i = 0; i < names.size(); ++i)
    if (names[i].valid()) {
      ++count;
      body.uleb(first + i);
      body.name(strings.str(names[i]));
    }
  if (!count) return;
  Buf sub;
  sub.uleb(count);
  sub.bytes(body.b.data(), body.b.size());
  p.u8(uint8_t(id));
  p.uleb(sub.b.size());
  p.bytes(sub.b.data(), sub.b.size());
}

void customSection(std::vector<uint8_t>& out, std::string_view name, const Buf& payload) {
  Buf nm;
  nm.name(name);
  out.push_back(0);
  appendUleb(out, nm.b.size() + payload.b.size());
  out.insert(out.end(), nm.b.begin(), nm.b.end());
  out.insert(out.end(), payload.b.begin(), payload.b.end());
}

}  // namespace

std::vector<uint8_t> Linker::writeModule() {
  std::vector<uint8_t> out;
  size_t estimate = 64 * 1024 + imports.size() * 32 + outFuncs.size() * 48 + exports.size() * 32;
  for (const auto& b : codeBodies) estimate += b.size() + 5;
  for (const OutSegment& s : outSegs) estimate += s.size + 16;
  for (const OutCustom& c : outCustoms) estimate += (c.isMerged ? c.merged.size() : c.size) + 32;
  out.reserve(estimate);
  out.insert(out.end(), kMagic, kMagic + 4);
  out.insert(out.end(), {1, 0, 0, 0});

  // type
  if (!outTypes.empty()) {
    Buf p;
    p.uleb(outTypes.size());
    for (const FuncType& t : outTypes) {
      p.u8(0x60);
      p.uleb(t.params.size());
      for (ValType v : t.params) p.u8(uint8_t(v));
      p.uleb(t.results.size());
      for (ValType v : t.results) p.u8(uint8_t(v));
    }
    section(out, SecId::Type, p);
  }
  // import
  if (!imports.empty()) {
    Buf p;
    p.uleb(imports.size());
    for (const OutImport& i : imports) {
      p.name(strings_.str(i.module));
      p.name(strings_.str(i.field));
      p.u8(uint8_t(i.kind));
      switch (i.kind) {
        case ExternKind::Func: p.uleb(i.type); break;
        case ExternKind::Table: p.u8(uint8_t(i.valType)); p.limits(i.limits); break;
        case ExternKind::Memory: p.limits(i.limits); break;
        case ExternKind::Global: p.u8(uint8_t(i.valType)); p.u8(i.mut); break;
        case ExternKind::Tag: p.u8(0); p.uleb(i.type); break;
      }
    }
    section(out, SecId::Import, p);
  }
  // function
  const uint32_t nDefined = uint32_t(outFuncs.size()) - numFuncImports;
  if (nDefined) {
    Buf p;
    p.uleb(nDefined);
    for (uint32_t i = numFuncImports; i < outFuncs.size(); ++i) p.uleb(outFuncs[i].type);
    section(out, SecId::Function, p);
  }
  // table
  {
    Buf p;
    uint32_t n = 0;
    Buf entries;
    if (needTable && !opts.importTable) {
      ++n;
      Limits l;
      l.min = opts.tableBase + tableElems.size();
      if (!opts.growableTable) {
        l.flags = kLimitsHasMax;
        l.max = l.min;
      }
      entries.u8(uint8_t(ValType::FuncRef));
      entries.limits(l);
    }
    for (uint32_t ui = 0; ui < units.size(); ++ui)
      for (uint32_t t = 0; t < units[ui]->tables.size(); ++t)
        if (tableOut[ui][t] != kNone) {
          ++n;
          entries.u8(uint8_t(units[ui]->tables[t].elemType));
          entries.limits(units[ui]->tables[t].limits);
        }
    if (n) {
      p.uleb(n);
      p.bytes(entries.b.data(), entries.b.size());
      section(out, SecId::Table, p);
    }
  }
  // memory
  if (!opts.importMemory) {
    Buf p;
    p.uleb(1);
    Limits l;
    l.min = memoryPages;
    if (hasMaxMemory) {
      l.flags = kLimitsHasMax;
      l.max = maxMemoryPages;
    }
    p.limits(l);
    section(out, SecId::Memory, p);
  }
  // global
  if (!outGlobals.empty()) {
    Buf p;
    p.uleb(outGlobals.size());
    for (const OutGlobal& g : outGlobals) {
      p.u8(uint8_t(g.type));
      p.u8(g.mut);
      p.bytes(g.init.data(), g.init.size());
    }
    section(out, SecId::Global, p);
  }
  // export
  if (!exports.empty()) {
    Buf p;
    p.uleb(exports.size());
    for (const OutExport& e : exports) {
      p.name(strings_.str(e.name));
      p.u8(uint8_t(e.kind));
      p.uleb(e.index);
    }
    section(out, SecId::Export, p);
  }
  // start: zero-fill .bss of an imported memory
  if (initMemoryFunc != kNone) {
    Buf p;
    p.uleb(synthFuncs[initMemoryFunc].outIndex);
    section(out, SecId::Start, p);
  }
  // elem
  if (!tableElems.empty()) {
    Buf p;
    p.uleb(1);
    p.uleb(0);  // active, table 0, funcref
    p.u8(0x41);
    p.sleb(int32_t(opts.tableBase));
    p.u8(0x0b);
    p.uleb(tableElems.size());
    for (uint32_t f : tableElems) p.uleb(f);
    section(out, SecId::Elem, p);
  }
  // code
  if (nDefined) {
    uint64_t size = ulebSize(nDefined);
    for (const auto& b : codeBodies) size += ulebSize(b.size()) + b.size();
    out.push_back(uint8_t(SecId::Code));
    appendUleb(out, size);
    appendUleb(out, nDefined);
    for (const auto& b : codeBodies) {
      appendUleb(out, b.size());
      out.insert(out.end(), b.begin(), b.end());
    }
  }
  // data: segment contents are copied and patched in place
  {
    // .bss is zero already in a fresh memory; an imported one is zeroed by
    // __wasm_init_memory, or (without bulk memory) by writing the zeros.
    auto written = [&](const OutSegment& s) { return !s.bss || (opts.importMemory && initMemoryFunc == kNone); };
    uint32_t n = 0;
    uint64_t size = 0;
    for (const OutSegment& s : outSegs)
      if (written(s)) {
        ++n;
        size += 1 + 1 + slebSize(int32_t(uint32_t(s.addr))) + 1 + ulebSize(s.size) + s.size;
      }
    if (n) {
      size += ulebSize(n);
      out.push_back(uint8_t(SecId::Data));
      appendUleb(out, size);
      appendUleb(out, n);
      for (const OutSegment& s : outSegs) {
        if (!written(s)) continue;
        out.push_back(0);  // active, memory 0
        out.push_back(0x41);
        appendSleb(out, int32_t(uint32_t(s.addr)));
        out.push_back(0x0b);
        appendUleb(out, s.size);
        size_t base = out.size();
        out.resize(base + s.size, 0);
        if (!s.merged.empty()) std::memcpy(out.data() + base + (s.mergedAddr - s.addr), s.merged.data(), s.merged.size());
        for (auto [ui, si] : s.parts) {
          if (segMerge[ui][si] != kNone) continue;
          const Unit& u = *units[ui];
          const DataAtom& d = u.segments[si];
          uint8_t* dst = out.data() + base + (segAddr[ui][si] - s.addr);
          if (!d.bytes.empty()) std::memcpy(dst, d.bytes.data(), d.bytes.size());
          for (const Reloc& r : u.relocsOf(d.relocs)) {
            uint64_t v = relocValue(ui, r, false, StrId(), segAddr[ui][si] + r.offset);
            patchField(dst + r.offset, relocInfo(r.type).enc, v);
          }
        }
      }
    }
  }
  // custom sections from the inputs, copied and patched in place
  for (const OutCustom& c : outCustoms) {
    std::string_view name = strings_.str(c.name);
    const uint32_t payload = c.isMerged ? uint32_t(c.merged.size()) : c.size;
    out.push_back(0);
    appendUleb(out, ulebSize(name.size()) + name.size() + payload);
    appendUleb(out, name.size());
    out.insert(out.end(), name.begin(), name.end());
    size_t base = out.size();
    if (c.isMerged) {
      out.insert(out.end(), c.merged.begin(), c.merged.end());
      continue;
    }
    out.resize(base + payload);
    for (size_t k = 0; k < c.parts.size(); ++k) {
      auto [ui, ci] = c.parts[k];
      const Unit& u = *units[ui];
      const CustomAtom& a = u.customs[ci];
      uint8_t* dst = out.data() + base + c.partOffset[k];
      if (!a.bytes.empty()) std::memcpy(dst, a.bytes.data(), a.bytes.size());
      for (const Reloc& r : u.relocsOf(a.relocs)) {
        uint64_t v = relocValue(ui, r, true, c.name, 0);
        patchField(dst + r.offset, relocInfo(r.type).enc, v);
      }
    }
  }
  auto keep = [&](std::string_view n) {
    for (const std::string& k : opts.keepSections)
      if (k == n) return true;
    return false;
  };
  // name
  if (!opts.stripAll || keep("name")) {
    Buf p;
    {
      // The module is named after the output file, as wasm-ld does.
      std::string_view base = opts.output;
      if (size_t slash = base.find_last_of('/'); slash != std::string_view::npos) base = base.substr(slash + 1);
      Buf body;
      body.name(base);
      p.u8(uint8_t(NameSub::Module));
      p.uleb(body.b.size());
      p.bytes(body.b.data(), body.b.size());
    }
    // functions
    std::vector<StrId> fnames(outFuncs.size());
    for (uint32_t i = 0; i < numFuncImports; ++i) fnames[i] = syms[outFuncs[i].sym].name;
    for (uint32_t i = numFuncImports; i < outFuncs.size(); ++i)
      if (outFuncs[i].kind == OutFunc::Synthetic) fnames[i] = synthFuncs[outFuncs[i].index].name;
    for (uint32_t ui = 0; ui < units.size(); ++ui) {
      const Unit& u = *units[ui];
      for (const Symbol& s : u.symbols) {
        if (s.kind != SymKind::Function || s.undefined() || !s.name.valid()) continue;
        uint32_t fi = funcOut[ui][s.index - u.funcImports.size()];
        if (fi != kNone && !fnames[fi].valid()) fnames[fi] = s.name;
      }
    }
    nameMap(p, strings_, NameSub::Function, fnames, 0);
    std::vector<StrId> gnames;
    for (const OutGlobal& g : outGlobals) gnames.push_back(g.name);
    nameMap(p, strings_, NameSub::Global, gnames, numGlobalImports);
    std::vector<StrId> dnames;
    for (const OutSegment& s : outSegs)
      if (!s.bss || (opts.importMemory && initMemoryFunc == kNone)) dnames.push_back(s.name);
    nameMap(p, strings_, NameSub::DataSegment, dnames, 0);
    if (!p.b.empty()) customSection(out, "name", p);
  }
  // producers
  if ((!opts.stripAll || keep("producers")) && !outProducers.empty()) {
    Buf p;
    std::vector<StrId> fields;
    for (const Producer& pr : outProducers)
      if (fields.empty() || fields.back() != pr.field) fields.push_back(pr.field);
    p.uleb(fields.size());
    for (StrId f : fields) {
      p.name(strings_.str(f));
      uint32_t n = 0;
      for (const Producer& pr : outProducers) n += pr.field == f;
      p.uleb(n);
      for (const Producer& pr : outProducers)
        if (pr.field == f) {
          p.name(strings_.str(pr.name));
          p.name(strings_.str(pr.version));
        }
    }
    customSection(out, "producers", p);
  }
  // target_features
  if ((!opts.stripAll || keep("target_features")) && !outFeatures.empty()) {
    Buf p;
    p.uleb(outFeatures.size());
    for (const std::string& f : outFeatures) {
      p.u8(kFeatureUsed);
      p.name(f);
    }
    customSection(out, "target_features", p);
  }
  return out;
}

}  // namespace toyc::link
