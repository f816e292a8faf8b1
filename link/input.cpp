// Input files: objects are loaded at once; archives register their index as
// lazy symbols and a member is loaded only when it defines a symbol that is
// needed (or under --whole-archive).
#include <algorithm>
#include "link/linker.h"
#include "link/object_reader.h"
#include "utils/log.h"

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

bool Linker::loadInputs() {
  for (auto& u : pendingUnits_) {
    insertUnit(std::move(u), false);
    drainLazy();
  }
  pendingUnits_.clear();
  bool whole = false;
  bool startLib = false;
  for (const InputSpec& in : opts.inputs) {
    switch (in.kind) {
      case InputSpec::WholeArchiveOn: whole = true; break;
      case InputSpec::WholeArchiveOff: whole = false; break;
      case InputSpec::StartLib: startLib = true; break;
      case InputSpec::EndLib: startLib = false; break;
      case InputSpec::Library: {
        std::string p = findLibrary(opts, in.value);
        if (p.empty()) {
          error("unable to find library -l" + in.value);
          continue;
        }
        addInputFile(p, whole);
        break;
      }
      case InputSpec::File: addInputFile(in.value, whole, startLib); break;
    }
  }
  return !Diag::get().failed();
}

bool Linker::addInputFile(const std::string& path, bool wholeArchive, bool lazyObjects) {
  std::string err;
  auto mf = MappedFile::open(path, err);
  if (!mf) {
    error("cannot open " + path + ": " + err);
    return false;
  }
  auto state = std::make_unique<InputFileState>();
  Bytes data = mf->bytes();
  uint32_t fileIdx = uint32_t(files.size());
  state->file = std::move(mf);
  files.push_back(std::move(state));
  TOYC_LOG(Input, "input {}", path);
  bool lazyObject = lazyObjects && isWasmBinary(data);
  if (Archive::isArchive(data) || lazyObject) {
    auto ar = std::make_unique<Archive>();
    Error e;
    if (!(lazyObject ? ar->openLazyObject(data, path, e) : ar->open(data, path, e))) {
      error(e.str());
      return false;
    }
    if (!lazyObject) readImportsFile(opts, path);
    Archive& a = *ar;
    files[fileIdx]->archive = std::move(ar);
    if (wholeArchive) {
      for (uint32_t m = 0; m < a.members().size(); ++m) {
        if (a.members()[m].extracted) continue;
        if (!isWasmBinary(a.memberBytes(m))) {
          error(a.memberDisplayName(m) + ": not a wasm object file (in --whole-archive)");
          continue;
        }
        a.members()[m].extracted = true;
        loadObject(a.memberBytes(m), a.members()[m].offset, a.memberDisplayName(m), nullptr);
      }
      drainLazy();
      return true;
    }
    for (uint32_t m = 0; m < a.members().size(); ++m)
      if (!isWasmBinary(a.memberBytes(m)))
        warn(path + ": archive member '" + a.members()[m].name + "' is neither Wasm object file nor LLVM bitcode");
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
      if (g.state == GSym::Undefined && g.strongRef) {
        g.state = GSym::Lazy;
        g.unit = fileIdx;
        g.sym = as.member;
        extractLazy(g);
      } else if (g.state == GSym::Undefined) {
        // Only weak references so far: the member stays lazy.
        g.state = GSym::Lazy;
        g.unit = fileIdx;
        g.sym = as.member;
      }
    }
    drainLazy();
    return true;
  }
  if (isWasmBinary(data)) {
    bool ok = loadObject(data, 0, path, nullptr);
    drainLazy();
    return ok;
  }
  error(path + ": unknown file type (not a wasm object or archive)");
  return false;
}

// Loads the archive members that resolution asked for, in the order asked;
// loading one may ask for more.
void Linker::drainLazy() {
  for (size_t i = 0; i < pendingLazy_.size(); ++i) {
    auto [f, m] = pendingLazy_[i];
    Archive& fa = *files[f]->archive;
    loadObject(fa.memberBytes(m), fa.members()[m].offset, fa.memberDisplayName(m), nullptr, true);
  }
  pendingLazy_.clear();
}

std::string Linker::lazyName(const GSym& s) const {
  if (s.unit >= files.size() || !files[s.unit]->archive) return "<lazy>";
  return files[s.unit]->archive->memberDisplayName(s.sym);
}

void Linker::extractLazy(GSym& s) {
  Archive& a = *files[s.unit]->archive;
  ArchiveMember& m = a.members()[s.sym];
  if (m.extracted) return;
  m.extracted = true;
  TOYC_LOG(Input, "extract {} for {}", a.memberDisplayName(s.sym), strings_.str(s.name));
  pendingLazy_.push_back({s.unit, s.sym});
}

bool Linker::loadObject(Bytes data, uint64_t base, std::string name, std::shared_ptr<const void> keep, bool lazy) {
  auto u = std::make_unique<Unit>();
  u->name = std::move(name);
  if (keep) u->keepAlive.push_back(std::move(keep));
  Error e;
  if (!isWasmBinary(data)) {
    error(u->name + ": not a wasm object file");
    return false;
  }
  if (!readObject(data, base, *u, strings_, e)) {
    error(e.str());
    return false;
  }
  insertUnit(std::move(u), lazy);
  return true;
}

void Linker::insertUnit(std::unique_ptr<Unit> u, bool lazy) {
  uint32_t idx = uint32_t(units.size());
  units.push_back(std::move(u));
  unitLive.push_back(!lazy);
  resolveUnit(idx);
}

}  // namespace toyc::link
