// `toyc build` and `toyc run`: compile Toy (and LLVM IR) sources to units in
// memory and link them, with any objects and archives on the command line,
// in the same process. No object file is written anywhere; `toyc run`
// writes only the linked module, to a private temporary directory that it
// removes, and runs it under node's WASI.
#include "frontend/driver/build.h"
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include "frontend/driver/link_args.h"
#include "frontend/driver/toy_compile.h"
#include "frontend/llvm/compile.h"
#include "link/linker.h"
#include "runtime/embedded.h"
#include "utils/diag.h"
#include "utils/parallel.h"
#include "utils/file_io.h"

namespace toyc::driver {

namespace {

bool endsWith(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

bool isSourceOrInput(const std::string& a) {
  return endsWith(a, ".toy") || endsWith(a, ".o") || endsWith(a, ".a") || llvmir::isIrPath(a);
}

// Where clang's wasm32-wasi driver finds crt1, libc and the builtins.
constexpr const char* kSysrootLib = "/usr/lib/wasm32-wasi";
constexpr const char* kBuiltins = "/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a";

struct BuildArgs {
  std::vector<std::string> toy, ir, linkArgs, programArgs;
  ExecModel model = ExecModel::Auto;
  bool hasOutput = false;
};

bool splitArgs(std::vector<std::string> args, bool run, BuildArgs& b) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (run && a == "--") {
      b.programArgs.assign(args.begin() + i + 1, args.end());
      break;
    }
    if (a.rfind("--exec-model", 0) == 0) {
      std::string v;
      if (a == "--exec-model" && i + 1 < args.size()) v = args[++i];
      else if (a.rfind("--exec-model=", 0) == 0) v = a.substr(13);
      if (v == "command") b.model = ExecModel::Command;
      else if (v == "reactor") b.model = ExecModel::Reactor;
      else {
        error("--exec-model must be 'command' or 'reactor', not '" + v + "'");
        return false;
      }
      continue;
    }
    if (a == "-o" || a.rfind("-o", 0) == 0 || a.rfind("--output", 0) == 0) {
      if (run) {
        error("run: -o is not accepted (toyc run keeps the module in a temporary directory; use toyc build -o)");
        return false;
      }
      b.hasOutput = true;
      if ((a == "-o" || a == "--output") && i + 1 < args.size()) {
        b.linkArgs.push_back(a);
        b.linkArgs.push_back(args[++i]);
        continue;
      }
    }
    if (endsWith(a, ".toy")) {
      b.toy.push_back(a);
      continue;
    }
    if (llvmir::isIrPath(a)) {
      b.ir.push_back(a);
      continue;
    }
    // `toyc run prog.toy args...`: the program's arguments start at the
    // first word after the sources that is not an option or an input.
    if (run && !b.toy.empty() && a[0] != '-' && !isSourceOrInput(a)) {
      b.programArgs.assign(args.begin() + i, args.end());
      break;
    }
    b.linkArgs.push_back(a);
  }
  if (b.toy.empty() && b.ir.empty() && !run) {
    bool anyInput = false;
    for (const std::string& a : b.linkArgs) anyInput |= isSourceOrInput(a);
    if (!anyInput) {
      error("build: no input files");
      return false;
    }
  }
  if (run && b.toy.empty() && b.ir.empty()) {
    error("run: no source file (toyc run prog.toy [args...])");
    return false;
  }
  return true;
}

// Compiles and links; the output goes to opts.output.
bool buildModule(BuildArgs& b, link::LinkOptions& opts) {
  // --threads applies to compiling as well as to linking.
  setThreadCount(opts.threads);
  bool command = true;
  auto* linker = new link::Linker(link::LinkOptions{});
  Interner& names = linker->strings();
  std::vector<std::unique_ptr<link::Unit>> units;
  if (!b.toy.empty()) {
    ToyOptions topts;
    topts.model = b.model;
    ToyUnits tu;
    if (!compileToy(b.toy, names, topts, tu)) return false;
    command = !tu.reactor;
    if (command && !tu.hasMain) {
      // A command whose main is C's: crt1's _start runs it, as clang links.
      bool objects = false;
      for (const link::InputSpec& in : opts.inputs) objects |= in.kind == link::InputSpec::File || in.kind == link::InputSpec::Library;
      if (!objects) {
        error("--exec-model=command needs a function 'main' (in the Toy sources, or a C main in an object)");
        return false;
      }
      opts.inputs.insert(opts.inputs.begin(), {link::InputSpec::File, std::string(kSysrootLib) + "/crt1-command.o"});
    }
    units.push_back(std::move(tu.program));
    units.push_back(std::move(tu.runtime));
  } else if (b.model == ExecModel::Reactor) {
    command = false;
  }
  if (!b.ir.empty()) {
    for (const std::string& path : b.ir) {
      auto u = llvmir::compileFile(path, names, {});
      if (!u) return false;
      units.push_back(std::move(u));
    }
    // As clang links a C program: crt1 first, then libc and the builtins.
    if (b.toy.empty()) {
      std::string crt = std::string(kSysrootLib) + (command ? "/crt1-command.o" : "/crt1-reactor.o");
      opts.inputs.insert(opts.inputs.begin(), {link::InputSpec::File, crt});
    }
    opts.searchPaths.push_back(kSysrootLib);
    opts.inputs.push_back({link::InputSpec::Library, "c"});
    opts.inputs.push_back({link::InputSpec::File, kBuiltins});
  }
  if (!command && !opts.entry) opts.noEntry = true;
  linker->opts = std::move(opts);
  for (auto& u : units) linker->addUnit(std::move(u));
  return linker->run();
}

std::string findInPath(const std::string& prog) {
  const char* path = std::getenv("PATH");
  std::string p = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= p.size()) {
    size_t end = p.find(':', start);
    if (end == std::string::npos) end = p.size();
    std::string dir = p.substr(start, end - start);
    if (dir.empty()) dir = ".";
    std::string cand = dir + "/" + prog;
    if (access(cand.c_str(), X_OK) == 0) return cand;
    start = end + 1;
  }
  return "";
}

}  // namespace

int runBuild(std::vector<std::string> args, bool run) {
  BuildArgs b;
  if (!splitArgs(std::move(args), run, b)) return 1;
  // Without -o, `toyc build` writes a.wasm (`toyc run` picks its own path).
  if (!b.hasOutput || run) {
    b.linkArgs.push_back("-o");
    b.linkArgs.push_back("a.wasm");
  }
  link::LinkOptions opts;
  switch (parseLinkArgs(b.linkArgs, false, opts, true)) {
    case LinkArgsResult::Exit0: return 0;
    case LinkArgsResult::Error: return 1;
    case LinkArgsResult::Ok: break;
  }
  if (!run) {
    return buildModule(b, opts) ? 0 : 1;
  }

  std::string node = findInPath("node");
  if (node.empty()) {
    error("run: node (Node.js 20 or newer) is not on PATH; build with `toyc build` and run the module with a WASI host");
    return 1;
  }
  const char* tmp = std::getenv("TMPDIR");
  std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/toyc-run-XXXXXX";
  std::vector<char> dirBuf(templ.begin(), templ.end());
  dirBuf.push_back(0);
  if (!mkdtemp(dirBuf.data())) {
    error(std::string("run: cannot create a temporary directory: ") + std::strerror(errno));
    return 1;
  }
  std::string dir = dirBuf.data();
  std::string module = dir + "/" + std::filesystem::path(b.toy.empty() ? b.ir[0] : b.toy[0]).stem().string() + ".wasm";
  std::string runner = dir + "/run-wasi.mjs";
  opts.output = module;
  std::string err;
  std::vector<uint8_t> script(runtime::kRunWasi.begin(), runtime::kRunWasi.end());
  int status = 1;
  if (!buildModule(b, opts)) {
    status = 1;
  } else if (!writeFileAtomic(runner, script, err, false)) {
    error("run: " + err);
  } else {
    std::vector<std::string> argv = {node, "--no-warnings", runner, module};
    argv.insert(argv.end(), b.programArgs.begin(), b.programArgs.end());
    std::vector<char*> cargv;
    for (std::string& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    std::fflush(stdout);
    std::fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
      execv(node.c_str(), cargv.data());
      _exit(127);
    }
    int ws = 0;
    if (pid < 0 || waitpid(pid, &ws, 0) < 0) error(std::string("run: cannot start node: ") + std::strerror(errno));
    else status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return status;
}

}  // namespace toyc::driver
