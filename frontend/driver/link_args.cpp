#include "frontend/driver/link_args.h"
#include <CLI/CLI.hpp>
#include <cstdio>
#include <map>
#include "frontend/driver/response_file.h"
#include "utils/diag.h"
#include "utils/file_io.h"
#include "utils/log.h"

namespace toyc::driver {

using link::InputSpec;
using link::LinkOptions;
using link::UnresolvedPolicy;

static bool parseInt(const std::string& s, uint64_t& v) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  unsigned long long x = std::strtoull(s.c_str(), &end, 0);
  if (errno || *end || s[0] == '-') return false;
  v = x;
  return true;
}

// Long options wasm-ld also accepts with a single dash.
static const char* const kLongOptions[] = {
    "allow-undefined", "allow-undefined-file", "check-features", "color-diagnostics", "compress-relocations",
    "demangle", "end-lib", "entry", "error-limit", "error-unresolved-symbols", "export", "export-all",
    "export-dynamic", "export-if-defined", "export-memory", "export-table", "extra-features", "fatal-warnings",
    "features", "gc-sections", "global-base", "growable-table", "help", "import-memory", "import-table",
    "import-undefined", "initial-heap", "initial-memory", "keep-section", "library", "library-path",
    "max-memory", "merge-data-segments", "no-check-features", "no-color-diagnostics", "no-demangle",
    "no-entry", "no-export-dynamic", "no-gc-sections", "no-growable-memory", "no-merge-data-segments",
    "no-whole-archive", "output", "print-gc-sections", "stack-first", "start-lib", "strip-all", "strip-debug",
    "table-base", "threads", "undefined", "unresolved-symbols", "verbose", "version", "warn-unresolved-symbols",
    "whole-archive", "wrap", "trace", "trace-symbol", "why-extract", "Bstatic", "Bdynamic", "static", "shared", "pie", "no-pie", "relocatable", "emit-relocs",
    "log", "no-compact-lebs", "no-fatal-warnings", "Map", "print-map", "reproduce",
};

// Rewrites what CLI11 would misread: one-dash long options, options whose
// value is optional, and `--opt=` with an empty value (CLI11 would take the
// next argument as the value; wasm-ld takes the empty string).
static std::vector<std::string> normalize(std::vector<std::string> args, std::optional<std::string>& exportMemoryName,
                                          bool& exportMemory, std::optional<std::string>& importMemory,
                                          std::vector<std::string>& emptyValued) {
  std::vector<std::string> out;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string a = args[i];
    if (a.size() > 3 && a.rfind("--", 0) == 0 && a.back() == '=' && a.find('=') == a.size() - 1) {
      emptyValued.push_back(a.substr(2, a.size() - 3));
      continue;
    }
    if (a.size() > 2 && a[0] == '-' && a[1] != '-') {
      std::string name = a.substr(1, a.find('=') == std::string::npos ? std::string::npos : a.find('=') - 1);
      for (const char* l : kLongOptions)
        if (name == l) {
          a = "-" + a;
          break;
        }
    }
    // Options whose value is optional and may only be joined.
    if (a == "--export-memory") {
      exportMemory = true;
      continue;
    }
    if (a.rfind("--export-memory=", 0) == 0) {
      exportMemory = true;
      exportMemoryName = a.substr(16);
      continue;
    }
    if (a == "--import-memory") {
      importMemory = "";
      continue;
    }
    if (a.rfind("--import-memory=", 0) == 0) {
      importMemory = a.substr(16);
      continue;
    }
    out.push_back(a);
  }
  return out;
}

LinkArgsResult parseLinkArgs(std::vector<std::string> args, bool wasmLdMode, LinkOptions& o, bool inputsOptional) {
  std::string err;
  if (!expandResponseFiles(args, err)) {
    error(err);
    return LinkArgsResult::Error;
  }
  std::optional<std::string> exportMemoryName, importMemory;
  bool exportMemory = false;
  std::vector<std::string> emptyValued;
  args = normalize(std::move(args), exportMemoryName, exportMemory, importMemory, emptyValued);

  CLI::App app{"toyc link: links wasm objects and archives into a module (wasm-ld compatible options)",
               wasmLdMode ? "wasm-ld" : "toyc link"};
  app.set_help_flag("-h,--help", "Print this help");
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.allow_windows_style_options(false);
  app.allow_extras(true);  // unknown options are reported below, one per line, in order

  std::vector<std::string> inputs, libs, exports, exportsIfDefined, undef, zopts, keep, searchPaths;
  std::string output, entry, unresolved, mEmul, features, extraFeatures, allowUndefFile, logScopes,
              colorDiag, optLevel;
  std::string initialMemory, maxMemory, globalBase, tableBase, initialHeap, errorLimit, threads;
  bool noEntry = false, exportAll = false, exportDynamic = false, noExportDynamic = false, allowUndefined = false,
       importUndefined = false, importTable = false, exportTable = false, growableTable = false, stackFirst = false,
       gcSections = false, noGcSections = false, printGc = false, mergeSegs = false, noMergeSegs = false,
       stripAll = false, stripDebug = false, checkF = false, noCheckF = false, fatalWarnings = false,
       noFatalWarnings = false, version = false, verbose = false, noGrowableMemory = false, warnUnresolved = false,
       errorUnresolved = false, noColor = false, noCompact = false, ignored = false;
  bool wholeOn = false, wholeOff = false, startLib = false, endLib = false;

  auto* inOpt = app.add_option("inputs", inputs, "Input objects and archives");
  auto* lOpt = app.add_option("-l,--library", libs, "Search for lib<name>.a")->allow_extra_args(false);
  auto* waOn = app.add_flag("--whole-archive", wholeOn, "Include every member of the archives that follow");
  auto* waOff = app.add_flag("--no-whole-archive", wholeOff, "Back to lazy archive members");
  auto* slOpt = app.add_flag("--start-lib", startLib, "Start a group of lazy objects (accepted; objects load eagerly)");
  auto* elOpt = app.add_flag("--end-lib", endLib, "End a --start-lib group");
  for (auto* opt : {inOpt, lOpt}) opt->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  for (auto* opt : {waOn, waOff, slOpt, elOpt}) opt->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("-L,--library-path", searchPaths, "Add a directory to the library search path")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->allow_extra_args(false);
  app.add_option("-o,--output", output, "Path of the output module");
  app.add_option("-e,--entry", entry, "Name of the entry point symbol (default _start)");
  app.add_flag("--no-entry", noEntry, "Do not require an entry point");
  app.add_option("--export", exports, "Force a symbol to be exported")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->allow_extra_args(false);
  std::vector<std::string> wraps, traceSyms;
  bool traceInputs = false;
  std::string whyExtract;
  app.add_flag("-t,--trace", traceInputs, "Print the name of each input file as it is loaded");
  app.add_option("-y,--trace-symbol", traceSyms, "Print where the symbol is referenced and defined")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->allow_extra_args(false);
  app.add_option("--why-extract", whyExtract, "Write why each archive member was loaded to this file (- for stdout)");
  app.add_option("--wrap", wraps, "Use __wrap_<symbol> for <symbol>, and <symbol> for __real_<symbol>")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->allow_extra_args(false);
  app.add_option("--export-if-defined", exportsIfDefined, "Export a symbol if it is defined")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->allow_extra_args(false);
  app.add_flag("--export-all", exportAll, "Export every defined symbol");
  auto* expDynOpt = app.add_flag("-E,--export-dynamic", exportDynamic, "Export every non-hidden symbol");
  auto* noExpDynOpt = app.add_flag("--no-export-dynamic", noExportDynamic, "Do not export non-hidden symbols (default)");
  app.add_flag("--export-table", exportTable, "Export the function table as __indirect_function_table");
  app.add_flag("--import-table", importTable, "Import the function table from env.__indirect_function_table");
  app.add_flag("--growable-table", growableTable, "Do not give the function table a maximum size");
  app.add_flag("--allow-undefined", allowUndefined, "Import undefined functions from env instead of failing");
  app.add_option("--allow-undefined-file", allowUndefFile, "File of symbols that may stay undefined");
  app.add_flag("--import-undefined", importUndefined, "Import undefined functions where possible");
  app.add_option("--unresolved-symbols", unresolved, "report-all, ignore-all or import-dynamic");
  app.add_flag("--warn-unresolved-symbols", warnUnresolved, "Report unresolved symbols as warnings");
  app.add_flag("--error-unresolved-symbols", errorUnresolved, "Report unresolved symbols as errors");
  app.add_option("-u,--undefined", undef, "Force a symbol to be undefined (pulls it from archives)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->allow_extra_args(false);
  app.add_option("-z", zopts, "-z stack-size=<bytes>")->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->allow_extra_args(false);
  app.add_option("-i,--initial-memory", initialMemory, "Initial size of the memory in bytes");
  app.add_option("--max-memory", maxMemory, "Maximum size of the memory in bytes");
  app.add_flag("--no-growable-memory", noGrowableMemory, "Make the maximum memory equal to the initial memory");
  app.add_option("--initial-heap", initialHeap, "Initial heap size in bytes (accepted, not used)");
  app.add_option("--global-base", globalBase, "Address where static data starts (default 1024)");
  app.add_option("--table-base", tableBase, "First function table slot (default 1)");
  app.add_flag("--stack-first", stackFirst, "Place the stack before static data");
  auto* gcOpt = app.add_flag("--gc-sections", gcSections, "Remove unused functions and data (default)");
  auto* noGcOpt = app.add_flag("--no-gc-sections", noGcSections, "Keep everything the inputs define");
  app.add_flag("--print-gc-sections", printGc, "List what garbage collection removes");
  auto* mergeOpt = app.add_flag("--merge-data-segments", mergeSegs, "Merge .data.*, .rodata.*, .bss.* (default)");
  auto* noMergeOpt = app.add_flag("--no-merge-data-segments", noMergeSegs, "Keep input data segments apart");
  app.add_option("-O", optLevel, "Optimization level (accepted)");
  app.add_flag("-s,--strip-all", stripAll, "Strip all custom sections");
  app.add_flag("-S,--strip-debug", stripDebug, "Strip debug sections");
  app.add_option("--keep-section", keep, "Keep this custom section under --strip-all")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->allow_extra_args(false);
  app.add_option("--features", features, "Comma-separated feature list of the output");
  app.add_option("--extra-features", extraFeatures, "Features to add to those the inputs use");
  auto* checkOpt = app.add_flag("--check-features", checkF, "Check feature compatibility (default)");
  auto* noCheckOpt = app.add_flag("--no-check-features", noCheckF, "Do not check feature compatibility");
  auto* fatalOpt = app.add_flag("--fatal-warnings", fatalWarnings, "Treat warnings as errors");
  auto* noFatalOpt = app.add_flag("--no-fatal-warnings", noFatalWarnings, "Do not treat warnings as errors (default)");
  bool compressRelocs = false, unsupported = false;
  app.add_flag("--compress-relocations", compressRelocs, "Accepted: toyc always writes compact relocated LEBs");
  auto* unsupportedOpt = app.add_flag("--shared,--pie,--no-pie,--experimental-pic,-r,--relocatable,--emit-relocs,"
                                      "--shared-memory,--Bsymbolic",
                                      unsupported, "Not supported yet (PIC, relocatable output, threads)");
  app.add_option("--error-limit", errorLimit, "Errors to report before stopping (0: no limit)");
  app.add_option("--color-diagnostics", colorDiag, "Colour diagnostics: auto, always or never")->expected(0, 1);
  app.add_flag("--no-color-diagnostics", noColor, "No colour in diagnostics");
  app.add_option("-m", mEmul, "Emulation: wasm32");
  app.add_option("--threads", threads, "Number of threads");
  app.add_flag("--verbose", verbose, "Log the phases of the link");
  app.add_option("--log", logScopes, "Log scopes: link,input,resolve,gc,layout,write,time or all");
  app.add_flag("--no-compact-lebs", noCompact, "Keep relocated LEBs 5 bytes wide, as wasm-ld writes them");
  app.add_flag("--demangle,--no-demangle,--Bstatic,--Bdynamic,--static", ignored, "Accepted for compatibility");
  if (wasmLdMode) app.add_flag("-v,--version", version, "Print the version and exit");
  else {
    app.add_flag("--version", version, "Print the version and exit");
    app.add_flag("-v", verbose, "Verbose logging");
  }

  std::vector<std::string> rev(args.rbegin(), args.rend());
  try {
    app.parse(rev);
  } catch (const CLI::CallForHelp&) {
    std::printf("%s", app.help().c_str());
    return LinkArgsResult::Exit0;
  } catch (const CLI::ParseError& e) {
    std::string msg = e.what();
    error(msg);
    return LinkArgsResult::Error;
  }
  // Unknown options, one line each, in command-line order (as wasm-ld).
  bool unknown = false;
  for (const std::string& r : app.remaining()) {
    error("unknown argument: " + r);
    unknown = true;
  }
  if (unknown) return LinkArgsResult::Error;
  if (unsupported) {
    for (const std::string& a : args)
      if (unsupportedOpt->check_name(a.substr(0, a.find('=')))) {
        error(a + " is not supported yet (shared libraries, PIC, relocatable output and shared memory are not implemented)");
        return LinkArgsResult::Error;
      }
  }
  if (version) {
    std::printf("toyc %s (compatible with wasm-ld 19)\n", TOYC_VERSION);
    return LinkArgsResult::Exit0;
  }

  // Ordered inputs: walk the parse order, taking each option's next result.
  std::map<const CLI::Option*, size_t> cursor;
  for (const CLI::Option* op : app.parse_order()) {
    size_t k = cursor[op]++;
    if (op == inOpt) o.inputs.push_back({InputSpec::File, op->results()[k]});
    else if (op == lOpt) o.inputs.push_back({InputSpec::Library, op->results()[k]});
    else if (op == waOn) o.inputs.push_back({InputSpec::WholeArchiveOn, ""});
    else if (op == waOff) o.inputs.push_back({InputSpec::WholeArchiveOff, ""});
    else if (op == slOpt) o.inputs.push_back({InputSpec::StartLib, ""});
    else if (op == elOpt) o.inputs.push_back({InputSpec::EndLib, ""});
  }
  // For on/off pairs the last one given wins, as in wasm-ld.
  auto lastWins = [&](const CLI::Option* on, const CLI::Option* off, bool dflt) {
    bool v = dflt;
    for (const CLI::Option* op : app.parse_order()) {
      if (op == on) v = true;
      if (op == off) v = false;
    }
    return v;
  };
  bool ok = true;
  auto bad = [&](const std::string& msg) {
    error(msg);
    ok = false;
  };
  auto number = [&](const std::string& opt, const std::string& v, std::optional<uint64_t>& dst) {
    if (v.empty()) return;
    uint64_t x;
    if (!parseInt(v, x)) return bad("invalid value for " + opt + ": " + v);
    dst = x;
  };
  if (output.empty()) bad("no output file specified");
  o.output = output;
  o.searchPaths = searchPaths;
  if (app.count("--entry")) {
    if (entry.empty()) o.noEntry = true;  // an empty entry means none, as in wasm-ld
    else o.entry = entry;
  }
  o.noEntry = o.noEntry || noEntry;
  o.exports = exports;
  o.exportsIfDefined = exportsIfDefined;
  o.wrap = wraps;
  o.trace = traceInputs;
  o.traceSymbols = traceSyms;
  o.whyExtract = whyExtract;
  o.undefined = undef;
  o.exportAll = exportAll;
  o.exportDynamic = lastWins(expDynOpt, noExpDynOpt, false);
  o.exportTable = exportTable;
  o.importTable = importTable;
  o.growableTable = growableTable;
  if (allowUndefined) {
    o.importUndefined = true;
    o.unresolved = UnresolvedPolicy::Ignore;
  }
  if (importUndefined) o.importUndefined = true;
  if (warnUnresolved) o.unresolved = UnresolvedPolicy::Warn;
  if (errorUnresolved) o.unresolved = UnresolvedPolicy::ReportError;
  if (!unresolved.empty()) {
    if (unresolved == "report-all") o.unresolved = UnresolvedPolicy::ReportError;
    else if (unresolved == "ignore-all") o.unresolved = UnresolvedPolicy::Ignore;
    else if (unresolved == "import-dynamic") o.unresolved = UnresolvedPolicy::ImportDynamic;
    else bad("unknown --unresolved-symbols value: " + unresolved);
  }
  if (!allowUndefFile.empty()) {
    std::string e;
    auto f = MappedFile::open(allowUndefFile, e);
    if (!f) bad("cannot open " + allowUndefFile + ": " + e);
    else {
      std::string_view t(reinterpret_cast<const char*>(f->bytes().data()), f->bytes().size());
      while (!t.empty()) {
        size_t nl = t.find('\n');
        std::string_view line = t.substr(0, nl);
        t = nl == std::string_view::npos ? std::string_view() : t.substr(nl + 1);
        if (size_t h = line.find('#'); h != std::string_view::npos) line = line.substr(0, h);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (!line.empty()) o.allowUndefinedSymbols.emplace_back(line);
      }
    }
  }
  for (const std::string& z : zopts) {
    if (z.rfind("stack-size=", 0) == 0) {
      uint64_t v;
      if (!parseInt(z.substr(11), v)) bad("invalid value for -z stack-size: " + z.substr(11));
      else o.stackSize = v;
    } else {
      warn("unknown -z value: " + z);
    }
  }
  number("--initial-memory", initialMemory, o.initialMemory);
  number("--max-memory", maxMemory, o.maxMemory);
  number("--global-base", globalBase, o.globalBase);
  number("--initial-heap", initialHeap, o.initialHeap);
  std::optional<uint64_t> tb;
  number("--table-base", tableBase, tb);
  if (tb) o.tableBase = uint32_t(*tb);
  if (o.maxMemory && noGrowableMemory) bad("--max-memory is incompatible with --no-growable-memory");
  o.noGrowableMemory = noGrowableMemory;
  o.stackFirst = stackFirst;
  o.gcSections = lastWins(gcOpt, noGcOpt, true);
  o.printGcSections = printGc;
  o.mergeDataSegments = lastWins(mergeOpt, noMergeOpt, true);
  o.stripAll = stripAll;
  o.stripDebug = stripDebug || stripAll;
  o.keepSections = keep;
  o.checkFeatures = lastWins(checkOpt, noCheckOpt, true);
  auto split = [](const std::string& s) {
    std::vector<std::string> v;
    size_t start = 0;
    while (start <= s.size()) {
      size_t c = s.find(',', start);
      std::string item = s.substr(start, c == std::string::npos ? std::string::npos : c - start);
      if (!item.empty()) v.push_back(item);
      if (c == std::string::npos) break;
      start = c + 1;
    }
    return v;
  };
  if (app.count("--features")) o.features = split(features);
  for (const std::string& name : emptyValued) {
    if (name == "entry") o.noEntry = true;
    else if (name == "features") o.features = std::vector<std::string>();
    else if (name == "extra-features" || name == "keep-section" || name == "export" || name == "export-if-defined") {
    } else if (name == "export-memory") {
      exportMemory = true;
      exportMemoryName = "";
    } else bad("option --" + name + "= needs a value");
  }
  o.extraFeatures = split(extraFeatures);
  o.fatalWarnings = lastWins(fatalOpt, noFatalOpt, false);
  if (!mEmul.empty() && mEmul != "wasm32") bad("unsupported emulation: " + mEmul + " (only wasm32)");
  if (!threads.empty()) {
    uint64_t t;
    if (!parseInt(threads, t) || t == 0) bad("--threads: expected a positive integer, got " + threads);
    else o.threads = unsigned(t);
  }
  if (!errorLimit.empty()) {
    uint64_t v;
    if (!parseInt(errorLimit, v)) bad("invalid value for --error-limit: " + errorLimit);
    else Diag::get().setErrorLimit(uint32_t(v));
  }
  if (colorDiag == "always") Diag::get().setColor(true);
  if (noColor || colorDiag == "never") Diag::get().setColor(false);
  Diag::get().setFatalWarnings(o.fatalWarnings);
  if (importMemory) {
    o.importMemory = true;
    if (!importMemory->empty()) {
      // "mod,name"; without a comma the module is named and the field is empty (as wasm-ld).
      size_t c = importMemory->find(',');
      o.importMemoryModule = importMemory->substr(0, c);
      o.importMemoryName = c == std::string::npos ? std::string() : importMemory->substr(c + 1);
    }
  }
  if (exportMemory) {
    o.exportMemoryExplicit = true;
    o.exportMemory = exportMemoryName.value_or("memory");
  }
  if (!optLevel.empty()) {
    uint64_t lvl;
    if (!parseInt(optLevel, lvl)) bad("invalid optimization level: -O" + optLevel);
    else o.optimize = unsigned(lvl);
  }
  o.compactLebs = !noCompact;
  o.verbose = verbose;
  if (verbose) enableAllLogScopes();
  if (!logScopes.empty()) {
    std::string badScope;
    if (!enableLogScopes(logScopes, badScope)) bad("unknown log scope: " + badScope);
  }
  if (o.importTable && o.exportTable) bad("--import-table and --export-table may not be used together");
  if (o.inputs.empty() && ok && !inputsOptional) bad("no input files");
  return ok ? LinkArgsResult::Ok : LinkArgsResult::Error;
}

}  // namespace toyc::driver
