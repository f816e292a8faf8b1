// Input files: objects are loaded at once; archives register their index as
// lazy symbols and a member is loaded only when it defines a symbol that is
// needed (or under --whole-archive).
#include <algorithm>
#include <cstdio>
#include <chrono>
#include "link/linker.h"
#include "link/object_reader.h"
#include "utils/log.h"
#include "utils/parallel.h"

namespace toyc::link {

static std::string findLibrary(const LinkOptions& o, const std::string& name) {
  for (const std::string& dir : o.searchPaths) {
    if (!name.empty() && name[0] == ':') {
      std::string p = dir + "/" + name.substr(1);
      if (fileExists(p)) return p;
      continue;
    }
    std::string p = dir + "/lib" + name + ".a";
    if (fileExists(p)) return p;
  }
  return "";
}

// A `<lib>.imports` file beside an archive lists symbols that may stay
// undefined (they are imported), as wasm-ld reads it.
static void readImportsFile(LinkOptions& o, const std::string& archivePath) {
  std::string p = archivePath;
  if (p.size() > 2 && p.ends_with(".a")) p = p.substr(0, p.size() - 2);
  p += ".imports";
  if (!fileExists(p)) return;
  std::string err;
  auto f = MappedFile::open(p, err);
  if (!f) return;
  std::string_view text(reinterpret_cast<const char*>(f->bytes().data()), f->bytes().size());
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty() && line[0] != '#') o.allowUndefinedSymbols.emplace_back(line);
  }
}

namespace {

// An object to parse: a file, an archive member, or an in-memory unit.
struct ParseJob {
  Bytes data;
  uint64_t base = 0;
  std::string name;
  std::unique_ptr<Unit> unit;
  Error err;
  bool ok = false;
};

// Parsing is independent per object: it runs on every thread, while
// resolution, which decides what else to load, stays in input order.
void parseAll(std::vector<ParseJob>& jobs, Interner& strings) {
  parallelFor(0, jobs.size(), [&](size_t i) {
    ParseJob& j = jobs[i];
    j.unit = std::make_unique<Unit>();
    j.unit->name = j.name;
    if (!isWasmBinary(j.data)) {
      j.err.file = j.name;
      j.err.msg = "not a wasm object file";
      return;
    }
    j.ok = readObject(j.data, j.base, *j.unit, strings, j.err);
  });
}

}  // namespace

bool Linker::loadInputs() {
  // --wrap=sym: undefined references to sym go to __wrap_sym, and those to
  // __real_sym go to sym (as in lld; definitions keep their names).
  for (const std::string& w : opts.wrap) {
    wrapRename_[strings_.intern(w).v] = strings_.intern("__wrap_" + w);
    wrapRename_[strings_.intern("__real_" + w).v] = strings_.intern(w);
  }
  for (auto& u : pendingUnits_) {
    insertUnit(std::move(u), false);
    drainLazy();
  }
  pendingUnits_.clear();

  // Open every input in order and collect what must be parsed now: objects
  // and --whole-archive members. Archives only register their index.
  struct Item {
    uint32_t file = kNone;
    bool archive = false, whole = false;
    size_t firstJob = 0, numJobs = 0;
  };
  std::vector<Item> items;
  std::vector<ParseJob> jobs;
  // Map every input file first, on all threads (open, stat and mmap are
  // system calls; the rest below is serial).
  struct Opened {
    InputSpec::Kind kind;
    std::string path;
    std::unique_ptr<MappedFile> file;
    std::string err;
    bool whole = false, startLib = false;
  };
  std::vector<Opened> opened;
  {
    bool whole = false, startLib = false;
    for (const InputSpec& in : opts.inputs) {
      switch (in.kind) {
        case InputSpec::WholeArchiveOn: whole = true; continue;
        case InputSpec::WholeArchiveOff: whole = false; continue;
        case InputSpec::StartLib: startLib = true; continue;
        case InputSpec::EndLib: startLib = false; continue;
        case InputSpec::Library: {
          std::string path = findLibrary(opts, in.value);
          if (path.empty()) {
            error("unable to find library -l" + in.value);
            continue;
          }
          opened.push_back({in.kind, path, nullptr, "", whole, false});
          continue;
        }
        case InputSpec::File: opened.push_back({in.kind, in.value, nullptr, "", whole, startLib}); continue;
      }
    }
    parallelFor(0, opened.size(), [&](size_t i) { opened[i].file = MappedFile::open(opened[i].path, opened[i].err); });
  }
  for (Opened& o : opened) {
    Item item;
    if (!openInput(o.path, std::move(o.file), o.err, o.whole, o.startLib, item.file, item.archive)) continue;
    item.whole = o.whole;
    item.firstJob = jobs.size();
    const InputFileState& f = *files[item.file];
    if (!item.archive) {
      jobs.push_back({f.file->bytes(), 0, o.path, nullptr, {}, false});
    } else if (o.whole) {
      Archive& a = *f.archive;
      for (uint32_t m = 0; m < a.members().size(); ++m) {
        if (!isWasmBinary(a.memberBytes(m))) {
          error(a.memberDisplayName(m) + ": not a wasm object file (in --whole-archive)");
          continue;
        }
        a.members()[m].extracted = true;
        jobs.push_back({a.memberBytes(m), a.members()[m].offset, a.memberDisplayName(m), nullptr, {}, false});
      }
    }
    item.numJobs = jobs.size() - item.firstJob;
    items.push_back(item);
  }
  auto t0 = std::chrono::steady_clock::now();
  parseAll(jobs, strings_);
  auto t1 = std::chrono::steady_clock::now();
  TOYC_LOG(Time, "  parse {} objects        {:8.3f} ms", jobs.size(), std::chrono::duration<double, std::milli>(t1 - t0).count());

  // Resolve in command-line order.
  for (const Item& item : items) {
    for (size_t j = item.firstJob; j < item.firstJob + item.numJobs; ++j) {
      if (!jobs[j].ok) {
        error(jobs[j].err.str());
        continue;
      }
      insertUnit(std::move(jobs[j].unit), false);
      drainLazy();
    }
    if (item.archive && !item.whole) {
      addLazySymbols(item.file);
      drainLazy();
    }
  }
  TOYC_LOG(Time, "  resolve in order        {:8.3f} ms",
           std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count());
  return !Diag::get().failed();
}

bool Linker::openInput(const std::string& path, std::unique_ptr<MappedFile> mf, const std::string& err,
                       bool wholeArchive, bool lazyObjects, uint32_t& fileIdx, bool& isArchive) {
  if (!mf) {
    error("cannot open " + path + ": " + err);
    return false;
  }
  auto state = std::make_unique<InputFileState>();
  Bytes data = mf->bytes();
  fileIdx = uint32_t(files.size());
  state->file = std::move(mf);
  files.push_back(std::move(state));
  TOYC_LOG(Input, "input {}", path);
  // Objects between --start-lib and --end-lib behave as archive members.
  bool lazyObject = lazyObjects && isWasmBinary(data);
  isArchive = Archive::isArchive(data) || lazyObject;
  if (isArchive) {
    auto ar = std::make_unique<Archive>();
    Error e;
    if (!(lazyObject ? ar->openLazyObject(data, path, e) : ar->open(data, path, e))) {
      error(e.str());
      return false;
    }
    if (!lazyObject) readImportsFile(opts, path);
    if (!wholeArchive)
      for (uint32_t m = 0; m < ar->members().size(); ++m)
        if (!isWasmBinary(ar->memberBytes(m)))
          warn(path + ": archive member '" + ar->members()[m].name + "' is neither Wasm object file nor LLVM bitcode");
    files[fileIdx]->archive = std::move(ar);
    return true;
  }
  if (isWasmBinary(data)) return true;
  error(path + ": unknown file type (not a wasm object or archive)");
  return false;
}

// An archive's index becomes lazy symbols; a member that defines a symbol
// something already needs is extracted at once.
void Linker::addLazySymbols(uint32_t fileIdx) {
  Archive& a = *files[fileIdx]->archive;
  for (const ArchiveSymbol& as : a.symbols()) {
    StrId name = strings_.intern(as.name);
    GSymId id = lookup(name);
    if (!id) {
      bool created;
      id = lookupOrCreate(name, SymKind::Function, created);
      GSym& g = syms[id];
      g.state = GSym::Lazy;
      g.unit = fileIdx;
      g.sym = as.member;
      continue;
    }
    GSym& g = syms[id];
    if (g.state != GSym::Undefined) continue;
    g.state = GSym::Lazy;
    g.unit = fileIdx;
    g.sym = as.member;
    // Only weak references so far: the member stays lazy.
    if (g.strongRef) extractLazy(g, g.refUnit);
  }
}

// Loads the archive members that resolution asked for, in the order asked,
// parsing each batch in parallel; loading one may ask for more.
void Linker::drainLazy() {
  while (!pendingLazy_.empty()) {
    std::vector<std::pair<uint32_t, uint32_t>> batch;
    batch.swap(pendingLazy_);
    std::vector<ParseJob> jobs(batch.size());
    for (size_t i = 0; i < batch.size(); ++i) {
      Archive& fa = *files[batch[i].first]->archive;
      uint32_t m = batch[i].second;
      jobs[i].data = fa.memberBytes(m);
      jobs[i].base = fa.members()[m].offset;
      jobs[i].name = fa.memberDisplayName(m);
    }
    parseAll(jobs, strings_);
    for (ParseJob& j : jobs) {
      if (!j.ok) {
        error(j.err.str());
        continue;
      }
      insertUnit(std::move(j.unit), true);
    }
  }
}

// -t and -y, in wasm-ld's words, on stdout.
void Linker::traceUnit(uint32_t ui) {
  const Unit& u = *units[ui];
  if (opts.trace) std::printf("%s\n", u.name.c_str());
  for (const std::string& name : opts.traceSymbols)
    for (const Symbol& s : u.symbols)
      if (s.name.valid() && strings_.str(s.name) == name && s.kind != SymKind::Section)
        std::printf("%s: %s %s\n", u.name.c_str(), s.undefined() ? "reference to" : "definition of", name.c_str());
}

void Linker::writeWhyExtract() {
  if (opts.whyExtract.empty()) return;
  std::string text = "reference\textracted\tsymbol\n";
  for (const std::string& l : whyExtractLines_) text += l + "\n";
  if (opts.whyExtract == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return;
  }
  std::string err;
  if (!writeFileAtomic(opts.whyExtract, {reinterpret_cast<const uint8_t*>(text.data()), text.size()}, err, false))
    error("cannot write --why-extract file: " + err);
}

std::string Linker::lazyName(const GSym& s) const {
  if (s.unit >= files.size() || !files[s.unit]->archive) return "<lazy>";
  return files[s.unit]->archive->memberDisplayName(s.sym);
}

void Linker::extractLazy(GSym& s, uint32_t why) {
  Archive& a = *files[s.unit]->archive;
  ArchiveMember& m = a.members()[s.sym];
  if (m.extracted) return;
  m.extracted = true;
  if (!opts.whyExtract.empty())
    whyExtractLines_.push_back((why == kNone ? std::string("-u") : unitName(why)) + "\t" + a.memberDisplayName(s.sym) +
                               "\t" + symName(s));
  TOYC_LOG(Input, "extract {} for {}", a.memberDisplayName(s.sym), strings_.str(s.name));
  pendingLazy_.push_back({s.unit, s.sym});
}

void Linker::insertUnit(std::unique_ptr<Unit> u, bool lazy) {
  // Signature keys are interned here, on one thread: the few distinct
  // signatures would make parallel parsers contend for the same entries.
  u->typeKeys.clear();
  u->typeKeys.reserve(u->types.size());
  for (const FuncType& t : u->types) u->typeKeys.push_back(strings_.intern(typeKey(t)));
  if (!wrapRename_.empty())
    for (Symbol& s : u->symbols)
      if (s.undefined() && s.name.valid())
        if (auto it = wrapRename_.find(s.name.v); it != wrapRename_.end()) s.name = it->second;
  uint32_t idx = uint32_t(units.size());
  units.push_back(std::move(u));
  unitLive.push_back(!lazy);
  if (opts.trace || !opts.traceSymbols.empty()) traceUnit(idx);
  resolveUnit(idx);
}

}  // namespace toyc::link
