// Emission: the structured program of a function, its blocks' expression
// trees and its locals as a wasm function body with relocations. Relocated
// immediates are padded to 5 bytes, as relocatable code requires.
#include <cstring>
#include "codegen/ir_passes.h"
#include "link/leb128.h"

namespace toyc::codegen {

namespace {

using link::Reloc;
using link::RelocType;

// The inverse of an integer comparison (i32.eq .. i32.ge_u, i64.eq .. i64.ge_u).
uint16_t invertCompare(uint16_t op) {
  static const uint8_t inv[10] = {1, 0, 8, 9, 6, 7, 4, 5, 2, 3};  // eq ne lt_s lt_u gt_s gt_u le_s le_u ge_s ge_u
  if (op >= 0x46 && op <= 0x4f) return uint16_t(0x46 + inv[op - 0x46]);
  if (op >= 0x51 && op <= 0x5a) return uint16_t(0x51 + inv[op - 0x51]);
  return 0;
}

class Emitter {
public:
  Emitter(FuncState& s, FuncCode& out) : s_(s), f_(*s.f), out_(out) {}

  void run() {
    out_.body.clear();
    out_.relocs.clear();
    code_.clear();
    relocs_.clear();
    const auto& items = s_.st.items;
    for (size_t k = 0; k < items.size(); ++k) item(items[k], k + 1 == items.size());
    bool endsInJump = false;
    if (!items.empty()) {
      SItem::Kind last = items.back().kind;
      endsInJump = last == SItem::Return || last == SItem::Br || last == SItem::BrTable || last == SItem::Unreachable;
    }
    if (!endsInJump && !f_.type.results.empty()) code_.push_back(0x00);
    code_.push_back(0x0b);

    // Locals header, then the code; relocations move by the header's size.
    std::vector<uint8_t>& body = out_.body;
    std::vector<std::pair<uint32_t, link::ValType>> runs;
    for (link::ValType t : s_.localTypes) {
      if (!runs.empty() && runs.back().second == t) ++runs.back().first;
      else runs.push_back({1, t});
    }
    body.reserve(code_.size() + 16);
    wasm::appendUleb(body, runs.size());
    for (auto [n, t] : runs) {
      wasm::appendUleb(body, n);
      body.push_back(uint8_t(t));
    }
    uint32_t header = uint32_t(body.size());
    body.insert(body.end(), code_.begin(), code_.end());
    out_.relocs = relocs_;
    for (Reloc& r : out_.relocs) r.offset += header;
  }

private:
  void byte(uint8_t b) { code_.push_back(b); }
  void uleb(uint64_t v) {
    uint8_t buf[10];
    unsigned n = wasm::writeUleb(buf, v);
    code_.insert(code_.end(), buf, buf + n);
  }
  void sleb(int64_t v) {
    uint8_t buf[10];
    unsigned n = wasm::writeSleb(buf, v);
    code_.insert(code_.end(), buf, buf + n);
  }
  void relocU(RelocType t, uint32_t index, int64_t addend = 0) {
    relocs_.push_back({t, uint32_t(code_.size()), index, addend});
    size_t at = code_.size();
    code_.resize(at + 5);
    wasm::writeUlebPadded(code_.data() + at, 0, 5);
  }
  void relocS(RelocType t, uint32_t index, int64_t addend = 0) {
    relocs_.push_back({t, uint32_t(code_.size()), index, addend});
    size_t at = code_.size();
    code_.resize(at + 5);
    wasm::writeSlebPadded(code_.data() + at, 0, 5);
  }
  void opcode(uint16_t op) {
    if (op >= kFC) {
      byte(0xfc);
      uleb(op - kFC);
    } else {
      byte(uint8_t(op));
    }
  }
  void localGet(uint32_t l) {
    byte(0x20);
    uleb(l);
  }

  void item(const SItem& it, bool last) {
    switch (it.kind) {
      case SItem::Body: body(it.node); break;
      case SItem::Cond: cond(it.node, it.negate); break;
      case SItem::Drop: byte(0x1a); break;
      case SItem::Block: byte(0x02); byte(0x40); break;
      case SItem::Loop: byte(0x03); byte(0x40); break;
      case SItem::If: byte(0x04); byte(0x40); break;
      case SItem::Else: byte(0x05); break;
      case SItem::End: byte(0x0b); break;
      case SItem::Br: byte(0x0c); uleb(it.arg); break;
      case SItem::BrIf: byte(0x0d); uleb(it.arg); break;
      case SItem::BrTable: {
        uint32_t n = f_.cfg.node(it.node).succCount;
        byte(0x0e);
        uleb(n - 1);
        for (uint32_t k = 0; k < n; ++k) uleb(s_.st.tableDepths[it.arg + k]);
        break;
      }
      case SItem::Return: ret(it.node, last); break;
      case SItem::Unreachable: byte(0x00); break;
    }
  }

  // Every tree root of the block except its exit.
  void body(uint32_t b) {
    const CfgNode& nd = f_.cfg.node(b);
    if (nd.kind == NodeKind::SetLabel) {
      byte(0x41);
      sleb(int32_t(nd.label));
      byte(0x21);
      uleb(s_.labelLocal);
      return;
    }
    for (uint32_t i = f_.blocks[b].first; i != kNoValue; i = f_.next[i]) {
      const MInst& in = f_.insts[i];
      if (in.op == OpExit) break;
      if (s_.inTree(i) || isRemat(in.op) || in.op == OpPhi || in.op == OpParam || in.op == OpNop) continue;
      root(i);
    }
  }

  // The first instruction emitted after root i, if it starts by reading
  // i's local: then local.set + local.get become local.tee.
  bool nextReads(uint32_t i) {
    uint32_t x = f_.next[i];
    uint32_t slot = 0;  // operand of x emitted first
    for (; x != kNoValue; x = f_.next[x]) {
      slot = 0;
      const MInst& xi = f_.insts[x];
      if (s_.inTree(x) || isRemat(xi.op) || xi.op == OpPhi || xi.op == OpParam || xi.op == OpNop) continue;
      if (xi.op == OpCopy) {
        // Pairs that stay in place emit nothing; an empty copy is skipped.
        uint32_t h = xi.numOps / 2;
        slot = 0;
        while (slot < h && sameLocal(x, slot)) ++slot;
        if (slot == h) continue;
      }
      break;
    }
    if (x == kNoValue) return false;
    if (f_.insts[x].op == OpExit) {
      // Exits read their operands right after the body: client conditions,
      // selectors and return values.
      const CfgNode& nd = f_.cfg.node(f_.insts[x].block);
      if (nd.kind != NodeKind::Client) return false;
      if (nd.exit != Exit::CondBr && nd.exit != Exit::Switch && nd.exit != Exit::Return) return false;
    }
    // Follow the first operand down the tree to the first thing emitted.
    for (;;) {
      if (FuncState::usedOps(f_.insts[x]) <= slot) return false;
      uint32_t v = f_.ops(x)[slot];
      if (isRemat(f_.insts[v].op)) return false;
      if (s_.parent[v] == x && s_.slot[v] == slot) {
        x = v;
        slot = 0;
        continue;
      }
      return v == i;
    }
  }

  // A copy pair whose source already lives in the phi's local.
  bool sameLocal(uint32_t c, uint32_t k) const {
    auto o = f_.ops(c);
    uint32_t h = uint32_t(o.size() / 2);
    uint32_t v = o[k];
    return !isRemat(f_.insts[v].op) && !(s_.parent[v] == c && s_.slot[v] == k) && s_.local[v] == s_.local[o[h + k]];
  }

  void root(uint32_t i) {
    const MInst& in = f_.insts[i];
    if (in.op == OpCopy) {
      copy(i);
      return;
    }
    inst(i);
    if (in.ty == Ty::None) return;
    uint32_t l = s_.local[i];
    if (l == kNoValue) {
      byte(0x1a);  // drop: the value is not used
      return;
    }
    if (nextReads(i)) {
      byte(0x22);
      uleb(l);
      teeFor_ = i;
      return;
    }
    byte(0x21);
    uleb(l);
  }

  // A parallel copy: every source is pushed before any phi is written.
  // Pairs whose source already lives in the phi's local cost nothing.
  void copy(uint32_t c) {
    auto o = f_.ops(c);
    uint32_t h = uint32_t(o.size() / 2);
    auto same = [&](uint32_t k) { return sameLocal(c, k); };
    uint32_t first = 0;
    while (first < h && same(first)) ++first;
    if (first == h) return;  // nothing moves (a local.tee before it stays on the stack)
    for (uint32_t k = 0; k < h; ++k)
      if (!same(k)) operand(c, k);
    teeFor_ = kNoValue;
    for (uint32_t k = h; k-- > 0;) {
      if (same(k)) continue;
      byte(0x21);
      uleb(s_.local[o[h + k]]);
    }
  }

  void operand(uint32_t u, uint32_t k) {
    uint32_t v = f_.ops(u)[k];
    const MInst& vi = f_.insts[v];
    if (isRemat(vi.op)) {
      inst(v);
      return;
    }
    if (s_.parent[v] == u && s_.slot[v] == k) {
      inst(v);
      return;
    }
    if (teeFor_ == v) {  // already on the stack from local.tee
      teeFor_ = kNoValue;
      return;
    }
    localGet(s_.local[v]);
  }

  void inst(uint32_t i) {
    const MInst& in = f_.insts[i];
    uint32_t n = FuncState::usedOps(in);
    for (uint32_t k = 0; k < n; ++k) operand(i, k);
    teeFor_ = kNoValue;
    opOf(i);
  }

  // The instruction itself, after its operands.
  void opOf(uint32_t i) {
    const MInst& in = f_.insts[i];
    switch (in.op) {
      case OpConst:
        switch (in.ty) {
          case Ty::I32: byte(0x41); sleb(int32_t(uint32_t(in.imm))); break;
          case Ty::I64: byte(0x42); sleb(in.imm); break;
          case Ty::F32: {
            byte(0x43);
            uint32_t b = uint32_t(in.imm);
            uint8_t x[4];
            std::memcpy(x, &b, 4);
            code_.insert(code_.end(), x, x + 4);
            break;
          }
          case Ty::F64: {
            byte(0x44);
            uint8_t x[8];
            std::memcpy(x, &in.imm, 8);
            code_.insert(code_.end(), x, x + 8);
            break;
          }
          default: break;
        }
        return;
      case OpDataAddr: byte(0x41); relocS(RelocType::MEMORY_ADDR_SLEB, in.sym, in.imm); return;
      case OpFuncAddr: byte(0x41); relocS(RelocType::TABLE_INDEX_SLEB, in.sym); return;
      case OpParam: case OpPhi: localGet(s_.local[i]); return;
      case OpMove: return;
      case OpGlobalGet: byte(0x23); relocU(RelocType::GLOBAL_INDEX_LEB, in.sym); return;
      case OpGlobalSet: byte(0x24); relocU(RelocType::GLOBAL_INDEX_LEB, in.sym); return;
      case OpCall: byte(0x10); relocU(RelocType::FUNCTION_INDEX_LEB, in.sym); return;
      case OpCallIndirect:
        byte(0x11);
        relocU(RelocType::TYPE_INDEX_LEB, uint32_t(in.imm));
        relocU(RelocType::TABLE_NUMBER_LEB, f_.tableSym);
        return;
      case OpCopy: case OpExit: case OpNop: return;
      default: break;
    }
    opcode(in.op);
    if (isMemOp(in.op)) {
      uleb(in.align);
      if (in.sym != kNoSym) relocU(RelocType::MEMORY_ADDR_LEB, in.sym, in.imm);
      else uleb(uint64_t(in.imm));
    } else if (in.op == 0x3f || in.op == 0x40) {
      byte(0x00);
    } else if (in.op == (kFC | 10)) {
      byte(0x00);
      byte(0x00);
    } else if (in.op == (kFC | 11)) {
      byte(0x00);
    }
  }

  uint32_t exitOf(uint32_t b) const { return f_.blocks[b].last; }

  void cond(uint32_t b, bool negate) {
    const CfgNode& nd = f_.cfg.node(b);
    if (nd.kind == NodeKind::Dispatch) {
      localGet(s_.labelLocal);
      return;
    }
    uint32_t e = exitOf(b);
    uint32_t v = f_.ops(e)[0];
    if (negate && s_.parent[v] == e) {
      const MInst& vi = f_.insts[v];
      if (uint16_t inv = invertCompare(vi.op)) {
        operand(v, 0);
        operand(v, 1);
        teeFor_ = kNoValue;
        opcode(inv);
        return;
      }
      if (vi.op == 0x45) {  // i32.eqz x, negated: x itself
        operand(v, 0);
        teeFor_ = kNoValue;
        return;
      }
    }
    operand(e, 0);
    teeFor_ = kNoValue;
    if (negate) byte(0x45);
  }

  void ret(uint32_t b, bool last) {
    uint32_t e = exitOf(b);
    uint32_t n = f_.insts[e].numOps;
    uint32_t values = f_.restoreSp ? n - 1 : n;
    for (uint32_t k = 0; k < values; ++k) operand(e, k);
    teeFor_ = kNoValue;
    if (f_.restoreSp) {
      operand(e, n - 1);
      teeFor_ = kNoValue;
      if (f_.frameSize) {
        byte(0x41);
        sleb(int32_t(f_.frameSize));
        byte(0x6a);
      }
      byte(0x24);
      relocU(RelocType::GLOBAL_INDEX_LEB, f_.spSym);
    }
    if (!last) byte(0x0f);
  }

  FuncState& s_;
  MFunc& f_;
  FuncCode& out_;
  std::vector<uint8_t> code_;
  std::vector<Reloc> relocs_;
  uint32_t teeFor_ = kNoValue;  // the value a local.tee left on the stack for the next operand
};

}  // namespace

void emitFunction(FuncState& s, FuncCode& out) { Emitter(s, out).run(); }

}  // namespace toyc::codegen
