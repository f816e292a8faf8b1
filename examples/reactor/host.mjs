// Node host for the reactor example: instantiates the module under WASI,
// calls _initialize once (wasi.initialize), then calls its exports.
//   node examples/reactor/host.mjs stats.wasm
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';

const wasi = new WASI({ version: 'preview1', args: [], env: {}, returnOnExit: true });
const module = await WebAssembly.compile(readFileSync(process.argv[2]));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
wasi.initialize(instance);
const ex = instance.exports;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
// str crosses as (pointer, length): the host writes the bytes into memory
// the module allocated for it.
function toWasm(text) {
  const bytes = encoder.encode(text);
  const ptr = ex.buffer(bytes.length);
  new Uint8Array(ex.memory.buffer, ptr, bytes.length).set(bytes);
  return [ptr, bytes.length];
}
function fromWasm([ptr, len]) {
  return decoder.decode(new Uint8Array(ex.memory.buffer, ptr, len));
}

console.log('version', ex.stats_version());
console.log('label', fromWasm(ex.label(...toWasm('temperatures'))));
for (const t of [21.5, 19.25, 23.0, 18.75]) console.log('add', t, '->', ex.add(t));
const [n, mean, min, max] = ex.summary();
console.log(`summary n=${n} mean=${mean} min=${min} max=${max}`);
console.log('add_all', ex.add_all(...toWasm('10 -4 7\n 100')));
console.log('summary', ex.summary().join(' '));
console.log('add_all bad', ex.add_all(...toWasm('1 2x 3')));
ex.reset();
console.log('after reset', ex.summary().join(' '));
// Many calls in a row: the module's stack pointer must come back each time.
let last = 0;
for (let i = 1; i <= 10000; i++) last = ex.add(i);
console.log('10000 adds ->', last, ex.summary().join(' '));
console.log('current label', fromWasm(ex.current_label()));
const calls = ex.call_count();
console.log('calls', typeof calls, calls);
