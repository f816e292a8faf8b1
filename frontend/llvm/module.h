// Module-level lowering of LLVM IR: symbols for functions, variables and
// aliases, data segments from initializers (with relocations for pointers),
// init functions, signatures per BasicCABI, and the runtime functions and
// linker-provided globals that lowered code names on demand. It is filled
// before the parallel function lowering and only read during it; functions
// are merged back in module order afterwards, so the unit does not depend
// on thread timing.
#pragma once
#include <cstdint>
#include <string>
#include <vector>
#include <llvm/ADT/DenseMap.h>
#include <llvm/IR/Module.h>
#include "codegen/ir.h"
#include "codegen/ir_compile.h"
#include "frontend/llvm/layout.h"
#include "link/unit.h"
#include "utils/intern.h"

namespace toyc::llvmir {

enum class LibFn : uint16_t {
#define LIBCALL(id, name, sig) id,
#include "frontend/llvm/libcalls.def"
#undef LIBCALL
  Count
};

// Extern references (codegen::kExternBit | id) besides runtime functions.
constexpr uint32_t kExternStackPointer = uint32_t(LibFn::Count);
constexpr uint32_t kExternTable = kExternStackPointer + 1;
inline uint32_t externRef(LibFn f) { return codegen::kExternBit | uint32_t(f); }
inline uint32_t externRef(uint32_t id) { return codegen::kExternBit | id; }
const char* libFnName(LibFn f);

// The widest integer type the backend lowers (64 limbs). clang makes
// integers wider than 128 bits only as the storage of bitfield runs in
// packed structs.
constexpr unsigned kMaxIntBits = 4096;

// The wasm value types one IR type is passed as (BasicCABI): integers up to
// 32 bits and pointers as i32, up to 64 bits as i64, wider ones and fp128
// as 64-bit limbs (low first), aggregates as the concatenation of their
// elements. False for types the backend does not lower (vectors, x86_fp80,
// ...).
bool flattenType(llvm::Type* t, std::vector<codegen::Ty>& out);

// The wasm signature of an IR function type: results of more than one
// value (i128, fp128, aggregates) are returned through a pointer passed as
// the first parameter; variadic functions take a pointer to their extra
// arguments last.
struct Signature {
  link::FuncType type;
  bool indirectResult = false;
  bool ok = true;
};
Signature lowerSignature(llvm::FunctionType* ft);

// The value of blockaddress(f, bb): bb's position in f, from 1.
uint32_t blockNumber(const llvm::BasicBlock* bb);

class ModuleLowering {
public:
  ModuleLowering(const llvm::Module& m, link::Unit& unit, Interner& strings, std::string path);

  // Serial phases, in this order; each returns false after reporting errors.
  bool declareSymbols();
  bool emitData();
  // Another piece of the same module (frontend/llvm/parse.h): its globals
  // name the same symbols.
  void mapPiece(const llvm::Module& piece);
  // After the parallel phase: function i of definedFunctions() in module order.
  void addFunction(uint32_t i, codegen::FuncCode& code, const link::FuncType& type,
                   const std::vector<link::FuncType>& types);
  // Destructors (llvm.global_dtors) run at exit: per priority, a function
  // that calls them and an init function that registers it with
  // __cxa_atexit (LLVM's WebAssemblyLowerGlobalDtors).
  void addDtorRegistrations();
  void finish();

  const std::vector<const llvm::Function*>& definedFunctions() const { return defined_; }
  // Unit symbol of a function, variable or alias (kNoSym if none).
  uint32_t symbolOf(const llvm::GlobalValue* g) const {
    auto it = symOf_.find(g);
    return it == symOf_.end() ? codegen::kNoSym : it->second;
  }
  const llvm::Module& module() const { return m_; }
  // Distinct for every ModuleLowering of the process (per-thread caches key on it).
  uint64_t id() const { return id_; }
  const std::string& path() const { return path_; }

private:
  uint32_t resolveExtern(uint32_t id);
  uint32_t addFuncSymbol(const llvm::Function& f);
  bool emitInitializer(const llvm::Constant* c, Layout& layout, std::vector<uint8_t>& bytes, uint64_t at,
                       std::vector<link::Reloc>& relocs, std::string& err);
  bool constAddress(const llvm::Constant* c, Layout& layout, uint32_t& sym, int64_t& addend, bool& isFunc);
  void addInitFuncs();
  uint32_t addSyntheticFunction(const std::string& name, codegen::MFunc& f);

  const llvm::Module& m_;
  uint64_t id_;
  link::Unit& unit_;
  Interner& strings_;
  std::string path_;
  llvm::DenseMap<const llvm::GlobalValue*, uint32_t> symOf_;
  std::vector<const llvm::Function*> defined_;
  std::vector<uint32_t> definedSym_;       // symbol of each defined function
  std::vector<uint32_t> funcSymsToFix_;    // defined-function symbols: index += number of imports at the end
  std::vector<uint32_t> externSym_;        // extern id -> unit symbol (kNoSym until used)
  uint32_t synthetic_ = 0;                 // functions made here, after the defined ones
  std::vector<std::pair<uint32_t, uint32_t>> dtors_;  // (priority, function symbol)
  std::vector<std::vector<uint8_t>> bodies_;          // function bodies until finish()
};

}  // namespace toyc::llvmir
