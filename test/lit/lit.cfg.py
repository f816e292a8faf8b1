# lit configuration for toyc. Tests run the real tools: toyc, clang-19,
# llvm-mc-19, wasm-ld-19 (reference), wabt and node (WASI).
import os
import lit.formats

config.name = "toyc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".test", ".s", ".ll", ".c", ".toy"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)

site = lit_config.params.get("toyc_site")
if site:
    exec(open(site).read())
else:
    lit_config.fatal("run through ctest (needs --param toyc_site=...)")
config.test_exec_root = os.path.join(os.path.dirname(site), "out")

llvm_bin = "/usr/lib/llvm-19/bin"
config.environment["PATH"] = os.pathsep.join([config.toyc_bin_dir, llvm_bin, config.environment.get("PATH", os.environ.get("PATH", ""))])
config.environment["NODE_NO_WARNINGS"] = "1"
# Every compilation in the suite checks codegen's phi invariant
# (codegen/ir_compile.h: checkPhiReads) and aborts on a violation.
config.environment["TOYC_VERIFY_MIR"] = "1"

sysroot = "/usr"
wasi_lib = "/usr/lib/wasm32-wasi"
builtins = "/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a"
runner = os.path.join(config.toyc_src_root, "runtime", "run-wasi.mjs")

config.substitutions += [
    ("%toyc-wasm-ld", os.path.join(config.toyc_bin_dir, "toyc-wasm-ld")),
    ("%toyc-bindir", config.toyc_bin_dir),
    ("%toyc", os.path.join(config.toyc_bin_dir, "toyc")),
    ("%clang", "clang-19 --target=wasm32-wasi --sysroot=%s" % sysroot),
    ("%llvm-mc", "llvm-mc-19 -filetype=obj -triple=wasm32-unknown-unknown"),
    ("%wasm-ld", "wasm-ld-19"),
    ("%crt1", os.path.join(wasi_lib, "crt1-command.o")),
    ("%crt-reactor", os.path.join(wasi_lib, "crt1-reactor.o")),
    ("%libdir", wasi_lib),
    ("%builtins", builtins),
    ("%run-wasi", "node --no-warnings " + runner),
    ("%src", config.toyc_src_root),
    ("%cmp-modules", "python3 " + os.path.join(config.toyc_src_root, "utils", "test", "cmp-modules.py")),
]
