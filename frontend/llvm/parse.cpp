#include "frontend/llvm/parse.h"
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <mutex>
#include <thread>
#include <llvm/AsmParser/Parser.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IRReader/IRReader.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/CrashRecoveryContext.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/SourceMgr.h>
#include <llvm/Support/raw_ostream.h>
#include "utils/diag.h"
#include "utils/log.h"

// jemalloc's control interface, when toyc is linked with jemalloc.
extern "C" int mallctl(const char* name, void* oldp, size_t* oldlenp, void* newp, size_t newlen) __attribute__((weak));

namespace toyc::llvmir {

namespace {

// Parsing allocates an object per instruction; threads that share
// jemalloc's single arena would wait on its lock, so each parsing thread
// gets an arena of its own.
void ownArena() {
  if (!mallctl) return;
  unsigned arena;
  size_t len = sizeof arena;
  if (mallctl("arenas.create", &arena, &len, nullptr, 0) == 0) mallctl("thread.arena", nullptr, nullptr, &arena, sizeof arena);
}

constexpr size_t kSplitMinBytes = 1 << 20;

// The parsers upgrade debug information by running the whole-module
// verifier (and strip it when the version is old). toyc ignores debug
// information, and a module whose debug information the verifier rejects
// would end in report_fatal_error.
void disableDebugInfoUpgrade() {
  static std::once_flag once;
  std::call_once(once, [] {
    auto& opts = llvm::cl::getRegisteredOptions();
    auto it = opts.find("disable-auto-upgrade-debug-info");
    if (it != opts.end()) static_cast<llvm::cl::opt<bool>*>(it->second)->setValue(true);
  });
}

std::string trimmed(std::string s) {
  size_t b = s.find_first_not_of(" \t\n");
  size_t e = s.find_last_not_of(" \t\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

void report(const llvm::SMDiagnostic& err) {
  std::string text;
  llvm::raw_string_ostream os(text);
  err.print(nullptr, os, false);
  os.flush();
  Diag::get().sourceError(trimmed(text));
}

// IR without a data layout is read as wasm32 IR (what clang writes for
// --target=wasm32-wasi), whatever its triple says.
constexpr const char* kWasm32Layout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-n32:64-S128-ni:1:10:20";
std::optional<std::string> defaultLayout(llvm::StringRef, llvm::StringRef layout) {
  if (layout.empty()) return std::string(kWasm32Layout);
  return std::nullopt;
}

bool isStub(const llvm::Function& f) {
  return f.size() == 1 && f.front().size() == 1 && llvm::isa<llvm::UnreachableInst>(f.front().front());
}

struct Define {
  size_t begin, headEnd, end;  // line start, end of the `define ... {` line, end of the `}` line
};

struct Line {
  size_t begin, end;  // end excludes the newline
};

// Whether a top-level line defines a global variable (`@x = [linkage ...]
// global|constant ...`) rather than an alias or ifunc. Undecided lines count
// as not: leaving a line where it is is always correct.
bool isGlobalVariable(llvm::StringRef line) {
  size_t eq = line.find(" = ");
  if (!line.starts_with("@") || eq == llvm::StringRef::npos) return false;
  llvm::StringRef rest = line.substr(eq + 3);
  for (int k = 0; k < 12 && !rest.empty(); ++k) {
    auto [word, tail] = rest.split(' ');
    if (word == "global" || word == "constant") return true;
    if (word == "alias" || word == "ifunc" || word.contains('"') || word.contains('[') || word.contains('{')) return false;
    rest = tail;
  }
  return false;
}

// The top level of LLVM-printed IR: function definitions (a line starting
// with `define ` and ending with `{`, up to a line that is exactly `}`) and
// global variable definitions (one line each). Anything a piece cannot
// parse because of the cut (a blockaddress of a stubbed function, say)
// makes the caller parse the file whole instead.
bool scanTopLevel(llvm::StringRef text, std::vector<Define>& defs, std::vector<Line>& globals) {
  size_t pos = 0, n = text.size();
  while (pos < n) {
    size_t eol = text.find('\n', pos);
    if (eol == llvm::StringRef::npos) eol = n;
    llvm::StringRef line = text.slice(pos, eol);
    if (line.starts_with("define ")) {
      if (!line.rtrim().ends_with("{")) return false;
      Define d{pos, eol, 0};
      size_t p = eol + 1;
      for (;;) {
        if (p >= n) return false;
        size_t e = text.find('\n', p);
        if (e == llvm::StringRef::npos) e = n;
        if (text.slice(p, e).rtrim() == "}") {
          d.end = e;
          break;
        }
        p = e + 1;
      }
      defs.push_back(d);
      pos = d.end + 1;
      continue;
    }
    if (isGlobalVariable(line)) globals.push_back(Line{pos, eol});
    pos = eol + 1;
  }
  return true;
}

// The text of piece p: the file with the global variable definitions moved
// to its end and the bodies of other pieces' functions replaced by
// `unreachable`. LLVM's parser resolves a reference to a function that is
// not defined yet through a placeholder it replaces at the definition, and
// replacing an operand of a constant array rebuilds the array: a table of
// n function pointers ahead of the functions (as clang prints it) costs
// n^2. With the globals last every function they name exists already. The
// module's lists keep their order: globals and functions are added to them
// in the order of their definitions, which the move does not change among
// globals nor among functions.
std::string pieceText(llvm::StringRef text, const std::vector<Define>& defs, const std::vector<Line>& globals,
                      const std::vector<unsigned>& owner, unsigned p) {
  std::string t;
  t.reserve(text.size() + defs.size() * 16 + 64);
  size_t at = 0, gi = 0;
  auto copyUpTo = [&](size_t end) {  // text[at, end) without the global lines in it
    for (; gi < globals.size() && globals[gi].begin < end; ++gi) {
      t.append(text.data() + at, globals[gi].begin - at);
      at = std::min(globals[gi].end + 1, text.size());
    }
    if (end > at) t.append(text.data() + at, end - at);
    at = std::max(at, end);
  };
  for (size_t i = 0; i < defs.size(); ++i) {
    if (owner[i] == p) continue;
    copyUpTo(defs[i].headEnd);
    t.append("\n  unreachable\n}");
    at = defs[i].end;
  }
  copyUpTo(text.size());
  t.push_back('\n');
  for (const Line& g : globals) {
    t.append(text.data() + g.begin, g.end - g.begin);
    t.push_back('\n');
  }
  return t;
}

bool hasUnnamed(const llvm::Module& m) {
  for (const llvm::GlobalValue& g : m.global_values())
    if (!g.hasName()) return true;
  return false;
}

// LLVM's bitcode reader trusts its input: damaged bitcode can make it read
// out of bounds (a crash) or allocate and clear arrays sized by a damaged
// count (minutes of work). Reading runs under a CrashRecoveryContext, which
// turns a crash into an error, and under a deadline far beyond what a real
// file of that size needs (LLVM reads tens of MB of bitcode a second); past
// it, toyc reports the file and exits, before any output exists.
bool readBitcode(const std::string& path, llvm::MemoryBuffer& buf, llvm::LLVMContext& ctx, llvm::ParserCallbacks& callbacks,
                 llvm::SMDiagnostic& err, std::unique_ptr<llvm::Module>& m) {
  unsigned seconds = 10 + unsigned(buf.getBufferSize() >> 20);
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  std::thread watchdog([&] {
    std::unique_lock<std::mutex> lock(mu);
    if (cv.wait_for(lock, std::chrono::seconds(seconds), [&] { return done; })) return;
    error(path + ": malformed bitcode: reading it did not finish in " + std::to_string(seconds) + " s");
    std::fflush(stderr);
    std::_Exit(1);
  });
  llvm::CrashRecoveryContext::Enable();
  llvm::CrashRecoveryContext crc;
  bool ok = crc.RunSafely([&] { m = llvm::parseIR(buf.getMemBufferRef(), err, ctx, callbacks); });
  llvm::CrashRecoveryContext::Disable();
  {
    std::lock_guard<std::mutex> lock(mu);
    done = true;
  }
  cv.notify_one();
  watchdog.join();
  if (!ok) {
    // The module is in an unknown state: leave it unfreed.
    (void)m.release();
    error(path + ": malformed bitcode: LLVM's bitcode reader failed on it");
    return false;
  }
  return true;
}

}  // namespace

bool parseIr(const std::string& path, unsigned pieces, ParsedIr& out) {
  disableDebugInfoUpgrade();
  out.modules.clear();
  out.bodyOf.clear();
  auto bufOr = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/true);
  if (!bufOr) {
    error(path + ": cannot read: " + bufOr.getError().message());
    return false;
  }
  // Kept alive with the modules.
  llvm::MemoryBuffer* buf = bufOr->release();
  llvm::StringRef text = buf->getBuffer();
  bool bitcode = text.size() >= 4 && std::memcmp(text.data(), "BC\xC0\xDE", 4) == 0;
  if (!bitcode) out.text = text;
  // Large text IR is parsed from reshaped text (pieceText), in pieces on
  // several threads when it is mostly code.
  std::vector<Define> defs;
  std::vector<Line> globals;
  bool reshape = !bitcode && text.size() >= kSplitMinBytes && scanTopLevel(text, defs, globals);
  if (reshape) {
    size_t bodyBytes = 0;
    for (const Define& d : defs) bodyBytes += d.end - d.headEnd;
    bool mostlyCode = bodyBytes * 10 >= text.size() * 7;  // little metadata
    if (!mostlyCode || defs.size() < pieces || bodyBytes == 0) pieces = 1;
    // Pieces of about equal body size; piece p keeps the bodies of its
    // definitions and stubs the others.
    std::vector<unsigned> owner(defs.size());
    size_t acc = 0;
    for (size_t i = 0; i < defs.size(); ++i) {
      owner[i] = pieces == 1 ? 0 : unsigned(std::min<size_t>(pieces - 1, acc * pieces / bodyBytes));
      acc += defs[i].end - defs[i].headEnd;
    }
    std::vector<std::string> texts(pieces);
    for (unsigned p = 0; p < pieces; ++p) texts[p] = pieceText(text, defs, globals, owner, p);
    std::vector<llvm::Module*> mods(pieces, nullptr);
    auto parsePiece = [&](unsigned p) {
      if (p) ownArena();
      auto* ctx = new llvm::LLVMContext();
      llvm::SMDiagnostic err;
      std::unique_ptr<llvm::Module> m = llvm::parseAssembly(llvm::MemoryBufferRef(texts[p], path), err, *ctx, nullptr, defaultLayout);
      mods[p] = m.release();
    };
    std::vector<std::thread> threads;
    for (unsigned p = 1; p < pieces; ++p) threads.emplace_back(parsePiece, p);
    parsePiece(0);
    for (auto& th : threads) th.join();
    bool ok = true;
    for (llvm::Module* m : mods) ok &= m != nullptr && !hasUnnamed(*m);
    if (ok) {
      // Texts must outlive the modules (names and strings may point into
      // them only through copies, but keep them anyway for safety).
      new std::vector<std::string>(std::move(texts));
      out.modules = mods;
      TOYC_LOG(Codegen, "{}: parsed in {} piece(s), {} global variables moved last", path, pieces, globals.size());
      for (const llvm::Function& f : *mods[0]) {
        if (f.isDeclaration()) continue;
        if (!isStub(f)) continue;
        for (unsigned p = 1; p < pieces; ++p) {
          const llvm::Function* g = mods[p]->getFunction(f.getName());
          if (g && !g->isDeclaration() && !isStub(*g)) {
            out.bodyOf[&f] = g;
            break;
          }
        }
      }
      return true;
    }
    // Something the cut could not handle: parse the file whole (which also
    // gives syntax errors their right line numbers).
  }
  auto* ctx = new llvm::LLVMContext();
  llvm::SMDiagnostic err;
  llvm::ParserCallbacks callbacks;
  callbacks.DataLayout = defaultLayout;
  std::unique_ptr<llvm::Module> m;
  if (bitcode) {
    if (!readBitcode(path, *buf, *ctx, callbacks, err, m)) return false;
  } else {
    m = llvm::parseIR(buf->getMemBufferRef(), err, *ctx, callbacks);
  }
  if (!m) {
    report(err);
    return false;
  }
  out.modules.push_back(m.release());
  return true;
}

unsigned sourceLine(llvm::StringRef text, llvm::StringRef fn, llvm::StringRef inst) {
  if (text.empty()) return 0;
  std::string plain = "@" + fn.str() + "(";
  std::string quoted = "@\"" + fn.str() + "\"(";
  unsigned line = 1, defLine = 0;
  size_t pos = 0, n = text.size();
  inst = inst.trim();
  while (pos < n) {
    size_t eol = text.find('\n', pos);
    if (eol == llvm::StringRef::npos) eol = n;
    llvm::StringRef l = text.slice(pos, eol);
    if (!defLine) {
      if (l.starts_with("define ") && (l.contains(plain) || l.contains(quoted))) defLine = line;
    } else {
      if (l.rtrim() == "}") break;
      // Instructions may carry metadata attachments the verifier omits.
      if (!inst.empty() && l.trim().starts_with(inst)) return line;
    }
    pos = eol + 1;
    ++line;
  }
  return defLine;
}

}  // namespace toyc::llvmir
