// Host for imports.toy (a command module): provides env.* and other_mod.*
// imports that log what they receive and return values to be checked on
// the Toy side, some calling back into the module's exports; then runs
// _start and prints the exit status.
import { load, show } from './host.mjs';
const log = (...a) => console.log('host', ...a.map(x => typeof x === 'string' ? x : show(x)));
const ctx = await load(process.argv[2], (ctx) => ({
  env: {
    h_i8: (x) => { log('h_i8', x); return x + 1; },
    h_u8: (x) => { log('h_u8', x); return x + 1; },
    h_i16: (x) => { log('h_i16', x); return x - 1; },
    h_u16: (x) => { log('h_u16', x); return x + 1; },
    h_i32: (x) => { log('h_i32', x); return x + 1; },
    h_u32: (x) => { log('h_u32', x); return x + 1; },
    h_i64: (x) => { log('h_i64', x); return x * 2n; },
    h_u64: (x) => { log('h_u64', x); return x * 2n; },
    h_f32: (x) => { log('h_f32', x); return x / 3; },
    h_f64: (x) => { log('h_f64', x); return x / 3; },
    h_bool: (b) => { log('h_bool', b); return !b; },
    h_ptr: (p) => {
      const v = ctx.view();
      log('h_ptr reads', v.getInt32(p, true));
      v.setInt32(p + 4, v.getInt32(p, true) * 10, true);
      return p + 4;
    },
    h_str: (p, n) => { log('h_str', JSON.stringify(ctx.getStr(p, n))); return n; },
    h_str_out: (n) => ctx.putStr('host:' + 'x'.repeat(n)),
    h_multi: (a, b) => { log('h_multi', a, b); return [a + 1, b * 2, BigInt(a) * 1000n]; },
    h_none: () => { log('h_none'); },
    renamed_field: (x) => x + 1000,
    h_callback: (n) => {
      const r = ctx.ex.toy_sum_to(n);
      log('h_callback: toy_sum_to', n, '=', r);
      return r + 1;
    },
    h_fn: (f, x) => { log('h_fn', typeof f); return ctx.ex.call_fn(f, x); },
  },
  other_mod: {
    h_other: (x) => -x,
  },
}));
const code = ctx.wasi.start(ctx.instance);
console.log('exit', code ?? 0);
