// Value operations on the wasm operand stack, per Toy type (lower_ops.cpp).
#pragma once
#include "codegen/function_builder.h"
#include "frontend/toy/lexer.h"
#include "frontend/toy/types.h"

namespace toyc::toy {

using codegen::FunctionBuilder;

// Keeps i8/u8/i16/u16 values sign- or zero-extended in their i32.
void emitNormalize(FunctionBuilder& fb, const TypeTable& t, TypeId id);
// [a, b] -> a op b for a comparison operator on values of type id.
void emitCompare(FunctionBuilder& fb, const TypeTable& t, Tok op, TypeId id);
// `x as T`: the value of type `from` becomes a `to`.
void emitConvert(FunctionBuilder& fb, const TypeTable& t, TypeId from, TypeId to);

}  // namespace toyc::toy
