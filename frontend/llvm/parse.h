// Reading IR with LLVM's parsers. Large text IR is reshaped before LLVM
// parses it: global variable definitions move to the end (so tables of
// function pointers do not cost LLVM's parser quadratic time), and the
// file is cut into pieces at function definitions, one per thread; every
// piece is the whole module in which the bodies of the other pieces'
// functions are replaced by `unreachable`. Each piece is parsed in its own
// LLVMContext; the first one provides the module's symbols, and every
// function's body is taken from the piece that kept it. Files that do not
// look like LLVM's own printed IR (or that are small) are parsed whole,
// bitcode under a crash guard and a deadline.
#pragma once
#include <memory>
#include <string>
#include <vector>
#include <llvm/ADT/DenseMap.h>
#include <llvm/IR/Module.h>

namespace toyc::llvmir {

struct ParsedIr {
  // modules[0] has every symbol; its function bodies may be stubs.
  std::vector<llvm::Module*> modules;
  // Functions of modules[0] whose body is in another piece.
  llvm::DenseMap<const llvm::Function*, const llvm::Function*> bodyOf;
  // The file's text when it is text IR (empty for bitcode).
  llvm::StringRef text;
  const llvm::Function* body(const llvm::Function* f) const {
    auto it = bodyOf.find(f);
    return it == bodyOf.end() ? f : it->second;
  }
};

// Parses path (text or bitcode) into out; reports LLVM's diagnostic and
// returns false on a syntax error. The modules and their contexts are
// never freed (the process ends soon after).
bool parseIr(const std::string& path, unsigned pieces, ParsedIr& out);

// The 1-based line of text IR where function fn is defined, or of the
// instruction printed as inst inside that definition when it is found
// there (the verifier names instructions by their printed text, which is
// the text clang and LLVM write); 0 when fn is not found.
unsigned sourceLine(llvm::StringRef text, llvm::StringRef fn, llvm::StringRef inst);

}  // namespace toyc::llvmir
