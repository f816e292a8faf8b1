// Helpers for the unit tests of codegen's machine IR: building MFuncs by
// hand, running one directly (the reference semantics of codegen/ir.h), and
// compiling functions into a module that node runs.
#pragma once
#include <gtest/gtest.h>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>
#include "codegen/ir.h"
#include "codegen/ir_compile.h"
#include "link/linker.h"
#include "test_util.h"

namespace toyc::codegen::mirtest {

using link::ValType;

inline constexpr uint16_t I32LtS = 0x48, I32GtS = 0x4a, I32Ne = 0x47, I32Add = 0x6a, I32Sub = 0x6b, I32Mul = 0x6c,
                   I32DivS = 0x6d, I32Xor = 0x73, I32Load = 0x28, I32Store = 0x36;

inline uint32_t param(MFunc& f, uint32_t i) { return f.add(OpParam, Ty::I32, {}, i); }

inline void ret(MFunc& f, uint32_t v) {
  uint32_t o[1] = {v};
  f.setExit(f.current, Exit::Return, {}, o);
}

inline void br(MFunc& f, uint32_t to) {
  uint32_t t[1] = {to};
  f.setExit(f.current, Exit::Br, t, {});
}

inline void condBr(MFunc& f, uint32_t cond, uint32_t ifTrue, uint32_t ifFalse) {
  uint32_t t[2] = {ifTrue, ifFalse};
  uint32_t o[1] = {cond};
  f.setExit(f.current, Exit::CondBr, t, o);
}

// Links compiled functions as the exports f0, f1, ... of a module at `path`.
inline bool linkModule(const std::vector<MFunc*>& fs, const std::string& path) {
  link::LinkOptions opts;
  opts.noEntry = true;
  opts.output = path;
  for (size_t i = 0; i < fs.size(); ++i) opts.exports.push_back("f" + std::to_string(i));
  auto* linker = new link::Linker(opts);
  auto u = std::make_unique<link::Unit>();
  u->name = "mirtest";
  for (size_t i = 0; i < fs.size(); ++i) {
    FuncCode code;
    link::FuncType type = fs[i]->type;
    compileFunction(*fs[i], code);
    if (!code.relocs.empty()) return false;
    link::FuncAtom atom;
    atom.type = u->addType(type);
    atom.body = u->own(code.body);
    u->funcs.push_back(atom);
    link::Symbol sym;
    sym.kind = link::SymKind::Function;
    sym.name = linker->strings().intern("f" + std::to_string(i));
    sym.index = uint32_t(i);
    u->addSymbol(sym);
  }
  linker->addUnit(std::move(u));
  if (!linker->run()) return false;
  return std::system("command -v wasm-validate > /dev/null 2>&1") != 0 ||
         std::system(("wasm-validate " + path).c_str()) == 0;
}

inline bool haveNode() { return std::system("command -v node > /dev/null 2>&1") == 0; }

// The JavaScript that instantiates `path` with its exports in `m`.
inline std::string instantiate(const std::string& path) {
  return "const m=new WebAssembly.Instance(new WebAssembly.Module(require('fs').readFileSync('" + path +
         "')),{}).exports;";
}

// Compiles f as the export f0 of a module and evaluates the JavaScript
// expression `check` (f as `e.f`, the memory as `e.memory`) under node; true
// if it holds. Without node only compilation and validation are checked.
inline bool runs(MFunc f, const std::string& check) {
  test::TempDir dir;
  std::string wasm = dir.file("f.wasm");
  if (!linkModule({&f}, wasm)) return false;
  if (!haveNode()) return true;
  std::string js = instantiate(wasm) + "const e={f:m.f0,memory:m.memory};process.exit((" + check + ")?0:1)";
  return std::system(("node -e \"" + js + "\"").c_str()) == 0;
}

// Runs an MFunc directly: the reference for the compiled code. Returns the
// result, or nullopt if the function traps.
inline std::optional<uint32_t> interpret(const MFunc& f, uint32_t a, uint32_t b) {
  std::vector<uint32_t> val(f.insts.size(), 0);
  uint8_t mem[64] = {};
  auto rotl = [](uint32_t x, uint32_t k) { k &= 31; return k ? (x << k) | (x >> (32 - k)) : x; };
  uint32_t blk = 0;
  for (uint32_t steps = 0; steps < 1000000; ++steps) {
    for (uint32_t i = f.blocks[blk].first; i != kNoValue; i = f.next[i]) {
      const MInst& in = f.insts[i];
      auto o = f.ops(i);
      auto x = [&](uint32_t k) { return val[o[k]]; };
      switch (in.op) {
        case OpParam: val[i] = in.imm == 0 ? a : b; break;
        case OpConst: val[i] = uint32_t(in.imm); break;
        case OpPhi: case OpNop: break;
        case OpCopy: {
          size_t h = o.size() / 2;
          std::vector<uint32_t> src;
          for (size_t k = 0; k < h; ++k) src.push_back(x(uint32_t(k)));
          for (size_t k = 0; k < h; ++k) val[o[h + k]] = src[k];
          break;
        }
        case 0x28: std::memcpy(&val[i], mem + (x(0) + uint32_t(in.imm)), 4); break;
        case 0x36: std::memcpy(mem + (x(0) + uint32_t(in.imm)), &val[o[1]], 4); break;
        case 0x1b: val[i] = x(2) ? x(0) : x(1); break;
        case 0x45: val[i] = x(0) == 0; break;
        case 0x46: val[i] = x(0) == x(1); break;
        case 0x47: val[i] = x(0) != x(1); break;
        case 0x48: val[i] = int32_t(x(0)) < int32_t(x(1)); break;
        case 0x49: val[i] = x(0) < x(1); break;
        case 0x4c: val[i] = int32_t(x(0)) <= int32_t(x(1)); break;
        case 0x4f: val[i] = x(0) >= x(1); break;
        case 0x69: val[i] = uint32_t(__builtin_popcount(x(0))); break;
        case 0x6a: val[i] = x(0) + x(1); break;
        case 0x6b: val[i] = x(0) - x(1); break;
        case 0x6c: val[i] = x(0) * x(1); break;
        case 0x6e:
          if (x(1) == 0) return std::nullopt;
          val[i] = x(0) / x(1);
          break;
        case 0x71: val[i] = x(0) & x(1); break;
        case 0x72: val[i] = x(0) | x(1); break;
        case 0x73: val[i] = x(0) ^ x(1); break;
        case 0x74: val[i] = x(0) << (x(1) & 31); break;
        case 0x75: val[i] = uint32_t(int32_t(x(0)) >> (x(1) & 31)); break;
        case 0x76: val[i] = x(0) >> (x(1) & 31); break;
        case 0x77: val[i] = rotl(x(0), x(1)); break;
        case OpExit: {
          const CfgNode& node = f.cfg.node(blk);
          if (node.exit == Exit::Return) return x(0);
          auto succ = f.cfg.succs(blk);
          blk = node.exit == Exit::CondBr && x(0) == 0 ? succ[1] : succ[0];
          break;
        }
        default: ADD_FAILURE() << "op " << in.op; return std::nullopt;
      }
    }
  }
  ADD_FAILURE() << "does not finish";
  return std::nullopt;
}


// Compiles fs as the exports f0, f1, ... of one module, calls every one with
// every pair of arguments under node (the 64 bytes at address 0 cleared
// before each call) and expects the results, one line per call in that
// order (a number, or "trap"), to be `want`.
inline void expectResults(const std::vector<MFunc*>& fs, std::span<const std::pair<uint32_t, uint32_t>> args,
                          const std::string& wantText) {
  std::string want = wantText;
  test::TempDir dir;
  std::string wasm = dir.file("random.wasm");
  ASSERT_TRUE(linkModule(fs, wasm));
  if (!haveNode()) return;
  std::string js = instantiate(wasm) + "const mem=new Uint8Array(m.memory.buffer);let out='';for(let i=0;i<" +
                   std::to_string(fs.size()) + ";i++)for(const [a,b] of [";
  for (auto [a, b] : args) js += "[" + std::to_string(a) + "," + std::to_string(b) + "],";
  js += "]){mem.fill(0,0,64);let r;try{r=String(m['f'+i](a,b)>>>0)}catch(e){r='trap'}out+=r+'\\n'}"
        "require('fs').writeFileSync('" + dir.file("out.txt") + "',out)";
  test::writeFile(dir.file("run.js"), js);
  // A wrongly moved loop counter would make a loop run forever.
  bool bounded = std::system("command -v timeout > /dev/null 2>&1") == 0;
  ASSERT_EQ(std::system(((bounded ? "timeout 300 node " : "node ") + dir.file("run.js")).c_str()), 0);
  std::string got = test::readFile(dir.file("out.txt"));
  // The functions that differ, with the expected and actual results.
  std::vector<std::string> wantLines, gotLines;
  for (auto [text, lines] : {std::pair{&want, &wantLines}, std::pair{&got, &gotLines}}) {
    size_t b = 0;
    for (size_t e; (e = text->find('\n', b)) != std::string::npos; b = e + 1) lines->push_back(text->substr(b, e - b));
  }
  ASSERT_EQ(gotLines.size(), wantLines.size());
  uint32_t wrong = 0;
  for (size_t i = 0; i < wantLines.size(); ++i)
    if (wantLines[i] != gotLines[i] && ++wrong <= 5)
      ADD_FAILURE() << "function " << i / args.size() << ", arguments #" << i % args.size() << ": " << gotLines[i]
                    << ", expected " << wantLines[i];
  EXPECT_EQ(wrong, 0u);
}

}  // namespace toyc::codegen::mirtest
