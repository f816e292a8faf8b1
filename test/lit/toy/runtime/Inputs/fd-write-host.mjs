// Runs a WASI command module like run-wasi.mjs, but serves fd_write on
// fds 1 and 2 itself: each call is logged ("fd_write fd=1 iovs=2 bytes=6")
// to the --log file, and with --max=N a call writes at most N bytes (a short
// write, which WASI allows), so the caller has to continue.
// Usage: node fd-write-host.mjs [--max=N] --log=FILE module.wasm
import { WASI } from 'node:wasi';
import { readFileSync, writeSync, appendFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';

let max = Infinity, log = null;
const rest = [];
for (const a of process.argv.slice(2)) {
  if (a.startsWith('--max=')) max = Number(a.slice(6));
  else if (a.startsWith('--log=')) log = a.slice(6);
  else rest.push(a);
}
const file = rest[0];
writeFileSync(log, '');
const wasi = new WASI({ version: 'preview1', args: [file], env: {}, returnOnExit: true });
const imports = wasi.getImportObject();
const host = { ...imports.wasi_snapshot_preview1 };
let memory = null;
host.fd_write = (fd, iovs, count, nwritten) => {
  const view = new DataView(memory.buffer);
  const parts = [];
  for (let i = 0; i < count; i++) {
    const ptr = view.getUint32(iovs + 8 * i, true), len = view.getUint32(iovs + 8 * i + 4, true);
    parts.push(new Uint8Array(memory.buffer, ptr, len));
  }
  let bytes = Buffer.concat(parts);
  appendFileSync(log, `fd_write fd=${fd} iovs=${count} bytes=${bytes.length}\n`);
  if (bytes.length > max) bytes = bytes.subarray(0, max);
  writeSync(fd, bytes);
  view.setUint32(nwritten, bytes.length, true);
  return 0;
};
const module = await WebAssembly.compile(readFileSync(file));
const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: host });
memory = instance.exports.memory;
process.exitCode = wasi.start(instance) ?? 0;
