// Checks lines "f64 <bits> <text>" and "f32 <bits> <text>" (bits in decimal)
// printed by a Toy program. An f64 must print as ECMAScript's String(x); an
// f32 as the shortest decimal that reads back as the same f32, the closest
// one to it, ties to an even last digit, laid out like String(). The f32
// reference works on exact integers (BigInt), independently of the runtime.
// Both map infinities, NaN and -0 to inf, -inf, nan, -0.
// Usage: node check-floats.mjs <file>; prints "ok <n>" or the first mismatches.
import { readFileSync } from 'node:fs';

function special(x) {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0';
  return null;
}

function f64Text(bits) {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setBigUint64(0, bits);
  const x = dv.getFloat64(0);
  return special(x) ?? String(x);
}

const pow = (b, e) => b ** BigInt(e);

function f32Text(bits) {
  const b = Number(bits);
  const dv = new DataView(new ArrayBuffer(4));
  dv.setUint32(0, b);
  const x = dv.getFloat32(0);
  if (special(x) !== null || x === 0) return special(x) ?? '0';
  const neg = b >>> 31 !== 0, biased = (b >>> 23) & 0xff, frac = b & 0x7fffff;
  const m = BigInt(biased ? frac | 0x800000 : frac), e = biased ? biased - 150 : -149;
  // In units of 2^(e-2): v = 4m, the midpoints to the neighbours are 4m+2
  // and 4m-2 (4m-1 when the float below is half as far). They read back as v
  // when m is even.
  const lowGap = frac === 0 && biased > 1 ? 1n : 2n;
  const inclusive = m % 2n === 0n;
  // Compares c*10^q with u*2^(e-2) exactly.
  const cmp = (c, q, u) => {
    const l = c * pow(10n, Math.max(q, 0)) * pow(2n, Math.max(2 - e, 0));
    const r = u * pow(2n, Math.max(e - 2, 0)) * pow(10n, Math.max(-q, 0));
    return l < r ? -1 : l > r ? 1 : 0;
  };
  const inside = (c, q) => {
    const lo = cmp(c, q, 4n * m - lowGap), hi = cmp(c, q, 4n * m + 2n);
    return (lo > 0 || (inclusive && lo === 0)) && (hi < 0 || (inclusive && hi === 0));
  };
  // The largest power of ten whose multiples below and above v read back
  // gives the shortest digits; pick the closer multiple, ties to even.
  for (let q = Math.floor(Math.log10(Math.abs(x))) + 2; q >= -60; q--) {
    // floor(v / 10^q) for v = m * 2^e
    const num = m * pow(2n, Math.max(e, 0)) * pow(10n, Math.max(-q, 0));
    const den = pow(2n, Math.max(-e, 0)) * pow(10n, Math.max(q, 0));
    const lo = num / den, hi = lo + 1n;
    const okLo = lo > 0n && inside(lo, q), okHi = inside(hi, q);
    if (!okLo && !okHi) continue;
    let c = okLo ? lo : hi;
    if (okLo && okHi) {
      // 2v against lo + hi, in the same exact scale
      const d = 2n * num - (lo + hi) * den;
      c = d < 0n ? lo : d > 0n ? hi : (lo % 2n === 0n ? lo : hi);
    }
    return (neg ? '-' : '') + String(Number(`${c}e${q}`));
  }
  throw new Error(`no digits for f32 bits ${bits}`);
}

const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l !== '');
let bad = 0;
for (const line of lines) {
  const [kind, bits, text] = line.split(' ');
  const want = kind === 'f64' ? f64Text(BigInt(bits)) : f32Text(BigInt(bits));
  if (text !== want) {
    if (++bad <= 10) console.log(`mismatch: ${line} (want ${want})`);
  }
}
console.log(bad ? `${bad} of ${lines.length} wrong` : `ok ${lines.length}`);
process.exitCode = bad ? 1 : 0;
