// The integrated linker. Linker::run() reads like the list of its phases;
// each phase lives in its own file:
//   input.cpp      files, archives and lazy extraction
//   resolve.cpp    the symbol table and its resolution rules
//   synthetic.cpp  linker-defined symbols and functions
//   mark_live.cpp  garbage collection from the roots
//   layout.cpp     index spaces, memory and table layout, exports
//   code.cpp       decoding, checking and relocating function bodies
//   relocate.cpp   relocation values, data and custom sections
//   writer.cpp     the output module
//   features.cpp   target_features and producers
#pragma once
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>
#include "link/archive.h"
#include "link/options.h"
#include "link/unit.h"
#include "utils/file_io.h"
#include "utils/intern.h"

namespace toyc::link {

constexpr uint32_t kNone = UINT32_MAX;

struct GSymTag;
using GSymId = Idx<GSymTag>;

// A global (non-local) symbol: one per name, updated in place as resolution
// proceeds.
struct GSym {
  enum State : uint8_t { Undefined, Lazy, Defined };
  enum Origin : uint8_t { FromUnit, FromLinker };
  StrId name;
  SymKind kind = SymKind::Function;
  State state = Undefined;
  Origin origin = FromUnit;
  bool strongRef = false;      // referenced by at least one non-weak undefined symbol
  bool forceExport = false;    // --export, the entry
  bool exportIfDefined = false;
  bool live = false;
  bool usedInRegular = false;
  uint32_t flags = 0;          // flags of the definition, or of the first reference
  uint32_t unit = kNone, sym = kNone;        // definition (or lazy: archive, member)
  uint32_t refUnit = kNone, refSym = kNone;  // first reference, for diagnostics and imports
  uint32_t synth = kNone;      // linker-made definition: index into synthetic tables
  uint32_t outIndex = kNone;   // output function/global/table index once assigned
  uint64_t address = 0;        // linker-defined data symbols
  uint32_t wrapper = kNone;    // its .command_export wrapper (a synthetic function)
};

// How a unit's symbol is resolved.
struct SymRef {
  enum Kind : uint8_t { Local, Global, Stub } kind = Local;
  uint32_t id = 0;  // GSym id, or stub function index
};

// A function in the output's function index space.
struct OutFunc {
  enum Kind : uint8_t { Import, Atom, Synthetic } kind;
  uint32_t unit = kNone, index = kNone;  // Atom: unit + defined-function index; Synthetic: synth index
  uint32_t type = 0;                     // output type index
  GSymId sym;                            // imports and synthetics
};

struct OutImport {
  StrId module, field;
  wasm::ExternKind kind;
  uint32_t type = 0;  // functions: output type
  ValType valType = ValType::I32;
  bool mut = false;
  Limits limits;
};

struct OutGlobal {
  ValType type = ValType::I32;
  bool mut = false;
  std::vector<uint8_t> init;  // constant expression with final indices
  StrId name;
};

struct OutSegment {
  StrId name;
  uint32_t alignLog2 = 0;
  uint64_t addr = 0, size = 0;
  bool bss = false, tls = false, passive = false;
  std::vector<std::pair<uint32_t, uint32_t>> parts;  // (unit, segment)
  // Mergeable string segments (STRINGS flag, alignment 1) are deduplicated
  // into one block placed where the first of them would have gone.
  std::vector<uint8_t> merged;
  uint64_t mergedAddr = 0;
};

// Where each NUL-terminated string of a merged input went.
struct MergeMap {
  std::vector<uint32_t> inOff, outOff;
  uint64_t map(uint64_t off) const;
};

// Collects the strings of several merged inputs, then lays them out once,
// sharing tails: a string that ends another one ("short" in "unsigned
// short") takes no space of its own.
class StringMerger {
public:
  // Splits `in` into strings; false if it does not end with a NUL.
  bool add(Bytes in, MergeMap& map, size_t& badOffset);
  // Writes the merged block and turns the maps' string ids into offsets.
  void finish(std::vector<uint8_t>& out, std::span<MergeMap*> maps);

private:
  std::unordered_map<std::string_view, uint32_t> ids_;
  std::vector<std::string_view> strs_;
};

struct OutCustom {
  std::vector<uint8_t> merged;  // .debug_str with duplicate strings removed
  bool isMerged = false;
  StrId name;
  std::vector<std::pair<uint32_t, uint32_t>> parts;  // (unit, custom atom)
  std::vector<uint32_t> partOffset;
  uint32_t size = 0;
  bool isDebug = false;
};

struct OutExport {
  StrId name;
  wasm::ExternKind kind;
  uint32_t index;
};

// Functions the linker writes itself.
struct SynthFunc {
  enum Kind : uint8_t { CallCtors, Trap, CommandExport, InitMemory } kind;
  StrId name;
  FuncType type;
  std::vector<uint8_t> body;  // filled after layout
  GSymId sym;
  bool live = false;
  uint32_t outIndex = UINT32_MAX;
};

struct InputFileState {
  std::unique_ptr<MappedFile> file;
  std::unique_ptr<Archive> archive;
};

class Linker {
public:
  explicit Linker(LinkOptions opts);
  ~Linker();
  // Runs the whole link; returns false after reporting errors.
  bool run();

  // For in-memory frontends: units added before run() are linked first, in
  // the order added, ahead of the command line's inputs. Their names must be
  // interned in strings().
  void addUnit(std::unique_ptr<Unit> u) { pendingUnits_.push_back(std::move(u)); }

  // For in-memory frontends: add a unit before run().
  void insertUnit(std::unique_ptr<Unit> u, bool lazy);
  Interner& strings() { return strings_; }

  // --- state shared between phases (public for the phase files) ---
  LinkOptions opts;
  Interner strings_;
  std::vector<std::unique_ptr<InputFileState>> files;
  std::vector<std::unique_ptr<Unit>> units;
  std::vector<std::vector<SymRef>> symRefs;  // [unit][symbol]
  // A unit is live when it was named on the command line, or once one of
  // its definitions is used (archive members); its init functions and
  // RETAIN segments are live with it.
  std::vector<uint8_t> unitLive;
  GSymId symCallDtors;  // __wasm_call_dtors from libc, called by command export wrappers
  // __start_<name>/__stop_<name> for segments named like C identifiers.
  struct StartStop {
    GSymId sym;
    StrId segment;
    bool stop;
  };
  std::vector<StartStop> startStop;
  std::vector<std::vector<bool>> discardedFunc, discardedSeg, discardedCustom;

  IdxVec<GSymId, GSym> syms;
  std::vector<uint32_t> symByName;  // StrId -> GSym id
  std::unordered_map<uint32_t, uint32_t> comdatOwner;  // comdat name -> unit

  std::vector<SynthFunc> synthFuncs;
  // Linker-defined symbols, by role.
  GSymId symStackPointer, symCallCtors, symTable, symHeapBase, symHeapEnd, symDataEnd, symGlobalBase,
      symDsoHandle, symStackLow, symStackHigh, symMemoryBase, symTableBase, symTlsBase, symTlsSize, symTlsAlign;

  // Liveness.
  std::vector<std::vector<uint8_t>> funcLive, segLive, globalLive, tableLive, tagLive;

  // Output.
  std::vector<FuncType> outTypes;
  std::unordered_map<std::string, uint32_t> typeIndex;
  std::vector<std::vector<uint32_t>> typeOut;    // [unit][type]
  std::vector<OutImport> imports;
  uint32_t numFuncImports = 0, numGlobalImports = 0, numTableImports = 0;
  std::vector<OutFunc> outFuncs;                 // imports first
  std::vector<std::vector<uint32_t>> funcOut;    // [unit][defined func] -> output index
  std::vector<OutGlobal> outGlobals;             // defined globals (after imported ones)
  std::vector<std::vector<uint32_t>> globalOut;  // [unit][global index] -> output index
  std::vector<std::vector<uint32_t>> tableOut;   // [unit][table index] -> output index
  std::vector<uint32_t> tableSlot;               // output func index -> slot (0 = none)
  std::vector<uint32_t> tableElems;              // slot - tableBase -> output func index
  uint32_t tableOutIndex = kNone;
  bool needTable = false;
  std::vector<OutSegment> outSegs;
  std::vector<std::vector<uint64_t>> segAddr;    // [unit][segment]
  std::vector<OutCustom> outCustoms;
  std::vector<std::vector<uint32_t>> customOffset;  // [unit][custom] -> offset in its output section
  std::vector<MergeMap> merges;
  std::vector<std::vector<uint32_t>> segMerge, customMerge;  // [unit][atom] -> index in merges, or kNone
  std::vector<OutExport> exports;
  uint64_t memoryPages = 0, maxMemoryPages = 0;
  bool hasMaxMemory = false;
  uint64_t stackPointerValue = 0;
  uint32_t initMemoryFunc = kNone;
  // GOT entries: PIC code reads data addresses and function table slots
  // from globals; in a non-PIC link they become constant globals.
  struct GotEntry {
    uint32_t unit, sym;  // a (unit, symbol) naming the target
    uint32_t global;     // output global index
  };
  std::vector<GotEntry> got;
  std::unordered_map<uint64_t, uint32_t> gotIndex;  // gotKey -> output global index
  uint64_t gotKey(uint32_t unit, uint32_t sym) const {
    SymRef r = symRefs[unit][sym];
    return r.kind == SymRef::Global ? (uint64_t(1) << 63) | r.id : (uint64_t(unit) << 32) | sym;
  }
  void fillGotEntries();  // synthetic __wasm_init_memory: zero-fills .bss in imported memory
  bool keepDebug = false;  // debug sections are written: relocated code keeps its 5-byte LEBs
  std::vector<std::string> outFeatures;  // '+name'
  std::vector<Producer> outProducers;

  // Code: per-function output bytes, and offsets in the code section.
  std::vector<std::vector<uint8_t>> codeBodies;  // index: output func - numFuncImports
  std::vector<uint32_t> codeOffset;              // body start (after size) in the code payload

  // --- phases ---
  bool loadInputs();
  bool openInput(const std::string& path, std::unique_ptr<MappedFile> file, const std::string& err, bool wholeArchive,
                 bool lazyObjects, uint32_t& fileIdx, bool& isArchive);
  void addLazySymbols(uint32_t fileIdx);
  // `why` names what asked for the member: a unit index, or kNone for the
  // command line (-u, the entry, --export).
  void extractLazy(GSym& s, uint32_t why = kNone);
  void traceUnit(uint32_t unit);
  void writeWhyExtract();
  void drainLazy();
  void resolveUnit(uint32_t unit);
  void createSyntheticSymbols();
  void defineOptionalSymbols();
  void defineStartStopSymbols();
  void pullRequiredSymbols();
  void handleEntryAndExports();
  void checkSignatures();
  void markLive();
  void createCommandExportWrappers();
  bool needsCommandExports() const;
  void reportUndefined();
  void addTrapStub(GSymId id, const std::string& name, const FuncType& type);
  bool checkFeatures();
  void mergeProducers();
  void assignTypes();
  void assignFunctions();
  void assignGlobals();
  void layoutTable();
  void layoutMemory();
  void layoutCustomSections();
  // Adds one input to a string merger (wasm-ld -O1, the default); reports
  // an input that does not end with a NUL.
  bool mergeStrings(StringMerger& m, uint32_t unit, Bytes in, uint64_t fileOffset, MergeMap& map);
  void buildSynthetics();
  void computeExports();
  bool relocateCode();
  std::vector<uint8_t> writeModule();

  // --- helpers ---
  GSymId lookup(StrId name) const {
    return name.v < symByName.size() && symByName[name.v] != kNone ? GSymId(symByName[name.v]) : GSymId();
  }
  GSymId lookupOrCreate(StrId name, SymKind kind, bool& created);
  GSymId addSynthetic(std::string_view name, SymKind kind, uint32_t flags);
  std::string symName(const GSym& s) const { return std::string(strings_.str(s.name)); }
  std::string unitName(uint32_t u) const { return u < units.size() ? units[u]->name : "<internal>"; }
  std::string defName(const GSym& s) const {
    return s.origin == GSym::FromLinker ? "<internal>" : s.state == GSym::Lazy ? lazyName(s) : unitName(s.unit);
  }
  std::string lazyName(const GSym& s) const;
  uint32_t internType(const FuncType& t);
  uint32_t unitFuncTypeIndex(const Unit& u, uint32_t funcIndex) const {
    return funcIndex < u.funcImports.size() ? u.funcImports[funcIndex].type
                                            : u.funcs[funcIndex - u.funcImports.size()].type;
  }
  const FuncType& unitFuncType(const Unit& u, uint32_t funcIndex) const {
    return u.types[funcIndex < u.funcImports.size() ? u.funcImports[funcIndex].type
                                                    : u.funcs[funcIndex - u.funcImports.size()].type];
  }

  // Where a unit symbol ends up in the output. kNone when it has no place
  // (an undefined weak function, a dead or discarded definition).
  uint32_t funcIndexOf(uint32_t unit, uint32_t sym) const {
    return symFunc_.empty() ? funcIndexSlow(unit, sym) : symFunc_[unit][sym];
  }
  uint32_t funcIndexSlow(uint32_t unit, uint32_t sym) const;
  // Resolves every unit symbol's function index (after assignFunctions) and
  // data address (after layoutMemory) once, so that relocating does not
  // chase symbols per relocation.
  void cacheFunctionIndices();
  void cacheDataAddresses();
  uint32_t globalIndexOf(uint32_t unit, uint32_t sym) const;
  uint32_t tableIndexOf(uint32_t unit, uint32_t sym) const;
  // Address of a data symbol; false when undefined (value 0).
  bool dataAddressOf(uint32_t unit, uint32_t sym, uint64_t& addr) const {
    if (symAddr_.empty()) return dataAddressSlow(unit, sym, addr);
    addr = symAddr_[unit][sym];
    if (addr != kNoAddress) return true;
    addr = 0;
    return false;
  }
  bool dataAddressSlow(uint32_t unit, uint32_t sym, uint64_t& addr) const;
  static constexpr uint64_t kNoAddress = UINT64_MAX;
  bool funcIndexLive(uint32_t unit, uint32_t sym) const;
  // The value a relocation resolves to. In custom sections (DWARF) a target
  // that is not in the output gives a tombstone; `place` is the address of
  // the patched field (for LOCREL relocations).
  uint64_t relocValue(uint32_t unit, const Reloc& r, bool inCustom, StrId customName, uint64_t place) const;

private:
  std::vector<std::pair<uint32_t, uint32_t>> pendingLazy_;
  std::vector<std::unique_ptr<Unit>> pendingUnits_;
  std::unordered_map<uint32_t, StrId> wrapRename_;
  std::vector<std::string> whyExtractLines_;
  std::vector<std::pair<uint32_t, uint32_t>> lazyWhy_;  // parallel to pendingLazy_: (unit, symbol name)  // --wrap: undefined name -> the name it resolves to
  std::vector<std::vector<uint32_t>> symFunc_;  // [unit][symbol] -> output function index
  std::vector<std::vector<uint64_t>> symAddr_;  // [unit][symbol] -> address, or kNoAddress
};

}  // namespace toyc::link
