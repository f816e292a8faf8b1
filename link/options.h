// Everything a link is asked to do, spelled as wasm-ld spells it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace toyc::link {

// One command-line input, in order: a file, `-l` name, or a state change.
struct InputSpec {
  enum Kind { File, Library, WholeArchiveOn, WholeArchiveOff, StartLib, EndLib } kind = File;
  std::string value;
};

enum class UnresolvedPolicy { ReportError, Warn, Ignore, ImportDynamic };

struct LinkOptions {
  std::vector<InputSpec> inputs;
  std::vector<std::string> searchPaths;
  std::string output = "a.out";

  std::optional<std::string> entry;  // unset = _start
  bool noEntry = false;
  std::vector<std::string> exports, exportsIfDefined, undefined;
  std::vector<std::string> wrap;  // --wrap=sym: sym -> __wrap_sym, __real_sym -> sym
  bool exportAll = false, exportDynamic = false;
  bool allowUndefined = false, importUndefined = false;
  UnresolvedPolicy unresolved = UnresolvedPolicy::ReportError;
  std::vector<std::string> allowUndefinedSymbols;  // from --allow-undefined-file and .imports

  uint64_t stackSize = 65536;
  bool stackFirst = false;
  std::optional<uint64_t> globalBase, initialMemory, maxMemory, initialHeap;
  bool noGrowableMemory = false;
  bool importMemory = false;
  std::string importMemoryModule = "env", importMemoryName = "memory";
  std::optional<std::string> exportMemory;  // name; set by default unless importing
  bool exportMemoryExplicit = false;
  bool importTable = false, exportTable = false, growableTable = false;
  uint32_t tableBase = 1;

  bool gcSections = true, printGcSections = false;
  bool mergeDataSegments = true;
  unsigned optimize = 1;  // -O: 0 turns string merging off
  bool stripAll = false, stripDebug = false;
  std::vector<std::string> keepSections;
  bool checkFeatures = true;
  std::optional<std::vector<std::string>> features;
  std::vector<std::string> extraFeatures;
  bool fatalWarnings = false;
  bool compactLebs = true;  // minimal relocated LEBs unless debug info needs stable offsets
  unsigned threads = 0;
  bool verbose = false;
  bool trace = false;                     // -t: print each input as it is loaded
  std::vector<std::string> traceSymbols;  // -y: where these are referenced and defined
  std::string whyExtract;                 // --why-extract=<file>: why each member was loaded
};

}  // namespace toyc::link
