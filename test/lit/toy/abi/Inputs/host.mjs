// Shared by the ABI tests' node hosts: instantiates a Toy module under WASI
// with extra imports, and converts str values, which cross the boundary as
// (pointer, length), to and from JavaScript strings.
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';

// makeImports(ctx) returns the non-WASI import modules; their functions may
// use ctx.ex (the exports) once the instance exists.
export async function load(path, makeImports = () => ({})) {
  const wasi = new WASI({ version: 'preview1', args: [], env: {}, returnOnExit: true });
  const ctx = { wasi, instance: null, ex: null };
  const module = await WebAssembly.compile(readFileSync(path));
  const imports = { ...wasi.getImportObject(), ...makeImports(ctx) };
  ctx.instance = await WebAssembly.instantiate(module, imports);
  ctx.ex = ctx.instance.exports;
  ctx.mem = () => ctx.ex.memory.buffer;
  ctx.view = () => new DataView(ctx.ex.memory.buffer);
  ctx.bytes = (ptr, len) => new Uint8Array(ctx.ex.memory.buffer, ptr, len);
  ctx.getStr = (ptr, len) => new TextDecoder().decode(ctx.bytes(ptr, len).slice());
  // Writes text into memory from the module's allocator export.
  ctx.putStr = (text, alloc = 'toy_alloc') => {
    const b = new TextEncoder().encode(text);
    const ptr = ctx.ex[alloc](b.length);
    ctx.bytes(ptr, b.length).set(b);
    return [ptr, b.length];
  };
  return ctx;
}

// One line per value: numbers as JS prints them (and -0), BigInts with n,
// arrays (multi-value results) in brackets.
export function show(v) {
  if (Array.isArray(v)) return '[' + v.map(show).join(', ') + ']';
  if (typeof v === 'bigint') return v + 'n';
  if (Object.is(v, -0)) return '-0';
  return String(v);
}
