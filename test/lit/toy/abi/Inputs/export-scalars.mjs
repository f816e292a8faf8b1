// Calls the exports of export-scalars.toy (a reactor) with every scalar
// shape and prints `call = result`, one per line.
import { load, show } from './host.mjs';
const ctx = await load(process.argv[2]);
ctx.wasi.initialize(ctx.instance);
const ex = ctx.ex;
const call = (name, ...args) => {
  const r = ex[name](...args);
  console.log(`${name}(${args.map(show).join(', ')}) = ${show(r)}`);
  return r;
};
call('id_i8', -128); call('id_i8', 127); call('id_i8', 200); call('id_i8', -1);
call('id_u8', 255); call('id_u8', -1); call('id_u8', 256);
call('id_i16', -32768); call('id_i16', 40000);
call('id_u16', 65535); call('id_u16', 70000);
call('id_i32', -2147483648); call('id_i32', 2147483647);
call('id_u32', 4294967295); call('id_u32', 7);
call('id_usize', 4000000000);
call('id_i64', -9223372036854775808n); call('id_i64', 123n);
call('id_u64', 18446744073709551615n); call('id_u64', 9007199254740993n);
call('id_f32', 0.1); call('id_f32', -0); call('id_f32', Infinity); call('id_f32', NaN); call('id_f32', 16777217);
call('id_f64', 0.1); call('id_f64', -0); call('id_f64', 1e308); call('id_f64', -Infinity); call('id_f64', 5e-324);
call('id_bool', 1); call('id_bool', 0);
call('add_i8', 100, 100); call('add_u16', 65535, 2); call('add_i64', 9223372036854775807n, 1n);
call('add_u64', 18446744073709551615n, 2n); call('mul_f32', 1.5, 3.25); call('div_f64', 1, 3);
call('not_bool', 0); call('not_bool', 1);
call('sub_u32', 0, 1);
const mixed = [-5, 1234567890123n, 2.5, 65535, -0.125, 1, 18446744073709551615n, -7];
for (const p of 'abcdefgh') call('pick_' + p, ...mixed);
call('many', 1, 20000000000n, -3, 4.75, 255, -6n, -7, 8.5, 9, 10n);

// Pointers are i32 addresses into the module's memory.
const cell = ex.cell_addr();
console.log('cell_addr is', typeof cell, cell > 0);
call('read_i32', cell);
ctx.view().setInt32(cell, 77, true);
call('read_i32', cell);
const cells = ex.cells_addr();
const third = ex.nth(cells, 2);
console.log('nth stride', third - cells);
call('write_i64', third, 300n);
call('cells_sum');
console.log('host reads cells[3]', show(ctx.view().getBigInt64(ex.nth(cells, 3), true)));
call('is_null', 0); call('is_null', cell);

// Function values are table indexes.
const twice = ex.get_op(0), square = ex.get_op(1);
console.log('fn values', typeof twice, twice !== square);
call('apply', twice, 21); call('apply', square, 7);

// No parameters, no results.
call('tick'); call('tick'); call('tick');
call('ticks_now');
