// Instruction selection: calls (BasicCABI: byval copies, indirect results,
// variadic buffers), runtime-library calls and intrinsics.
#include <algorithm>
#include <llvm/IR/Constants.h>
#include <llvm/IR/InlineAsm.h>
#include <llvm/IR/Intrinsics.h>
#include "frontend/llvm/isel.h"
#include "frontend/llvm/isel_ops.h"

namespace toyc::llvmir {

using namespace codegen;
using namespace ops;
using llvm::Intrinsic::ID;

namespace {

Ty tyOf(link::ValType t) {
  switch (t) {
    case link::ValType::I64: return Ty::I64;
    case link::ValType::F32: return Ty::F32;
    case link::ValType::F64: return Ty::F64;
    default: return Ty::I32;
  }
}

}  // namespace

uint32_t FunctionLowering::callArea(uint64_t size, uint32_t align) {
  align = std::min<uint32_t>(std::max<uint32_t>(align, 1), 16);
  uint64_t off = alignTo(callCursor_, align);
  callCursor_ = uint32_t(off + size);
  callAreaSize_ = std::max<uint64_t>(callAreaSize_, callCursor_);
  return callAreaBase_ + uint32_t(off);
}

uint32_t FunctionLowering::typeIndex(const link::FuncType& t) {
  for (uint32_t i = 0; i < f_->types.size(); ++i)
    if (f_->types[i] == t) return i;
  f_->types.push_back(t);
  return uint32_t(f_->types.size() - 1);
}

uint32_t FunctionLowering::callLib(LibFn fn, std::initializer_list<uint32_t> args, Ty result) {
  hasCalls_ = true;
  return track(f_->add(OpCall, result, args, 0, externRef(fn)), ExtNone);
}

void FunctionLowering::callLibIndirect(LibFn fn, std::initializer_list<uint32_t> args, uint32_t out[2]) {
  hasCalls_ = true;
  callCursor_ = 0;
  uint32_t off = callArea(16, 16);
  std::vector<uint32_t> a{frameAddr(off)};
  a.insert(a.end(), args.begin(), args.end());
  f_->add(OpCall, Ty::None, a, 0, externRef(fn));
  out[0] = track(f_->load(0x29, Ty::I64, fp_, off, 3), ExtNone);
  out[1] = track(f_->load(0x29, Ty::I64, fp_, off + 8, 3), ExtNone);
}

void FunctionLowering::memcpyInline(Addr dst, Addr src, uint64_t size, uint32_t align, bool mayOverlap) {
  // memmove: every load before the first store. memcpy: each piece loaded
  // and stored in turn, so no value needs a local.
  struct Piece {
    uint32_t value, off, bytes;
  };
  std::vector<Piece> pieces;
  uint64_t at = 0;
  uint32_t al = log2of(align);
  auto storePiece = [&](const Piece& p) {
    uint16_t op = p.bytes == 8 ? 0x37 : p.bytes == 4 ? 0x36 : p.bytes == 2 ? 0x3b : 0x3a;
    f_->store(op, dst.base, p.value, dst.offset + p.off, std::min(al, log2of(p.bytes)));
  };
  while (at < size) {
    uint32_t n = size - at >= 8 ? 8 : size - at >= 4 ? 4 : size - at >= 2 ? 2 : 1;
    uint16_t op = n == 8 ? 0x29 : n == 4 ? 0x28 : n == 2 ? 0x2f : 0x2d;
    uint32_t v = track(f_->load(op, n == 8 ? Ty::I64 : Ty::I32, src.base, src.offset + uint32_t(at), std::min(al, log2of(n))), ExtNone);
    Piece p{v, uint32_t(at), n};
    if (mayOverlap) pieces.push_back(p);
    else storePiece(p);
    at += n;
  }
  for (const Piece& p : pieces) storePiece(p);
}

void FunctionLowering::memsetInline(Addr dst, uint32_t byteValue, uint64_t size, uint32_t align) {
  uint64_t b = byteValue & 0xff;
  uint64_t pat = b * 0x0101010101010101ull;
  uint64_t at = 0;
  uint32_t al = log2of(align);
  uint32_t v64 = kNoValue, v32 = kNoValue;
  while (at < size) {
    uint32_t n = size - at >= 8 ? 8 : size - at >= 4 ? 4 : size - at >= 2 ? 2 : 1;
    if (n == 8) {
      v64 = c64(int64_t(pat));
      f_->store(0x37, dst.base, v64, dst.offset + uint32_t(at), std::min(al, 3u));
    } else {
      v32 = c32(int32_t(uint32_t(n == 4 ? pat : pat & ((uint64_t(1) << (8 * n)) - 1))));
      f_->store(n == 4 ? 0x36 : n == 2 ? 0x3b : 0x3a, dst.base, v32, dst.offset + uint32_t(at), std::min(al, log2of(n)));
    }
    at += n;
  }
}

bool FunctionLowering::lowerCall(const llvm::CallBase& call) {
  if (call.isInlineAsm()) return fail(call, "inline assembly");
  if (!llvm::isa<llvm::CallInst>(call)) return fail(call);
  const llvm::Value* calleeV = call.getCalledOperand()->stripPointerCasts();
  auto* callee = llvm::dyn_cast<llvm::Function>(calleeV);
  if (callee && callee->isIntrinsic()) return lowerIntrinsic(call, callee->getIntrinsicID());
  llvm::FunctionType* ft = call.getFunctionType();
  Signature sig = lowerSignature(ft);
  if (!sig.ok) return fail(call);
  hasCalls_ = true;
  // A direct call needs the callee's own type; a call through a mismatched
  // type goes through the table with the call's signature.
  uint32_t sym = kNoSym;
  if (auto* gv = llvm::dyn_cast<llvm::GlobalValue>(calleeV)) {
    const llvm::Function* target = callee;
    if (!target)
      if (auto* ga = llvm::dyn_cast<llvm::GlobalAlias>(gv)) target = llvm::dyn_cast_or_null<llvm::Function>(ga->getAliaseeObject());
    if (target && target->getFunctionType() == ft) sym = modp_->symbolOf(gv);
  }
  callCursor_ = 0;
  std::vector<uint32_t> args, ps;
  llvm::Type* rt = ft->getReturnType();
  uint32_t retOff = 0;
  if (sig.indirectResult) {
    retOff = callArea(layout_.allocSize(rt), std::max<uint32_t>(8, layout_.abiAlign(rt)));
    args.push_back(frameAddr(retOff));
  }
  unsigned nfixed = ft->getNumParams();
  for (unsigned i = 0; i < nfixed; ++i) {
    const llvm::Value* a = call.getArgOperand(i);
    if (call.paramHasAttr(i, llvm::Attribute::ByVal)) {
      llvm::Type* bt = call.getParamByValType(i);
      uint64_t size = layout_.allocSize(bt);
      uint32_t align = call.getParamAlign(i) ? uint32_t(call.getParamAlign(i)->value()) : layout_.abiAlign(bt);
      uint32_t off = callArea(size, align);
      Addr src = address(a);
      if (src.base == kNoValue) return fail(call);
      if (size <= 64) {
        memcpyInline(Addr{fp_, off}, src, size, std::min<uint32_t>(align, 16), false);
      } else {
        callLib(LibFn::Memcpy, {frameAddr(off), addrValue(src), c32(int32_t(size))}, Ty::I32);
      }
      args.push_back(frameAddr(off));
      continue;
    }
    if (!getParts(a, ps)) return fail(call);
    unsigned w = widthOf(a->getType());
    if (ps.size() == 1 && w && w < 32) {
      if (call.paramHasAttr(i, llvm::Attribute::ZExt)) ps[0] = zext(ps[0], w);
      else if (call.paramHasAttr(i, llvm::Attribute::SExt)) ps[0] = sext(ps[0], w);
    }
    args.insert(args.end(), ps.begin(), ps.end());
  }
  if (ft->isVarArg()) {
    // Extra arguments go to a buffer, each part at its alignment (the first
    // part of a value at least at the value's alignment), as LLVM lays it out.
    struct Slot {
      uint32_t value, off;
      Ty ty;
    };
    std::vector<Slot> slots;
    std::vector<Ty> tys;
    uint64_t off = 0;
    for (unsigned i = nfixed; i < call.arg_size(); ++i) {
      const llvm::Value* a = call.getArgOperand(i);
      tys.clear();
      if (!getParts(a, ps) || !flattenType(a->getType(), tys)) return fail(call);
      for (size_t k = 0; k < ps.size(); ++k) {
        uint32_t size = tys[k] == Ty::I64 || tys[k] == Ty::F64 ? 8 : 4;
        uint32_t align = size;
        if (k == 0) align = std::max(align, std::min<uint32_t>(layout_.abiAlign(a->getType()), 16));
        off = alignTo(off, align);
        slots.push_back({ps[k], uint32_t(off), tys[k]});
        off += size;
      }
    }
    if (slots.empty()) {
      args.push_back(c32(0));
    } else {
      uint32_t base = callArea(off, 16);
      for (const Slot& s : slots) {
        uint16_t op = s.ty == Ty::I64 ? 0x37 : s.ty == Ty::F32 ? 0x38 : s.ty == Ty::F64 ? 0x39 : 0x36;
        f_->store(op, fp_, s.value, base + s.off, s.ty == Ty::I64 || s.ty == Ty::F64 ? 3 : 2);
      }
      args.push_back(frameAddr(base));
    }
  }
  Ty rty = sig.type.results.empty() ? Ty::None : tyOf(sig.type.results[0]);
  uint32_t r;
  if (sym != kNoSym) {
    r = f_->add(OpCall, rty, args, 0, sym);
  } else {
    uint32_t cv = get(call.getCalledOperand());
    if (cv == kNoValue) return fail(call);
    args.push_back(cv);
    r = f_->add(OpCallIndirect, rty, args, typeIndex(sig.type));
  }
  track(r, ExtNone);
  if (rt->isVoidTy()) return true;
  if (sig.indirectResult) {
    ps.clear();
    if (!loadParts(rt, Addr{fp_, retOff}, std::max<uint32_t>(8, layout_.abiAlign(rt)), false, ps)) return fail(call);
    defineParts(&call, ps);
    return true;
  }
  unsigned w = widthOf(rt);
  if (w && w < 32) {
    if (call.hasRetAttr(llvm::Attribute::ZExt)) track(r, ExtZero);
    else if (call.hasRetAttr(llvm::Attribute::SExt)) track(r, ExtSign);
  }
  define(&call, r);
  return true;
}

bool FunctionLowering::lowerIntrinsic(const llvm::CallBase& call, ID id) {
  namespace I = llvm::Intrinsic;
  auto arg = [&](unsigned i) { return call.getArgOperand(i); };
  llvm::Type* rt = call.getType();
  auto fty = [](llvm::Type* t) { return t->isFloatTy() ? Ty::F32 : t->isDoubleTy() ? Ty::F64 : Ty::None; };
  switch (id) {
    // No code.
    case I::dbg_declare: case I::dbg_value: case I::dbg_label: case I::dbg_assign:
    case I::lifetime_start: case I::lifetime_end: case I::assume: case I::experimental_noalias_scope_decl:
    case I::sideeffect: case I::var_annotation: case I::donothing: case I::invariant_end: case I::prefetch:
    case I::vaend: case I::pseudoprobe: case I::codeview_annotation: case I::set_rounding:
      return true;
    case I::invariant_start: {
      define(&call, c32(0));
      return true;
    }
    case I::expect: case I::expect_with_probability: case I::launder_invariant_group:
    case I::strip_invariant_group: case I::ssa_copy: case I::annotation: case I::ptr_annotation:
    case I::threadlocal_address: case I::arithmetic_fence: case I::canonicalize: {
      std::vector<uint32_t> ps;
      if (!getParts(arg(0), ps)) return fail(call);
      defineParts(&call, ps);
      return true;
    }
    case I::is_constant: define(&call, track(c32(0), ExtZero)); return true;
    case I::allow_runtime_check: case I::allow_ubsan_check: define(&call, track(c32(1), ExtZero)); return true;
    case I::objectsize: {
      bool minMode = llvm::cast<llvm::ConstantInt>(arg(1))->isOne();
      unsigned w = widthOf(rt);
      uint32_t v = w > 32 ? c64(minMode ? 0 : -1) : c32(minMode ? 0 : -1);
      define(&call, v);
      return true;
    }
    case I::get_rounding: define(&call, c32(1)); return true;
    // No cycle counter in wasm: 0, as LLVM's backend expands it.
    case I::readcyclecounter: define(&call, c64(0)); return true;
    // __fp16 is a storage format: compiler-rt converts (an f64 through f32,
    // which is exact).
    case I::convert_from_fp16: {
      uint32_t h = zextOp(arg(0));
      if (h == kNoValue || fty(rt) == Ty::None) return fail(call);
      uint32_t f = callLib(LibFn::Extendhfsf2, {h}, Ty::F32);
      define(&call, fty(rt) == Ty::F64 ? add(Op("f64.promote_f32"), Ty::F64, {f}) : f);
      return true;
    }
    case I::convert_to_fp16: {
      uint32_t x = get(arg(0));
      Ty ft = fty(arg(0)->getType());
      if (x == kNoValue || ft == Ty::None || widthOf(rt) > 32) return fail(call);
      define(&call, callLib(ft == Ty::F32 ? LibFn::Truncsfhf2 : LibFn::Truncdfhf2, {x}, Ty::I32));
      return true;
    }
    case I::frexp: {
      // C's frexp, the exponent returned through a slot of the call area.
      auto* st = llvm::cast<llvm::StructType>(rt);
      llvm::Type* ft = st->getElementType(0);
      if (!st->getElementType(1)->isIntegerTy(32)) return fail(call);
      hasCalls_ = true;
      callCursor_ = 0;
      if (ft->isFP128Ty()) {
        std::vector<uint32_t> a;
        if (!getParts(arg(0), a) || a.size() != 2) return fail(call);
        uint32_t off = callArea(20, 16);
        f_->add(OpCall, Ty::None, {frameAddr(off), a[0], a[1], frameAddr(off + 16)}, 0, externRef(LibFn::Frexpl));
        uint32_t parts[3] = {track(f_->load(Op("i64.load"), Ty::I64, fp_, off, 3), ExtNone),
                             track(f_->load(Op("i64.load"), Ty::I64, fp_, off + 8, 3), ExtNone),
                             track(f_->load(Op("i32.load"), Ty::I32, fp_, off + 16, 2), ExtNone)};
        defineParts(&call, parts);
        return true;
      }
      uint32_t x = get(arg(0));
      if (x == kNoValue || fty(ft) == Ty::None) return fail(call);
      uint32_t off = callArea(4, 4);
      uint32_t m = callLib(fty(ft) == Ty::F32 ? LibFn::Frexpf : LibFn::Frexp, {x, frameAddr(off)}, fty(ft));
      uint32_t parts[2] = {m, track(f_->load(Op("i32.load"), Ty::I32, fp_, off, 2), ExtNone)};
      defineParts(&call, parts);
      return true;
    }
    case I::trap: case I::debugtrap: case I::ubsantrap:
      f_->add(0x00, Ty::None, {});
      return true;
    case I::stacksave: {
      dynamicSp_ = true;
      define(&call, track(f_->add(OpGlobalGet, Ty::I32, {}, 0, f_->spSym), ExtNone));
      return true;
    }
    case I::stackrestore: {
      dynamicSp_ = true;
      uint32_t v = get(arg(0));
      if (v == kNoValue) return fail(call);
      f_->add(OpGlobalSet, Ty::None, {v}, 0, f_->spSym);
      return true;
    }
    case I::frameaddress: {
      define(&call, track(f_->add(OpGlobalGet, Ty::I32, {}, 0, f_->spSym), ExtNone));
      return true;
    }
    case I::returnaddress: define(&call, c32(0)); return true;
    case I::vastart: {
      if (varargBase_ == kNoValue) return fail(call);
      Addr a = address(arg(0));
      if (a.base == kNoValue) return fail(call);
      f_->store(0x36, a.base, varargBase_, a.offset, 2);
      return true;
    }
    case I::vacopy: {
      Addr d = address(arg(0)), s = address(arg(1));
      if (d.base == kNoValue || s.base == kNoValue) return fail(call);
      uint32_t v = track(f_->load(0x28, Ty::I32, s.base, s.offset, 2), ExtNone);
      f_->store(0x36, d.base, v, d.offset, 2);
      return true;
    }
    case I::memcpy: case I::memcpy_inline: case I::memmove: case I::memset: case I::memset_inline: {
      bool isSet = id == I::memset || id == I::memset_inline;
      auto* len = llvm::dyn_cast<llvm::ConstantInt>(arg(2));
      auto* mi = llvm::cast<llvm::MemIntrinsic>(&call);
      uint32_t align = uint32_t(mi->getDestAlign() ? mi->getDestAlign()->value() : 1);
      if (!isSet) {
        auto* mt = llvm::cast<llvm::MemTransferInst>(&call);
        align = std::min<uint32_t>(align, uint32_t(mt->getSourceAlign() ? mt->getSourceAlign()->value() : 1));
      }
      if (len && len->getZExtValue() <= 64) {
        uint64_t n = len->getZExtValue();
        if (n == 0) return true;
        Addr d = address(arg(0));
        if (d.base == kNoValue) return fail(call);
        if (isSet) {
          auto* bv = llvm::dyn_cast<llvm::ConstantInt>(arg(1));
          if (bv) {
            memsetInline(d, uint32_t(bv->getZExtValue()), n, align);
            return true;
          }
        } else {
          Addr s = address(arg(1));
          if (s.base == kNoValue) return fail(call);
          memcpyInline(d, s, n, align, id == I::memmove);
          return true;
        }
      }
      uint32_t d = get(arg(0)), x = isSet ? zextOp(arg(1)) : get(arg(1)), n = get(arg(2));
      if (d == kNoValue || x == kNoValue || n == kNoValue) return fail(call);
      n = toI32(n);
      LibFn fn = isSet ? LibFn::Memset : id == I::memmove ? LibFn::Memmove : LibFn::Memcpy;
      callLib(fn, {d, x, n}, Ty::I32);
      return true;
    }
    default: break;
  }

  // Floating point.
  if (!rt->isVoidTy() && (fty(rt) != Ty::None)) {
    Ty t = fty(rt);
    bool f32 = t == Ty::F32;
    auto a0 = [&] { return get(arg(0)); };
    auto unary = [&](uint16_t op32, uint16_t op64) {
      uint32_t a = a0();
      if (a == kNoValue) return fail(call);
      define(&call, add(f32 ? op32 : op64, t, {a}));
      return true;
    };
    auto binary = [&](uint16_t op32, uint16_t op64) {
      uint32_t a = a0(), b = get(arg(1));
      if (a == kNoValue || b == kNoValue) return fail(call);
      define(&call, add(f32 ? op32 : op64, t, {a, b}));
      return true;
    };
    auto lib1 = [&](LibFn d, LibFn f) {
      uint32_t a = a0();
      if (a == kNoValue) return fail(call);
      define(&call, callLib(f32 ? f : d, {a}, t));
      return true;
    };
    auto lib2 = [&](LibFn d, LibFn f) {
      uint32_t a = a0(), b = get(arg(1));
      if (a == kNoValue || b == kNoValue) return fail(call);
      define(&call, callLib(f32 ? f : d, {a, b}, t));
      return true;
    };
    switch (id) {
      case I::fabs: return unary(0x8b, 0x99);
      case I::sqrt: return unary(0x91, 0x9f);
      case I::ceil: return unary(0x8d, 0x9b);
      case I::floor: return unary(0x8e, 0x9c);
      case I::trunc: return unary(0x8f, 0x9d);
      case I::rint: case I::nearbyint: case I::roundeven: return unary(0x90, 0x9e);
      case I::copysign: return binary(0x98, 0xa6);
      case I::minimum: return binary(0x96, 0xa4);
      case I::maximum: return binary(0x97, 0xa5);
      case I::minnum: return lib2(LibFn::Fmin, LibFn::Fminf);
      case I::maxnum: return lib2(LibFn::Fmax, LibFn::Fmaxf);
      case I::round: return lib1(LibFn::Round, LibFn::Roundf);
      case I::pow: return lib2(LibFn::Pow, LibFn::Powf);
      case I::exp: return lib1(LibFn::Exp, LibFn::Expf);
      case I::exp2: return lib1(LibFn::Exp2, LibFn::Exp2f);
      case I::exp10: return lib1(LibFn::Exp10, LibFn::Exp10f);
      case I::log: return lib1(LibFn::Log, LibFn::Logf);
      case I::log2: return lib1(LibFn::Log2, LibFn::Log2f);
      case I::log10: return lib1(LibFn::Log10, LibFn::Log10f);
      case I::sin: return lib1(LibFn::Sin, LibFn::Sinf);
      case I::cos: return lib1(LibFn::Cos, LibFn::Cosf);
      case I::tan: return lib1(LibFn::Tan, LibFn::Tanf);
      case I::powi: case I::ldexp: {
        uint32_t a = a0(), b = get(arg(1));
        if (a == kNoValue || b == kNoValue) return fail(call);
        LibFn fn = id == I::powi ? (f32 ? LibFn::Powisf2 : LibFn::Powidf2) : (f32 ? LibFn::Ldexpf : LibFn::Ldexp);
        define(&call, callLib(fn, {a, toI32(b)}, t));
        return true;
      }
      case I::fma: {
        uint32_t a = a0(), b = get(arg(1)), c = get(arg(2));
        if (a == kNoValue || b == kNoValue || c == kNoValue) return fail(call);
        define(&call, callLib(f32 ? LibFn::Fmaf : LibFn::Fma, {a, b, c}, t));
        return true;
      }
      case I::fmuladd: {
        uint32_t a = a0(), b = get(arg(1)), c = get(arg(2));
        if (a == kNoValue || b == kNoValue || c == kNoValue) return fail(call);
        uint32_t m = add(f32 ? 0x94 : 0xa2, t, {a, b});
        define(&call, add(f32 ? 0x92 : 0xa0, t, {m, c}));
        return true;
      }
      default: break;
    }
  }

  unsigned w = rt->isVoidTy() || rt->isStructTy() ? 0 : widthOf(rt);
  Ty ty = w ? containerOf(w) : Ty::None;
  auto konst = [&](Ty t, int64_t v) { return t == Ty::I64 ? c64(v) : c32(int32_t(v)); };
  switch (id) {
    case I::lround: case I::llround: case I::lrint: case I::llrint: {
      Ty ft = fty(arg(0)->getType());
      uint32_t a = get(arg(0));
      if (ft == Ty::None || a == kNoValue) return fail(call);
      bool r64 = w > 32, f32 = ft == Ty::F32;
      LibFn fn = id == I::lround || id == I::llround
                     ? (r64 ? (f32 ? LibFn::Llroundf : LibFn::Llround) : (f32 ? LibFn::Lroundf : LibFn::Lround))
                     : (r64 ? (f32 ? LibFn::Llrintf : LibFn::Llrint) : (f32 ? LibFn::Lrintf : LibFn::Lrint));
      define(&call, callLib(fn, {a}, r64 ? Ty::I64 : Ty::I32));
      return true;
    }
    case I::fptosi_sat: case I::fptoui_sat: {
      Ty ft = fty(arg(0)->getType());
      uint32_t a = get(arg(0));
      if (ft == Ty::None || a == kNoValue || !w || w > 64) return fail(call);
      bool s = id == I::fptosi_sat;
      // i32.trunc_sat_f32_s = fc 0 ... i64.trunc_sat_f64_u = fc 7
      uint16_t op = uint16_t(kFC | ((w > 32 ? 4 : 0) + (ft == Ty::F64 ? 2 : 0) + (s ? 0 : 1)));
      uint32_t v = add(op, ty, {a});
      unsigned cw = ty == Ty::I64 ? 64 : 32;
      if (w < cw) {  // clamp to the narrower range
        int64_t hi = s ? (int64_t(1) << (w - 1)) - 1 : int64_t((uint64_t(1) << w) - 1);
        int64_t lo = s ? -(int64_t(1) << (w - 1)) : 0;
        uint32_t h = konst(ty, hi);
        uint32_t c1 = add(cmpOp(s ? I32GtS : I32GtU, ty), Ty::I32, {v, h});
        v = add(0x1b, ty, {konst(ty, hi), v, c1});
        if (s) {
          uint32_t c2 = add(cmpOp(I32LtS, ty), Ty::I32, {v, konst(ty, lo)});
          v = add(0x1b, ty, {konst(ty, lo), v, c2});
        }
        track(v, s ? ExtSign : ExtZero);
      }
      define(&call, v);
      return true;
    }
    case I::abs: {
      if (!w || w > 64) break;
      uint32_t a = sextOp(arg(0));
      if (a == kNoValue) return fail(call);
      uint32_t neg = add(intOp(I32Sub, ty), ty, {konst(ty, 0), a});
      uint32_t c = add(cmpOp(I32LtS, ty), Ty::I32, {a, konst(ty, 0)});
      define(&call, add(0x1b, ty, {neg, a, c}));
      return true;
    }
    case I::smin: case I::smax: case I::umin: case I::umax: {
      if (!w || w > 64) break;
      bool s = id == I::smin || id == I::smax;
      uint32_t a = s ? sextOp(arg(0)) : zextOp(arg(0)), b = s ? sextOp(arg(1)) : zextOp(arg(1));
      if (a == kNoValue || b == kNoValue) return fail(call);
      bool mn = id == I::smin || id == I::umin;
      uint16_t op = mn ? (s ? I32LtS : I32LtU) : (s ? I32GtS : I32GtU);
      uint32_t c = add(cmpOp(op, ty), Ty::I32, {a, b});
      define(&call, add(0x1b, ty, {a, b, c}, s ? ExtSign : ExtZero));
      return true;
    }
    case I::scmp: case I::ucmp: {
      unsigned aw = widthOf(arg(0)->getType());
      if (!aw || aw > 64 || !w || w > 64) break;
      bool s = id == I::scmp;
      uint32_t a = s ? sextOp(arg(0)) : zextOp(arg(0)), b = s ? sextOp(arg(1)) : zextOp(arg(1));
      if (a == kNoValue || b == kNoValue) return fail(call);
      Ty at = containerOf(aw);
      uint32_t gt = add(cmpOp(s ? I32GtS : I32GtU, at), Ty::I32, {a, b});
      uint32_t lt = add(cmpOp(s ? I32LtS : I32LtU, at), Ty::I32, {a, b});
      uint32_t r = add(I32Sub, Ty::I32, {gt, lt});
      if (ty == Ty::I64) r = add(0xac, Ty::I64, {r});
      define(&call, track(r, ExtSign));
      return true;
    }
    case I::ctpop: case I::ctlz: case I::cttz: {
      if (!w || w > 64) break;
      unsigned cw = ty == Ty::I64 ? 64 : 32;
      uint32_t a;
      uint32_t r;
      if (id == I::ctpop) {
        a = zextOp(arg(0));
        r = add(intOp(I32Popcnt, ty), ty, {a}, ExtZero);
      } else if (id == I::ctlz) {
        a = zextOp(arg(0));
        r = add(intOp(I32Clz, ty), ty, {a});
        if (w < cw) r = add(intOp(I32Sub, ty), ty, {r, konst(ty, cw - w)});
        track(r, ExtZero);
      } else {
        a = get(arg(0));
        if (a == kNoValue) return fail(call);
        if (w < cw) a = add(intOp(I32Or, ty), ty, {a, konst(ty, int64_t(uint64_t(1) << w))});
        r = add(intOp(I32Ctz, ty), ty, {a}, ExtZero);
      }
      define(&call, r);
      return true;
    }
    case I::bswap: case I::bitreverse: {
      if (!w || w > 64 || (w % 8 != 0 && id == I::bswap)) break;
      uint32_t a = get(arg(0));
      if (a == kNoValue) return fail(call);
      auto bswap32 = [&](uint32_t x) {
        // (rotr(x, 8) & 0xff00ff00) | (rotl(x, 8) & 0x00ff00ff)
        uint32_t hi = add(I32And, Ty::I32, {add(I32Rotr, Ty::I32, {x, c32(8)}), c32(int32_t(0xff00ff00u))});
        uint32_t lo = add(I32And, Ty::I32, {add(I32Rotl, Ty::I32, {x, c32(8)}), c32(0x00ff00ff)});
        return add(I32Or, Ty::I32, {hi, lo});
      };
      auto rev32 = [&](uint32_t x) {
        static const uint32_t masks[] = {0x55555555u, 0x33333333u, 0x0f0f0f0fu};
        for (unsigned k = 0; k < 3; ++k) {
          int32_t sh = 1 << k;
          uint32_t m = c32(int32_t(masks[k]));
          uint32_t l = add(I32Shl, Ty::I32, {add(I32And, Ty::I32, {x, m}), c32(sh)});
          uint32_t r = add(I32And, Ty::I32, {add(I32ShrU, Ty::I32, {x, c32(sh)}), c32(int32_t(masks[k]))});
          x = add(I32Or, Ty::I32, {l, r});
        }
        return bswap32(x);
      };
      bool isSwap = id == I::bswap;
      auto op32 = [&](uint32_t x) { return isSwap ? bswap32(x) : rev32(x); };
      uint32_t r;
      if (ty == Ty::I32) {
        r = op32(a);
        if (w < 32) r = add(I32ShrU, Ty::I32, {r, c32(int32_t(32 - w))}, ExtZero);
      } else {
        uint32_t lo = add(0xa7, Ty::I32, {a});
        uint32_t hi = add(0xa7, Ty::I32, {add(0x88, Ty::I64, {a, c64(32)})});
        uint32_t nlo = add(0xad, Ty::I64, {op32(lo)});
        uint32_t nhi = add(0xad, Ty::I64, {op32(hi)});
        r = add(0x84, Ty::I64, {add(0x86, Ty::I64, {nlo, c64(32)}), nhi});
        if (w < 64) r = add(0x88, Ty::I64, {r, c64(64 - w)}, ExtZero);
      }
      define(&call, r);
      return true;
    }
    case I::fshl: case I::fshr: {
      if (!w || w > 64) break;
      bool left = id == I::fshl;
      unsigned cw = ty == Ty::I64 ? 64 : 32;
      if (w == cw && arg(0) == arg(1)) {
        uint32_t a = get(arg(0)), c = get(arg(2));
        if (a == kNoValue || c == kNoValue) return fail(call);
        define(&call, add(intOp(left ? I32Rotl : I32Rotr, ty), ty, {a, c}));
        return true;
      }
      uint32_t a = zextOp(arg(0)), b = zextOp(arg(1)), c = zextOp(arg(2));
      if (a == kNoValue || b == kNoValue || c == kNoValue) return fail(call);
      uint32_t s = (w & (w - 1)) == 0 ? add(intOp(I32And, ty), ty, {c, konst(ty, w - 1)})
                                       : add(intOp(I32RemU, ty), ty, {c, konst(ty, w)});
      uint32_t r;
      if (2 * w <= cw) {
        // Both halves fit in one container: shift the concatenation.
        uint32_t cat = add(intOp(I32Or, ty), ty, {add(intOp(I32Shl, ty), ty, {a, konst(ty, w)}), b});
        if (left) r = add(intOp(I32ShrU, ty), ty, {add(intOp(I32Shl, ty), ty, {cat, s}), konst(ty, w)});
        else r = add(intOp(I32ShrU, ty), ty, {cat, s});
      } else {
        // (a << s) | (b >> 1 >> (w-1-s)), and the mirror image: no shift by w.
        uint32_t inv = add(intOp(I32Sub, ty), ty, {konst(ty, w - 1), s});
        if (left) {
          uint32_t l = add(intOp(I32Shl, ty), ty, {a, s});
          uint32_t rr = add(intOp(I32ShrU, ty), ty, {add(intOp(I32ShrU, ty), ty, {b, konst(ty, 1)}), inv});
          r = add(intOp(I32Or, ty), ty, {l, rr});
        } else {
          uint32_t rr = add(intOp(I32ShrU, ty), ty, {b, s});
          uint32_t l = add(intOp(I32Shl, ty), ty, {add(intOp(I32Shl, ty), ty, {a, konst(ty, 1)}), inv});
          r = add(intOp(I32Or, ty), ty, {l, rr});
        }
      }
      define(&call, r);
      return true;
    }
    case I::sadd_with_overflow: case I::uadd_with_overflow: case I::ssub_with_overflow:
    case I::usub_with_overflow: case I::smul_with_overflow: case I::umul_with_overflow: {
      unsigned aw = widthOf(arg(0)->getType());
      if (!aw || aw > 64) break;
      Ty at = containerOf(aw);
      unsigned cw = at == Ty::I64 ? 64 : 32;
      bool s = id == I::sadd_with_overflow || id == I::ssub_with_overflow || id == I::smul_with_overflow;
      bool isAdd = id == I::sadd_with_overflow || id == I::uadd_with_overflow;
      bool isSub = id == I::ssub_with_overflow || id == I::usub_with_overflow;
      uint32_t res, ovf;
      if (aw < cw && !(aw > 16 && !isAdd && !isSub && at == Ty::I32) && !(aw > 32 && !isAdd && !isSub)) {
        // Exact in the container: overflow if the result does not fit the width.
        uint32_t a = s ? sextOp(arg(0)) : zextOp(arg(0)), b = s ? sextOp(arg(1)) : zextOp(arg(1));
        if (a == kNoValue || b == kNoValue) return fail(call);
        uint16_t op = isAdd ? I32Add : isSub ? I32Sub : I32Mul;
        res = add(intOp(op, at), at, {a, b});
        if (s) ovf = add(cmpOp(I32Ne, at), Ty::I32, {sext(track(f_->add(OpMove, at, {res}), ExtNone), aw), res}, ExtZero);
        else if (isSub) ovf = add(cmpOp(I32LtU, at), Ty::I32, {a, b}, ExtZero);
        else ovf = add(cmpOp(I32Ne, at), Ty::I32, {add(intOp(I32ShrU, at), at, {res, konst(at, aw)}), konst(at, 0)}, ExtZero);
      } else if (isAdd || isSub) {
        uint32_t a = get(arg(0)), b = get(arg(1));
        if (a == kNoValue || b == kNoValue) return fail(call);
        if (aw < cw) {
          a = s ? sext(a, aw) : zext(a, aw);
          b = s ? sext(b, aw) : zext(b, aw);
        }
        res = add(intOp(isAdd ? I32Add : I32Sub, at), at, {a, b});
        if (s) {
          // add: ((a ^ r) & (b ^ r)) < 0; sub: ((a ^ b) & (a ^ r)) < 0
          uint32_t x1 = add(intOp(I32Xor, at), at, {a, res});
          uint32_t x2 = isAdd ? add(intOp(I32Xor, at), at, {b, res}) : add(intOp(I32Xor, at), at, {a, b});
          ovf = add(cmpOp(I32LtS, at), Ty::I32, {add(intOp(I32And, at), at, {x1, x2}), konst(at, 0)}, ExtZero);
        } else if (isAdd) {
          ovf = add(cmpOp(I32LtU, at), Ty::I32, {res, a}, ExtZero);
        } else {
          ovf = add(cmpOp(I32LtU, at), Ty::I32, {a, b}, ExtZero);
        }
      } else if (at == Ty::I32) {
        // 17..32-bit products are exact in 64 bits.
        uint32_t a = s ? sextOp(arg(0)) : zextOp(arg(0)), b = s ? sextOp(arg(1)) : zextOp(arg(1));
        if (a == kNoValue || b == kNoValue) return fail(call);
        uint32_t wa = add(s ? 0xac : 0xad, Ty::I64, {a}), wb = add(s ? 0xac : 0xad, Ty::I64, {b});
        uint32_t p = add(0x7e, Ty::I64, {wa, wb});
        res = add(0xa7, Ty::I32, {p});
        uint32_t back = s ? sext(add(0xa7, Ty::I32, {p}), aw) : zext(add(0xa7, Ty::I32, {p}), aw);
        uint32_t wide = add(s ? 0xac : 0xad, Ty::I64, {back});
        ovf = add(0x52, Ty::I32, {wide, p}, ExtZero);
      } else {
        // 64-bit products: __multi3 on the 128-bit extensions.
        uint32_t a = s ? sextOp(arg(0)) : zextOp(arg(0)), b = s ? sextOp(arg(1)) : zextOp(arg(1));
        if (a == kNoValue || b == kNoValue) return fail(call);
        uint32_t ah = s ? add(0x87, Ty::I64, {a, c64(63)}) : c64(0);
        uint32_t bh = s ? add(0x87, Ty::I64, {b, c64(63)}) : c64(0);
        uint32_t out[2];
        callLibIndirect(LibFn::Multi3, {a, ah, b, bh}, out);
        res = out[0];
        if (aw < 64) {
          uint32_t back = s ? sext(track(f_->add(OpMove, Ty::I64, {res}), ExtNone), aw) : zext(res, aw);
          uint32_t hiOk = s ? add(0x87, Ty::I64, {back, c64(63)}) : c64(0);
          ovf = add(I32Or, Ty::I32, {add(0x52, Ty::I32, {back, res}), add(0x52, Ty::I32, {out[1], hiOk})}, ExtZero);
        } else {
          uint32_t expect = s ? add(0x87, Ty::I64, {res, c64(63)}) : c64(0);
          ovf = add(0x52, Ty::I32, {out[1], expect}, ExtZero);
        }
      }
      uint32_t ps[2] = {res, ovf};
      defineParts(&call, ps);
      return true;
    }
    case I::sadd_sat: case I::uadd_sat: case I::ssub_sat: case I::usub_sat: {
      if (!w || w > 64) break;
      unsigned cw = ty == Ty::I64 ? 64 : 32;
      bool s = id == I::sadd_sat || id == I::ssub_sat;
      bool isAdd = id == I::sadd_sat || id == I::uadd_sat;
      uint32_t a = s ? sextOp(arg(0)) : zextOp(arg(0)), b = s ? sextOp(arg(1)) : zextOp(arg(1));
      if (a == kNoValue || b == kNoValue) return fail(call);
      uint32_t r = add(intOp(isAdd ? I32Add : I32Sub, ty), ty, {a, b});
      int64_t maxv = s ? (w == 64 ? INT64_MAX : (int64_t(1) << (w - 1)) - 1) : (w == 64 ? -1 : int64_t((uint64_t(1) << w) - 1));
      int64_t minv = s ? (w == 64 ? INT64_MIN : -(int64_t(1) << (w - 1))) : 0;
      if (w < cw) {
        // Exact in the container: clamp.
        if (s || isAdd) {
          uint32_t c = add(cmpOp(s ? I32GtS : I32GtU, ty), Ty::I32, {r, konst(ty, maxv)});
          r = add(0x1b, ty, {konst(ty, maxv), r, c});
        }
        if (s || !isAdd) {
          uint32_t c = add(cmpOp(I32LtS, ty), Ty::I32, {r, konst(ty, minv)});
          r = add(0x1b, ty, {konst(ty, minv), r, c});
        }
        track(r, s ? ExtSign : ExtZero);
      } else if (!s) {
        uint32_t c = isAdd ? add(cmpOp(I32LtU, ty), Ty::I32, {r, a}) : add(cmpOp(I32LtU, ty), Ty::I32, {a, b});
        r = add(0x1b, ty, {konst(ty, isAdd ? -1 : 0), r, c});
      } else {
        uint32_t x1 = add(intOp(I32Xor, ty), ty, {a, r});
        uint32_t x2 = isAdd ? add(intOp(I32Xor, ty), ty, {b, r}) : add(intOp(I32Xor, ty), ty, {a, b});
        uint32_t ovf = add(cmpOp(I32LtS, ty), Ty::I32, {add(intOp(I32And, ty), ty, {x1, x2}), konst(ty, 0)});
        // Saturate toward the sign of a: (a >> (w-1)) ^ MAX
        uint32_t sat = add(intOp(I32Xor, ty), ty, {add(intOp(I32ShrS, ty), ty, {a, konst(ty, cw - 1)}), konst(ty, maxv)});
        r = add(0x1b, ty, {sat, r, ovf});
      }
      define(&call, r);
      return true;
    }
    case I::ptrmask: {
      uint32_t p = get(arg(0)), m = get(arg(1));
      if (p == kNoValue || m == kNoValue) return fail(call);
      define(&call, add(I32And, Ty::I32, {p, toI32(m)}));
      return true;
    }
    case I::is_fpclass: {
      Ty ft = fty(arg(0)->getType());
      uint32_t x = get(arg(0));
      if (ft == Ty::None || x == kNoValue) return fail(call);
      unsigned mask = unsigned(llvm::cast<llvm::ConstantInt>(arg(1))->getZExtValue());
      bool f32 = ft == Ty::F32;
      Ty it = f32 ? Ty::I32 : Ty::I64;
      uint32_t bits = add(f32 ? 0xbc : 0xbd, it, {x});
      int64_t signBit = f32 ? int64_t(0x80000000u) : INT64_MIN;
      int64_t expMask = f32 ? 0x7f800000 : 0x7ff0000000000000;
      int64_t quiet = f32 ? 0x00400000 : 0x0008000000000000;
      int64_t minNormal = f32 ? 0x00800000 : 0x0010000000000000;
      uint32_t absBits = add(intOp(I32And, it), it, {bits, konst(it, ~signBit)});
      uint32_t neg = add(cmpOp(I32LtS, it), Ty::I32, {bits, konst(it, 0)});
      uint32_t pos = add(I32Eqz, Ty::I32, {neg});
      uint32_t acc = kNoValue;
      auto orIn = [&](uint32_t c) { acc = acc == kNoValue ? c : add(I32Or, Ty::I32, {acc, c}); };
      auto klass = [&](unsigned negBit, unsigned posBit, uint32_t cond) {
        bool n = mask & negBit, p = mask & posBit;
        if (n && p) orIn(cond);
        else if (n) orIn(add(I32And, Ty::I32, {cond, neg}));
        else if (p) orIn(add(I32And, Ty::I32, {cond, pos}));
      };
      if (mask & 3) {
        if ((mask & 3) == 3) orIn(add(cmpOp(I32GtU, it), Ty::I32, {absBits, konst(it, expMask)}));
        else if (mask & 1)
          orIn(add(I32And, Ty::I32, {add(cmpOp(I32GtU, it), Ty::I32, {absBits, konst(it, expMask)}),
                                     add(cmpOp(I32LtU, it), Ty::I32, {absBits, konst(it, expMask | quiet)})}));
        else orIn(add(cmpOp(0x4f, it), Ty::I32, {absBits, konst(it, expMask | quiet)}));
      }
      klass(0x4, 0x200, add(cmpOp(I32Eq, it), Ty::I32, {absBits, konst(it, expMask)}));
      klass(0x8, 0x100, add(cmpOp(I32LtU, it), Ty::I32, {add(intOp(I32Sub, it), it, {absBits, konst(it, minNormal)}),
                                                         konst(it, expMask - minNormal)}));
      klass(0x10, 0x80, add(cmpOp(I32LtU, it), Ty::I32, {add(intOp(I32Sub, it), it, {absBits, konst(it, 1)}),
                                                         konst(it, minNormal - 1)}));
      klass(0x20, 0x40, add(cmpOp(I32Eq, it), Ty::I32, {absBits, konst(it, 0)}));
      if (acc == kNoValue) acc = c32(0);
      define(&call, track(acc, ExtZero));
      return true;
    }
    default: break;
  }
  if (call.getCalledFunction() && call.getCalledFunction()->getName().starts_with("llvm.wasm.memory.size")) {
    define(&call, add(0x3f, Ty::I32, {}));
    return true;
  }
  if (call.getCalledFunction() && call.getCalledFunction()->getName().starts_with("llvm.wasm.memory.grow")) {
    uint32_t d = get(arg(1));
    if (d == kNoValue) return fail(call);
    define(&call, add(0x40, Ty::I32, {d}));
    return true;
  }
  if (isWide(rt) || (call.arg_size() && isWide(arg(0)->getType()))) return lowerWide(call);
  return fail(call);
}

}  // namespace toyc::llvmir
