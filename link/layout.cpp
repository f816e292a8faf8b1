// Index spaces and memory: types are interned, imports come first in each
// index space, then linker-made functions, then live atoms in input order.
// Memory follows wasm-ld 19: data at --global-base (1024), merged output
// segments (.tdata, .rodata, .data, others, .bss), then a 16-byte aligned
// stack, then __heap_base; or the stack first with --stack-first.
#include <algorithm>
#include "link/leb128.h"
#include "link/linker.h"
#include "utils/log.h"

namespace toyc::link {

using namespace toyc::wasm;

static uint64_t alignTo(uint64_t v, uint64_t a) { return (v + a - 1) / a * a; }

uint32_t Linker::internType(const FuncType& t) {
  // The parameter count leads the key: value type bytes can take any value
  // (0x7c is f64), so no separator byte would be safe.
  std::string key;
  key.reserve(t.params.size() + t.results.size() + 5);
  uint32_t np = uint32_t(t.params.size());
  key.append(reinterpret_cast<const char*>(&np), 4);
  for (ValType v : t.params) key.push_back(char(v));
  for (ValType v : t.results) key.push_back(char(v));
  auto [it, inserted] = typeIndex.emplace(std::move(key), uint32_t(outTypes.size()));
  if (inserted) outTypes.push_back(t);
  return it->second;
}

void Linker::assignTypes() {
  typeOut.resize(units.size());
  for (uint32_t ui = 0; ui < units.size(); ++ui) {
    const Unit& u = *units[ui];
    typeOut[ui].assign(u.types.size(), kNone);
  }
}

void Linker::assignFunctions() {
  outFuncs.clear();
  std::unordered_map<uint64_t, uint32_t> importIndex;  // (module, field, type) -> output function
  // Imports: live undefined functions that nothing else stands in for.
  for (GSymId id(0); id.v < syms.size(); ++id.v) {
    GSym& g = syms[id];
    if (!g.live || g.kind != SymKind::Function || g.state == GSym::Defined || g.synth != kNone) continue;
    if (g.refUnit == kNone) continue;
    const Unit& ru = *units[g.refUnit];
    const Symbol& rs = ru.symbols[g.refSym];
    const Import& imp = ru.funcImports[rs.index];
    OutImport oi;
    oi.kind = ExternKind::Func;
    oi.module = imp.module;
    oi.field = (rs.flags & kSymExplicitName) ? imp.field : g.name;
    oi.type = internType(ru.types[imp.type]);
    // Symbols of different names importing the same function (libc's
    // `__imported_wasi_snapshot_preview1_proc_exit` and a Toy program's
    // `__proc_exit`) share one import, as in wasm-ld.
    uint64_t key = uint64_t(oi.module.v) << 40 ^ uint64_t(oi.field.v) << 16 ^ oi.type;
    auto [it, fresh] = importIndex.emplace(key, uint32_t(outFuncs.size()));
    const OutImport* prev = fresh ? nullptr : &imports[it->second];
    if (prev && prev->module == oi.module && prev->field == oi.field && prev->type == oi.type) {
      g.outIndex = it->second;
      continue;
    }
    g.outIndex = uint32_t(outFuncs.size());
    outFuncs.push_back({OutFunc::Import, kNone, kNone, oi.type, id});
    imports.push_back(oi);
  }
  numFuncImports = uint32_t(outFuncs.size());
  // Imported memory may hold anything: .bss is zeroed at start-up by
  // memory.fill when bulk memory is available (wasm-ld's __wasm_init_memory),
  // else written out as zeros.
  if (opts.importMemory && std::find(outFeatures.begin(), outFeatures.end(), "bulk-memory") != outFeatures.end()) {
    bool anyBss = false;
    for (uint32_t ui = 0; ui < units.size(); ++ui)
      for (uint32_t si = 0; si < units[ui]->segments.size(); ++si)
        if (segLive[ui][si] && strings_.str(units[ui]->segments[si].name).starts_with(".bss")) anyBss = true;
    if (anyBss) {
      SynthFunc f;
      f.kind = SynthFunc::InitMemory;
      f.name = strings_.intern("__wasm_init_memory");
      f.live = true;
      initMemoryFunc = uint32_t(synthFuncs.size());
      synthFuncs.push_back(std::move(f));
    }
  }
  // Linker-made functions come first, except the command export wrappers,
  // which follow the atoms (as in wasm-ld, so code offsets match its output).
  auto addSynth = [&](bool wrappers) {
    for (uint32_t i = 0; i < synthFuncs.size(); ++i) {
      SynthFunc& f = synthFuncs[i];
      if ((f.kind == SynthFunc::CommandExport) != wrappers) continue;
      if (f.kind == SynthFunc::CallCtors) f.live = syms[symCallCtors].live;
      if (!f.live) continue;
      f.outIndex = uint32_t(outFuncs.size());
      outFuncs.push_back({OutFunc::Synthetic, kNone, i, internType(f.type), f.sym});
    }
  };
  addSynth(false);
  // Atoms.
  funcOut.resize(units.size());
  for (uint32_t ui = 0; ui < units.size(); ++ui) {
    const Unit& u = *units[ui];
    funcOut[ui].assign(u.funcs.size(), kNone);
    for (uint32_t f = 0; f < u.funcs.size(); ++f) {
      if (!funcLive[ui][f]) continue;
      uint32_t& t = typeOut[ui][u.funcs[f].type];
      if (t == kNone) t = internType(u.types[u.funcs[f].type]);
      funcOut[ui][f] = uint32_t(outFuncs.size());
      outFuncs.push_back({OutFunc::Atom, ui, f, t, GSymId()});
    }
  }
  addSynth(true);
}

// Re-encodes a unit's constant expression with output indices.
static std::vector<uint8_t> remapConstExpr(const Linker& L, uint32_t ui, Bytes init) {
  const Unit& u = *L.units[ui];
  std::vector<uint8_t> out;
  const uint8_t* p = init.data();
  const uint8_t* end = p + init.size();
  while (p < end) {
    uint8_t op = *p++;
    if (op == 0x23 || op == 0xd2) {
      uint64_t idx = 0;
      readUleb(p, end, idx, 32);
      uint32_t mapped = kNone;
      for (uint32_t si = 0; si < u.symbols.size() && mapped == kNone; ++si) {
        const Symbol& s = u.symbols[si];
        if (s.index != idx) continue;
        if (op == 0x23 && s.kind == SymKind::Global) mapped = L.globalIndexOf(ui, si);
        if (op == 0xd2 && s.kind == SymKind::Function) mapped = L.funcIndexOf(ui, si);
      }
      out.push_back(op);
      appendUleb(out, mapped == kNone ? 0 : mapped);
      continue;
    }
    out.push_back(op);
    const uint8_t* start = p;
    int64_t s64;
    switch (op) {
      case 0x41: readSleb(p, end, s64, 32); break;
      case 0x42: readSleb(p, end, s64, 64); break;
      case 0x43: p += 4; break;
      case 0x44: p += 8; break;
      case 0xd0: p += 1; break;
      default: break;
    }
    out.insert(out.end(), start, p);
  }
  return out;
}

void Linker::assignGlobals() {
  globalOut.resize(units.size());
  // Imports.
  for (GSymId id(0); id.v < syms.size(); ++id.v) {
    GSym& g = syms[id];
    if (!g.live || g.kind != SymKind::Global || g.state == GSym::Defined || g.refUnit == kNone) continue;
    const Unit& ru = *units[g.refUnit];
    const Symbol& rs = ru.symbols[g.refSym];
    const Import& imp = ru.globalImports[rs.index];
    OutImport oi;
    oi.kind = ExternKind::Global;
    oi.module = imp.module;
    oi.field = (rs.flags & kSymExplicitName) ? imp.field : g.name;
    oi.valType = imp.valType;
    oi.mut = imp.mut;
    g.outIndex = numGlobalImports++;
    imports.push_back(oi);
  }
  uint32_t next = numGlobalImports;
  if (syms[symStackPointer].live) {
    syms[symStackPointer].outIndex = next++;
    OutGlobal sp;
    sp.type = ValType::I32;
    sp.mut = true;
    sp.name = syms[symStackPointer].name;
    outGlobals.push_back(std::move(sp));  // init set by layoutMemory
  }
  for (GSymId id : {symTlsBase, symTlsSize, symTlsAlign, symMemoryBase, symTableBase}) {
    if (!id || !syms[id].live || syms[id].kind != SymKind::Global) continue;
    OutGlobal g;
    g.type = ValType::I32;
    // Immutable, unless an input imports it as mutable (and may set it).
    for (const auto& up : units)
      for (const Symbol& sym : up->symbols)
        if (sym.kind == SymKind::Global && sym.undefined() && sym.name == syms[id].name &&
            up->globalImports[sym.index].mut)
          g.mut = true;
    g.name = syms[id].name;
    syms[id].outIndex = next++;
    outGlobals.push_back(std::move(g));  // init set by layoutMemory
  }
  for (uint32_t ui = 0; ui < units.size(); ++ui) {
    const Unit& u = *units[ui];
    globalOut[ui].assign(u.globals.size(), kNone);
    for (uint32_t gi = 0; gi < u.globals.size(); ++gi) {
      if (!globalLive[ui][gi]) continue;
      globalOut[ui][gi] = next++;
      OutGlobal og;
      og.type = u.globals[gi].type;
      og.mut = u.globals[gi].mut;
      outGlobals.push_back(std::move(og));
    }
  }
  // GOT entries, in first-use order.
  for (uint32_t ui = 0; ui < units.size(); ++ui) {
    const Unit& u = *units[ui];
    for (uint32_t f = 0; f < u.funcs.size(); ++f) {
      if (!funcLive[ui][f]) continue;
      for (const Reloc& r : u.relocsOf(u.funcs[f].relocs)) {
        if (r.type != RelocType::GLOBAL_INDEX_LEB && r.type != RelocType::GLOBAL_INDEX_I32) continue;
        const Symbol& s = u.symbols[r.index];
        if (s.kind == SymKind::Global) continue;
        auto [it, inserted] = gotIndex.emplace(gotKey(ui, r.index), next);
        if (!inserted) continue;
        got.push_back({ui, r.index, next++});
        OutGlobal g;
        g.type = ValType::I32;
        g.name = strings_.intern(std::string(s.kind == SymKind::Function ? "GOT.func.internal." : "GOT.data.internal.") +
                                 std::string(strings_.str(s.name)));
        outGlobals.push_back(std::move(g));  // value set by fillGotEntries
      }
    }
  }
  // Names and initializers once every global has its index.
  uint32_t k = next - numGlobalImports - uint32_t(got.size());
  for (uint32_t ui = 0; ui < units.size(); ++ui) k -= uint32_t(std::count(globalLive[ui].begin(), globalLive[ui].end(), 1));
  for (uint32_t ui = 0; ui < units.size(); ++ui) {
    const Unit& u = *units[ui];
    for (uint32_t gi = 0; gi < u.globals.size(); ++gi) {
      if (!globalLive[ui][gi]) continue;
      outGlobals[k].init = remapConstExpr(*this, ui, u.globals[gi].init);
      ++k;
    }
    for (const Symbol& s : u.symbols)
      if (s.kind == SymKind::Global && s.defined() && s.name.valid()) {
        uint32_t gi = s.index - uint32_t(u.globalImports.size());
        if (globalOut[ui][gi] != kNone && !outGlobals[globalOut[ui][gi] - numGlobalImports].name.valid())
          outGlobals[globalOut[ui][gi] - numGlobalImports].name = s.name;
      }
  }
}

void Linker::layoutTable() {
  tableSlot.assign(outFuncs.size(), 0);
  tableElems.clear();
  auto scan = [&](uint32_t ui, std::span<const Reloc> rs) {
    for (const Reloc& r : rs) {
      switch (r.type) {
        case RelocType::TABLE_INDEX_SLEB: case RelocType::TABLE_INDEX_I32: case RelocType::TABLE_INDEX_SLEB64:
        case RelocType::TABLE_INDEX_I64: case RelocType::TABLE_INDEX_REL_SLEB: case RelocType::TABLE_INDEX_REL_SLEB64:
        case RelocType::GLOBAL_INDEX_LEB: case RelocType::GLOBAL_INDEX_I32: {
          if ((r.type == RelocType::GLOBAL_INDEX_LEB || r.type == RelocType::GLOBAL_INDEX_I32) &&
              units[ui]->symbols[r.index].kind != SymKind::Function)
            break;
          SymRef ref = symRefs[ui][r.index];
          // Weak undefined functions have no slot: their address is null.
          if (ref.kind == SymRef::Global) {
            const GSym& g = syms[GSymId(ref.id)];
            if (g.state != GSym::Defined && g.synth != kNone && synthFuncs[g.synth].name.valid() &&
                strings_.str(synthFuncs[g.synth].name).starts_with("undefined_weak:"))
              break;
          }
          uint32_t f = funcIndexOf(ui, r.index);
          if (f == kNone || tableSlot[f]) break;
          tableSlot[f] = opts.tableBase + uint32_t(tableElems.size());
          tableElems.push_back(f);
          break;
        }
        default: break;
      }
    }
  };
  bool legacyTableUse = false;
  for (uint32_t ui = 0; ui < units.size(); ++ui) {
    const Unit& u = *units[ui];
    bool anyLive = false;
    for (uint32_t f = 0; f < u.funcs.size(); ++f)
      if (funcLive[ui][f]) {
        anyLive = true;
        scan(ui, u.relocsOf(u.funcs[f].relocs));
      }
    for (uint32_t s = 0; s < u.segments.size(); ++s)
      if (segLive[ui][s]) scan(ui, u.relocsOf(u.segments[s].relocs));
    if (anyLive && !u.tableImports.empty()) legacyTableUse = true;
  }
  needTable = !tableElems.empty() || legacyTableUse || (symTable && syms[symTable].live) || opts.exportTable ||
              opts.importTable || opts.growableTable;
  tableOut.resize(units.size());
  uint32_t next = 0;
  if (needTable) {
    if (opts.importTable) {
      OutImport oi;
      oi.kind = ExternKind::Table;
      oi.module = strings_.intern("env");
      oi.field = strings_.intern("__indirect_function_table");
      oi.valType = ValType::FuncRef;
      oi.limits.min = opts.tableBase + tableElems.size();
      imports.push_back(oi);
      numTableImports = 1;
    }
    tableOutIndex = next++;
    if (symTable) syms[symTable].outIndex = tableOutIndex;
  }
  for (uint32_t ui = 0; ui < units.size(); ++ui) {
    const Unit& u = *units[ui];
    tableOut[ui].assign(u.tables.size(), kNone);
    for (uint32_t t = 0; t < u.tables.size(); ++t)
      if (tableLive[ui][t]) tableOut[ui][t] = next++;
  }
}

// Lays out a merger's strings and fixes the maps added since `firstMap`.
static void finishMergeImpl(std::vector<MergeMap>& merges, StringMerger& merger, size_t firstMap,
                            std::vector<uint8_t>& out) {
  std::vector<MergeMap*> maps;
  for (size_t i = firstMap; i < merges.size(); ++i) maps.push_back(&merges[i]);
  merger.finish(out, maps);
}

static StrId outputSegmentName(Interner& strings, const LinkOptions& o, const DataAtom& d) {
  std::string_view n = strings.str(d.name);
  if ((d.flags & kSegTls) || n.starts_with(".tdata") || n.starts_with(".tbss")) return strings.intern(".tdata");
  if (!o.mergeDataSegments) return d.name;
  for (std::string_view prefix : {".text.", ".data.", ".bss.", ".rodata."})
    if (n.starts_with(prefix)) return strings.intern(prefix.substr(0, prefix.size() - 1));
  return d.name;
}

void Linker::layoutMemory() {
  // Group live segments by output name, in first-seen order.
  std::unordered_map<uint32_t, uint32_t> byName;
  std::vector<OutSegment> segs;
  segAddr.resize(units.size());
  for (uint32_t ui = 0; ui < units.size(); ++ui) {
    const Unit& u = *units[ui];
    segAddr[ui].assign(u.segments.size(), 0);
    for (uint32_t s = 0; s < u.segments.size(); ++s) {
      if (!segLive[ui][s]) continue;
      const DataAtom& d = u.segments[s];
      StrId name = outputSegmentName(strings_, opts, d);
      auto [it, inserted] = byName.emplace(name.v, uint32_t(segs.size()));
      if (inserted) {
        OutSegment os;
        os.name = name;
        std::string_view n = strings_.str(name);
        os.tls = n == ".tdata";
        os.bss = n == ".bss" || n.starts_with(".bss.");
        os.passive = d.passive;
        segs.push_back(os);
      }
      OutSegment& os = segs[it->second];
      os.alignLog2 = std::max(os.alignLog2, d.alignLog2);
      if (os.bss)
        for (uint8_t b : d.bytes)
          if (b) {
            os.bss = false;  // contents that are not zero must be written
            break;
          }
      os.parts.push_back({ui, s});
    }
  }
  auto rank = [&](const OutSegment& s) {
    std::string_view n = strings_.str(s.name);
    if (n == ".tdata") return 0;
    if (n == ".rodata" || n.starts_with(".rodata.")) return 1;
    if (n == ".data" || n.starts_with(".data.")) return 2;
    if (n == ".bss" || n.starts_with(".bss.")) return 4;
    return 3;
  };
  std::stable_sort(segs.begin(), segs.end(), [&](const OutSegment& a, const OutSegment& b) { return rank(a) < rank(b); });

  if (opts.stackSize % 16) error("stack size must be 16-byte aligned");
  uint64_t ptr = 0;
  auto setData = [&](GSymId id, uint64_t v) {
    if (id) syms[id].address = v;
  };
  auto placeStack = [&] {
    ptr = alignTo(ptr, 16);
    setData(symStackLow, ptr);
    ptr += opts.stackSize;
    stackPointerValue = ptr;
    setData(symStackHigh, ptr);
  };
  if (opts.stackFirst) {
    placeStack();
    if (opts.globalBase) {
      if (*opts.globalBase < ptr) error("--global-base cannot be less than stack size when --stack-first is used");
      ptr = *opts.globalBase;
    }
  } else {
    ptr = opts.globalBase.value_or(1024);
  }
  setData(symGlobalBase, ptr);
  setData(symDsoHandle, ptr);
  segMerge.resize(units.size());
  for (uint32_t ui = 0; ui < units.size(); ++ui) segMerge[ui].assign(units[ui]->segments.size(), kNone);
  for (OutSegment& s : segs) {
    // Merge the string segments of this output segment first: their block
    // goes where the first of them would have been placed.
    StringMerger merger;
    size_t firstMap = merges.size();
    for (auto [ui, si] : s.parts) {
      const DataAtom& d = units[ui]->segments[si];
      bool mergeable = opts.optimize >= 1 && (d.flags & kSegStrings) && d.alignLog2 == 0 && !d.bytes.empty() &&
                       d.relocs.size() == 0 && !s.tls;
      if (!mergeable) continue;
      MergeMap m;
      if (!mergeStrings(merger, ui, d.bytes, d.fileOffset, m)) continue;
      segMerge[ui][si] = uint32_t(merges.size());
      merges.push_back(std::move(m));
    }
    finishMergeImpl(merges, merger, firstMap, s.merged);
    ptr = alignTo(ptr, uint64_t(1) << s.alignLog2);
    s.addr = ptr;
    bool placed = false;
    for (auto [ui, si] : s.parts) {
      const DataAtom& d = units[ui]->segments[si];
      if (segMerge[ui][si] != kNone) {
        if (!placed) {
          s.mergedAddr = ptr;
          ptr += s.merged.size();
          placed = true;
        }
        segAddr[ui][si] = s.mergedAddr;
        continue;
      }
      ptr = alignTo(ptr, uint64_t(1) << d.alignLog2);
      segAddr[ui][si] = ptr;
      ptr += d.bytes.size();
      if (ptr > (uint64_t(1) << 32)) {
        // Name the input that does not fit (a corrupted alignment, say).
        Error e;
        e.file = units[ui]->name;
        e.offset = d.fileOffset;
        e.hasOffset = true;
        e.msg = "data segment " + std::string(strings_.str(d.name)) + " (alignment " +
                std::to_string(uint64_t(1) << d.alignLog2) + ", " + std::to_string(d.bytes.size()) +
                " bytes) does not fit in the 4 GiB wasm32 memory";
        error(e.str());
        return;
      }
    }
    s.size = ptr - s.addr;
    TOYC_LOG(Layout, "segment {} at {} size {}", strings_.str(s.name), s.addr, s.size);
  }
  for (const StartStop& ss : startStop)
    for (const OutSegment& s : segs)
      if (s.name == ss.segment) setData(ss.sym, ss.stop ? s.addr + s.size : s.addr);
  setData(symDataEnd, ptr);
  if (!opts.stackFirst) placeStack();
  ptr = alignTo(ptr, 16);
  setData(symHeapBase, ptr);
  const uint64_t maxMemory = uint64_t(1) << 32;
  if (opts.initialHeap && *opts.initialHeap) {
    if (*opts.initialHeap % kPageSize) error("initial heap must be 65536-byte aligned");
    else if (*opts.initialHeap > maxMemory - ptr)
      error("initial heap too large, cannot be greater than " + std::to_string(maxMemory - ptr));
    else ptr += *opts.initialHeap;
  }
  if (opts.initialMemory) {
    if (*opts.initialMemory % kPageSize) error("initial memory must be 65536-byte aligned");
    if (ptr > *opts.initialMemory) error("initial memory too small, " + std::to_string(ptr) + " bytes needed");
    if (*opts.initialMemory > maxMemory) error("initial memory too large, cannot be greater than 4294967296");
    ptr = *opts.initialMemory;
  }
  ptr = alignTo(ptr, kPageSize);
  if (ptr > maxMemory) error("memory too large: " + std::to_string(ptr) + " bytes needed, at most 4294967296 fit in wasm32");
  memoryPages = ptr / kPageSize;
  setData(symHeapEnd, ptr);
  if (opts.maxMemory) {
    if (*opts.maxMemory % kPageSize) error("maximum memory must be 65536-byte aligned");
    if (ptr > *opts.maxMemory) error("maximum memory too small, " + std::to_string(ptr) + " bytes needed");
    if (*opts.maxMemory > maxMemory) error("maximum memory too large, cannot be greater than 4294967296");
    hasMaxMemory = true;
    maxMemoryPages = *opts.maxMemory / kPageSize;
  } else if (opts.noGrowableMemory) {
    hasMaxMemory = true;
    maxMemoryPages = memoryPages;
  }
  auto setGlobal = [&](GSymId id, uint64_t v) {
    if (!id || syms[id].outIndex == kNone || syms[id].state != GSym::Defined || syms[id].origin != GSym::FromLinker)
      return;
    std::vector<uint8_t>& init = outGlobals[syms[id].outIndex - numGlobalImports].init;
    init.clear();
    init.push_back(0x41);
    appendSleb(init, int64_t(int32_t(uint32_t(v))));
    init.push_back(0x0b);
  };
  setGlobal(symStackPointer, stackPointerValue);
  uint64_t tlsBase = 0, tlsSize = 0, tlsAlign = 1;
  for (const OutSegment& s : segs)
    if (s.tls) {
      tlsBase = s.addr;
      tlsSize = s.size;
      tlsAlign = uint64_t(1) << s.alignLog2;
    }
  setGlobal(symTlsBase, tlsBase);
  setGlobal(symTlsSize, tlsSize);
  setGlobal(symTlsAlign, tlsAlign);
  // PIC code linked into a module: memory starts at 0, the table at its base.
  setGlobal(symMemoryBase, 0);
  setGlobal(symTableBase, opts.tableBase);
  if (symTableBase && syms[symTableBase].kind == SymKind::Data) syms[symTableBase].address = opts.tableBase;
  outSegs = std::move(segs);
  if (opts.importMemory) {
    OutImport oi;
    oi.kind = ExternKind::Memory;
    oi.module = strings_.intern(opts.importMemoryModule);
    oi.field = strings_.intern(opts.importMemoryName);
    oi.limits.min = memoryPages;
    oi.limits.max = maxMemoryPages;
    oi.limits.flags = hasMaxMemory ? kLimitsHasMax : 0;
    imports.push_back(oi);
  }
}

void Linker::layoutCustomSections() {
  std::unordered_map<uint32_t, uint32_t> byName;
  customOffset.resize(units.size());
  for (uint32_t ui = 0; ui < units.size(); ++ui) {
    const Unit& u = *units[ui];
    customOffset[ui].assign(u.customs.size(), kNone);
    for (uint32_t c = 0; c < u.customs.size(); ++c) {
      if (discardedCustom[ui][c]) continue;
      std::string_view n = strings_.str(u.customs[c].name);
      bool debug = n.starts_with(".debug_");
      // --strip-all and --strip-debug drop DWARF only; other input custom
      // sections stay (wasm-ld; --keep-section does not bring DWARF back).
      if (debug && (opts.stripAll || opts.stripDebug)) continue;
      auto [it, inserted] = byName.emplace(u.customs[c].name.v, uint32_t(outCustoms.size()));
      if (inserted) {
        OutCustom oc;
        oc.name = u.customs[c].name;
        oc.isDebug = debug;
        outCustoms.push_back(oc);
      }
      OutCustom& oc = outCustoms[it->second];
      oc.parts.push_back({ui, c});
      oc.partOffset.push_back(oc.size);
      customOffset[ui][c] = oc.size;
      oc.size += uint32_t(u.customs[c].bytes.size());
      if (debug) keepDebug = true;
    }
  }
  // .debug_str holds NUL-terminated strings only: keep each once.
  customMerge.resize(units.size());
  for (uint32_t ui = 0; ui < units.size(); ++ui) customMerge[ui].assign(units[ui]->customs.size(), kNone);
  for (OutCustom& oc : outCustoms) {
    if (opts.optimize < 1 || strings_.str(oc.name) != ".debug_str") continue;
    bool ok = true;
    for (auto [ui, c] : oc.parts) ok &= units[ui]->customs[c].relocs.size() == 0;
    if (!ok) continue;
    StringMerger merger;
    size_t firstMap = merges.size();
    for (size_t k = 0; k < oc.parts.size(); ++k) {
      auto [ui, c] = oc.parts[k];
      MergeMap m;
      if (!mergeStrings(merger, ui, units[ui]->customs[c].bytes, units[ui]->customs[c].fileOffset, m)) return;
      customMerge[ui][c] = uint32_t(merges.size());
      merges.push_back(std::move(m));
      customOffset[ui][c] = 0;
      oc.partOffset[k] = 0;
    }
    finishMergeImpl(merges, merger, firstMap, oc.merged);
    oc.isMerged = true;
    oc.size = uint32_t(oc.merged.size());
  }
}

void Linker::fillGotEntries() {
  for (const GotEntry& e : got) {
    const Symbol& s = units[e.unit]->symbols[e.sym];
    uint64_t v = 0;
    if (s.kind == SymKind::Function) {
      uint32_t f = funcIndexOf(e.unit, e.sym);
      v = f == kNone || f >= tableSlot.size() ? 0 : tableSlot[f];
    } else {
      dataAddressOf(e.unit, e.sym, v);
    }
    std::vector<uint8_t>& init = outGlobals[e.global - numGlobalImports].init;
    init = {0x41};
    appendSleb(init, int64_t(int32_t(uint32_t(v))));
    init.push_back(0x0b);
  }
}

void Linker::computeExports() {
  std::unordered_map<uint32_t, std::string> seen;  // export name -> what
  auto add = [&](StrId name, ExternKind kind, uint32_t index, const std::string& what) {
    auto [it, inserted] = seen.emplace(name.v, what);
    if (!inserted) {
      error("duplicate export name: " + std::string(strings_.str(name)) + "\n>>> exported by " + it->second +
            "\n>>> exported by " + what);
      return;
    }
    exports.push_back({name, kind, index});
  };
  if (!opts.importMemory || opts.exportMemoryExplicit)
    add(strings_.intern(opts.exportMemory.value_or("memory")), ExternKind::Memory, 0, "--export-memory");
  if (opts.exportTable && needTable)
    add(strings_.intern("__indirect_function_table"), ExternKind::Table, tableOutIndex, "--export-table");
  for (GSymId id(0); id.v < syms.size(); ++id.v) {
    GSym& g = syms[id];
    if (g.state != GSym::Defined || !g.live) continue;
    if (id == symTable) continue;
    bool exported = g.forceExport || (g.flags & kSymExported) || opts.exportAll ||
                    (opts.exportDynamic && !(g.flags & kSymHidden));
    if (!exported) continue;
    std::string what = symName(g) + " in " + defName(g);
    switch (g.kind) {
      case SymKind::Function: {
        uint32_t fi = g.origin == GSym::FromUnit
                          ? funcOut[g.unit][units[g.unit]->symbols[g.sym].index - units[g.unit]->funcImports.size()]
                          : (g.synth != kNone ? synthFuncs[g.synth].outIndex : kNone);
        if (g.wrapper != kNone) fi = synthFuncs[g.wrapper].outIndex;
        if (fi == kNone) break;
        StrId name = g.name;
        if (g.origin == GSym::FromUnit && units[g.unit]->symbols[g.sym].exportName.valid())
          name = units[g.unit]->symbols[g.sym].exportName;
        add(name, ExternKind::Func, fi, what);
        break;
      }
      case SymKind::Global: {
        if (g.origin == GSym::FromLinker && !g.forceExport) break;  // never __stack_pointer by default
        uint32_t gi = g.origin == GSym::FromUnit ? globalIndexOf(g.unit, g.sym) : g.outIndex;
        if (gi != kNone) add(g.name, ExternKind::Global, gi, what);
        break;
      }
      case SymKind::Data: {
        uint64_t addr = 0;
        if (g.origin == GSym::FromUnit) dataAddressOf(g.unit, g.sym, addr);
        else addr = g.address;
        OutGlobal og;
        og.type = ValType::I32;
        og.mut = false;
        og.init.push_back(0x41);
        appendSleb(og.init, int64_t(int32_t(uint32_t(addr))));
        og.init.push_back(0x0b);
        og.name = g.name;
        uint32_t gi = numGlobalImports + uint32_t(outGlobals.size());
        outGlobals.push_back(std::move(og));
        add(g.name, ExternKind::Global, gi, what);
        break;
      }
      case SymKind::Table:
        if (g.origin == GSym::FromUnit) add(g.name, ExternKind::Table, tableIndexOf(g.unit, g.sym), what);
        break;
      default: break;
    }
  }
}

}  // namespace toyc::link
