// node call-export.mjs module.wasm name: instantiates a reactor, runs
// _initialize, calls the named export without arguments, prints the result.
import { load, show } from './host.mjs';
const ctx = await load(process.argv[2]);
ctx.wasi.initialize(ctx.instance);
console.log(`${process.argv[3]}() = ${show(ctx.ex[process.argv[3]]())}`);
