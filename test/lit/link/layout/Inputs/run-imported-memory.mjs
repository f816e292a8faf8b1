// Instantiates a module that imports its memory: the memory is created with
// the import's declared limits and pre-filled with 0xAA (so a .bss that is
// not initialised shows up), then the export `check` is called and its
// result printed: `check() = N`.
import { readFileSync } from 'node:fs';
const [file] = process.argv.slice(2);
const module = await WebAssembly.compile(readFileSync(file));
const imp = WebAssembly.Module.imports(module).find((i) => i.kind === 'memory');
if (!imp) { console.log('no memory import'); process.exit(1); }
// Node 18 has no Module.imports() limits; take them from the binary.
const bytes = readFileSync(file);
let initial = 0, maximum;
{
  // Walk to the import section (id 2) and find the memory import.
  let p = 8;
  const leb = () => { let r = 0, s = 0, b; do { b = bytes[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
  const str = () => { const n = leb(); const v = bytes.subarray(p, p + n).toString(); p += n; return v; };
  while (p < bytes.length) {
    const id = bytes[p++]; const size = leb(); const end = p + size;
    if (id === 2) {
      const n = leb();
      for (let i = 0; i < n; i++) {
        str(); str(); const kind = bytes[p++];
        if (kind === 0) leb();
        else if (kind === 1) { p++; const f = bytes[p++]; leb(); if (f & 1) leb(); }
        else if (kind === 3) { p += 2; }
        else if (kind === 2) { const f = bytes[p++]; initial = leb(); if (f & 1) maximum = leb(); }
      }
    }
    p = end;
  }
}
const desc = maximum === undefined ? { initial } : { initial, maximum };
const memory = new WebAssembly.Memory(desc);
new Uint8Array(memory.buffer).fill(0xaa);
const inst = await WebAssembly.instantiate(module, { [imp.module]: { [imp.name]: memory } });
console.log(`memory ${imp.module}.${imp.name} initial=${initial}${maximum === undefined ? '' : ' max=' + maximum}`);
console.log(`check() = ${inst.exports.check()}`);
