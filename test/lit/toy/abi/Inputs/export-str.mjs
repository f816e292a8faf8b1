// Calls the exports of export-str.toy: str and slices in (bytes written by
// the host into memory from the module's allocator) and out (pointer and
// length read back), several results (a JS array), and many calls in a row.
import { load, show } from './host.mjs';
const ctx = await load(process.argv[2]);
ctx.wasi.initialize(ctx.instance);
const ex = ctx.ex;

console.log('str_len', ex.str_len(...ctx.putStr('héllo, wörld')));
console.log('str_len empty', ex.str_len(0, 0));
console.log('count_byte', ex.count_byte(...ctx.putStr('mississippi'), 's'.charCodeAt(0)));
const g = ex.greeting();
console.log('greeting', Array.isArray(g), g.length, JSON.stringify(ctx.getStr(...g)));
console.log('upper', ctx.getStr(...ex.upper(...ctx.putStr('Mixed Case 123'))));
console.log('concat', ctx.getStr(...ex.concat(...ctx.putStr('left+'), ...ctx.putStr('right'))));
const [a0, a1, b0, b1] = ex.split_at(...ctx.putStr('key=value'), 3);
console.log('split_at', JSON.stringify(ctx.getStr(a0, a1)), JSON.stringify(ctx.getStr(b0, b1)));
console.log('first_last', show(ex.first_last(...ctx.putStr('xyz'))));

// []i32 and []f64 cross like str: element pointer and element count.
const n = 5;
const p = ex.toy_alloc(n * 4);
new Int32Array(ex.memory.buffer, p, n).set([3, -1, 4, -1, 5]);
console.log('sum_i32', show(ex.sum_i32(p, n)));
const [ip, il] = ex.iota(6);
console.log('iota', il, Array.from(new Int32Array(ex.memory.buffer, ip, il)).join(' '));
const fp = ex.toy_alloc(3 * 8);
new Float64Array(ex.memory.buffer, fp, 3).set([0.5, 0.25, -2]);
console.log('scale', show(ex.scale(fp, 3, 4)), Array.from(new Float64Array(ex.memory.buffer, fp, 3)).join(' '));

// Several results of mixed types, and str among results.
console.log('divmod', show(ex.divmod(47, 6)));
console.log('stats', show(ex.stats(2.5, 4)));
console.log('wide', show(ex.wide()));
console.log('tagged', (([t, sp, sl, f]) => `${show(t)} ${ctx.getStr(sp, sl)} ${show(f)}`)(ex.tagged(9n)));

// Toy code printing from inside an export goes to the same stdout.
ex.echo(...ctx.putStr('printed by toy'));

// Ten thousand str round trips: the stack pointer comes back every time,
// and memory stays usable.
let total = 0;
const [kp, kl] = ctx.putStr('abcabc');
for (let i = 0; i < 10000; i++) total += ex.count_byte(kp, kl, 'a'.charCodeAt(0));
console.log('loop', total);
