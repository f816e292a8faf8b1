// Host for reactor.toy: instantiates the module, checks its exports, calls
// _initialize once through wasi.initialize, then calls the exports many
// times; a second instance starts from the initial state again.
import { load, show } from './host.mjs';
async function instance() {
  const ctx = await load(process.argv[2], () => ({
    env: { host_note: (p, n) => console.log('note:', JSON.stringify(ctx.getStr(p, n))) },
  }));
  return ctx;
}
let ctx = await instance();
const names = WebAssembly.Module.exports(await WebAssembly.compile((await import('node:fs')).readFileSync(process.argv[2])))
  .map(e => `${e.kind}:${e.name}`).sort();
console.log('exports', names.join(' '));
ctx.wasi.initialize(ctx.instance);
let ex = ctx.ex;
console.log('initial', ex.total(), show(ex.history_len()), ctx.getStr(...ex.name()));
for (let round = 1; round <= 3; round++) {
  for (let i = 0; i < 1000; i++) ex.push(BigInt(i));
  console.log('round', round, show(ex.total()), ex.history_len());
}
ex.rename(...ctx.putStr('renamed'));
console.log('name', ctx.getStr(...ex.name()));
console.log('table', ex.table_sum());
ex.bump_table(5);
console.log('table', ex.table_sum());
// 100000 calls with a str argument: no stack or memory leak.
const [p, n] = ctx.putStr('abc');
let acc = 0;
for (let i = 0; i < 100000; i++) acc += ex.weigh(p, n);
console.log('weigh', acc);
ctx = await instance();
ctx.wasi.initialize(ctx.instance);
ex = ctx.ex;
console.log('fresh', show(ex.total()), ex.history_len(), ctx.getStr(...ex.name()), ex.table_sum());
