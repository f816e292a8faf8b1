// Runs a WASI command module under node: `node run-wasi.mjs prog.wasm [args]`.
// The program's exit status becomes this process's exit status; a trap
// prints the engine's message and exits with 134, like an abort.
import { WASI } from 'node:wasi';
import { fstatSync, openSync, readFileSync } from 'node:fs';
import process from 'node:process';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: run-wasi.mjs <module.wasm> [args...]\n');
  process.exit(2);
}
// Node leaves a pipe on stdout or stderr in non-blocking mode, so WASI's
// fd_write fails with EAGAIN once a slow reader lets the pipe fill, and the
// program's output is silently cut short. A pipe opened anew through /proc
// is a new open file description, which blocks.
function blockingFd(fd) {
  try {
    if (fstatSync(fd).isFIFO()) return openSync(`/proc/self/fd/${fd}`, 'w');
  } catch {
    // Not reopenable: keep the descriptor as it is.
  }
  return fd;
}
const wasi = new WASI({ version: 'preview1', args: [file, ...args], env: {}, returnOnExit: true,
                        preopens: { '.': '.' }, stdout: blockingFd(1), stderr: blockingFd(2) });
try {
  const module = await WebAssembly.compile(readFileSync(file));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  const code = instance.exports._start ? wasi.start(instance) : (wasi.initialize(instance), 0);
  process.exitCode = code ?? 0;
} catch (e) {
  process.stderr.write(`run-wasi: ${e instanceof WebAssembly.RuntimeError ? 'trap: ' : ''}${e.message}\n`);
  process.exitCode = 134;
}
