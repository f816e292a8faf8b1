// toyc: the command-line driver. It reads like a script: pick the job from
// argv, parse its options, run it, turn the outcome into an exit status.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
#include "frontend/driver/build.h"
#include "frontend/driver/build_obj.h"
#include "frontend/driver/check.h"
#include "frontend/driver/link_args.h"
#include "link/linker.h"
#include "utils/diag.h"

using namespace toyc;

static int usage() {
  std::printf(
      "toyc %s: compiles to WebAssembly and links wasm objects\n\n"
      "usage:\n"
      "  toyc build <a.toy b.ll c.o d.a...> -o out.wasm [--exec-model=command|reactor] [link options]\n"
      "                                    compile and link in memory\n"
      "  toyc run <prog.toy...> [args...]  build in memory and run under node's WASI\n"
      "  toyc link [options] <inputs...>   link objects and archives (wasm-ld options)\n"
      "  toyc build-obj <object> -o <out>  write a relocatable object from its atoms\n"
      "  toyc check <file.toy...>          check Toy sources (syntax, types) without building\n"
      "  toyc --version\n\n"
      "Invoked as `toyc-wasm-ld` or `wasm-ld`, toyc behaves as `toyc link`, so\n"
      "`clang --ld-path=toyc-wasm-ld` links with it.\n",
      TOYC_VERSION);
  return 0;
}

static int runLink(std::vector<std::string> args, bool wasmLdMode) {
  link::LinkOptions opts;
  switch (driver::parseLinkArgs(std::move(args), wasmLdMode, opts)) {
    case driver::LinkArgsResult::Exit0: return 0;
    case driver::LinkArgsResult::Error: return 1;
    case driver::LinkArgsResult::Ok: break;
  }
  // The process ends right after the link: its memory and mappings are left
  // to the kernel instead of being freed piece by piece (lld does the same).
  auto* linker = new link::Linker(std::move(opts));
  return linker->run() ? 0 : 1;
}

int main(int argc, char** argv) {
  std::string self = argv[0];
  std::string base = self.substr(self.find_last_of('/') == std::string::npos ? 0 : self.find_last_of('/') + 1);
  std::vector<std::string> args(argv + 1, argv + argc);
  // Called as wasm-ld (toyc-wasm-ld, wasm-ld-19, ...): a drop-in linker.
  if (base.find("wasm-ld") != std::string::npos) {
    Diag::get().setTool(base);
    int rc = runLink(std::move(args), true);
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(rc);
  }
  Diag::get().setTool("toyc");
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") return usage();
  if (args[0] == "--version") {
    std::printf("toyc %s\n", TOYC_VERSION);
    return 0;
  }
  std::string cmd = args[0];
  args.erase(args.begin());
  if (cmd == "link") {
    int rc = runLink(std::move(args), false);
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(rc);
  }
  if (cmd == "build" || cmd == "run") {
    int rc = driver::runBuild(std::move(args), cmd == "run");
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(rc);
  }
  if (cmd == "build-obj") return driver::runBuildObj(std::move(args));
  if (cmd == "check") return driver::runCheck(std::move(args));
  error("unknown command '" + cmd + "' (try toyc --help)");
  return 1;
}
