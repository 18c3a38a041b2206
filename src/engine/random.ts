/**
 * NumPy-compatible randomness: the legacy `RandomState` (MT19937) stream after
 * `np.random.seed(seed)`, so the tutorial's `np.random.seed(1); np.random.randn(…)`
 * gives the same numbers here as in Python.
 */
import type { Matrix } from './types';
import { checkInteger, fail, matrix } from './matrix';

/**
 * A seeded stream with NumPy's legacy `np.random` semantics. Every method draws
 * from the same MT19937 stream, in the same order as NumPy, so any interleaving of
 * calls reproduces the same interleaving in Python.
 */
export interface NumpyRandom {
  /** `np.random.rand(rows, cols)`: rows × cols uniform doubles in [0, 1), bit for bit. */
  rand(rows: number, cols: number): Matrix;
  /**
   * `np.random.randn(rows, cols)`: rows × cols standard normals. Bit for bit except where
   * glibc's `log` misrounds (~0.04% of draws), then a few ulp (see `log` below).
   */
  randn(rows: number, cols: number): Matrix;
  /** `np.random.randint(low, high, (rows, cols))` (int64 dtype): integers in [low, high), bit for bit. */
  randint(low: number, high: number, rows: number, cols: number): Matrix;
  /** `np.random.permutation(n)`: a shuffled 0..n−1 (legacy Fisher–Yates), bit for bit. */
  permutation(n: number): Int32Array;
  /** `np.random.rand()`: one uniform double in [0, 1). */
  uniform(): number;
  /** `np.random.randn()`: one standard normal. */
  normal(): number;
}

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;
const MAX_ELEMENTS = 10_000_000;

/** Smallest all-ones mask ≥ x, for 0 ≤ x < 2^32 (NumPy's gen_mask on 32 bits). */
function mask32(x: number): number {
  let m = x >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

// ---- Natural log, correctly rounded -------------------------------------------------
// Why not Math.log: V8's log is not correctly rounded and differs from glibc's (which
// NumPy calls) on ~6% of randn's r² inputs; f = √(−2·ln r²/r²)·x then rounds three more
// times, so a 1-ulp log difference becomes up to 3 ulp in the normal (measured on 10^6
// NumPy draws: 3.2% differ, 0.5% by ≥ 2 ulp). glibc's log misrounds only within ~0.02 ulp
// of a tie, so a correctly rounded log matches it on ~99.94% of inputs (measured: 10^6
// draws, 99.96% bit-identical, 47 differ by 2–3 ulp). It also makes randn the same on
// every JS engine. Double-double arithmetic (Dekker/Knuth error-free transforms) carries
// ~100 bits to the final rounding; ~4× Math.log's cost.

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter
const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17; // ln 2 − LN2_HI
/** Scratch for reading and writing a double's exponent bits; holds nothing between calls. */
const BITS = new DataView(new ArrayBuffer(8));

/** The rounding error of p = fl(a·b): a·b − p, exactly (Dekker's product). */
function productError(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** 1/n − fl(1/n), so fl(1/n) + it is 1/n to ~106 bits. */
function reciprocalLow(n: number): number {
  const hi = 1 / n;
  const p = n * hi;
  return (1 - p - productError(hi, n, p)) / n;
}
const THIRD_LO = reciprocalLow(3);
const FIFTH_LO = reciprocalLow(5);

/** ln x, correctly rounded (to ~2^-100 before rounding), for a positive normal double x. */
function log(x: number): number {
  // x = m·2^k with m in (√½, √2]
  BITS.setFloat64(0, x);
  const hi = BITS.getUint32(0);
  let k = ((hi >>> 20) & 0x7ff) - 1023;
  BITS.setUint32(0, (hi & 0x000fffff) | 0x3ff00000);
  let m = BITS.getFloat64(0);
  if (m > Math.SQRT2) {
    m /= 2;
    k++;
  }
  // ln m = 2·atanh s = 2s·(1 + z/3 + z²/5 + z³/7 + …), s = f/(2 + f), f = m − 1 (exact), z = s²
  const f = m - 1;
  const d = 2 + f;
  const dLo = f - (d - 2);
  const s = f / d;
  const sp = s * d;
  const sLo = (f - sp - productError(s, d, sp) - s * dLo) / d;
  const z = s * s;
  const zLo = productError(s, s, z) + 2 * s * sLo;
  // t = 1/7 + z/9 + … + z^13/33 (|z| < 0.03: plain doubles suffice this deep)
  const t = 1 / 7 + z * (1 / 9 + z * (1 / 11 + z * (1 / 13 + z * (1 / 15 + z * (1 / 17 + z * (1 / 19 + z * (1 / 21 + z * (1 / 23 + z * (1 / 25 + z * (1 / 27 + z * (1 / 29 + z * (1 / 31 + z / 33))))))))))));
  // u = 1/5 + z·t, r = 1/3 + z·u, q = z·r, w = s·q (each as hi + lo)
  const zt = z * t;
  const ztLo = productError(z, t, zt) + zLo * t;
  const u = 0.2 + zt;
  const uLo = zt - (u - 0.2) + ztLo + FIFTH_LO;
  const zu = z * u;
  const zuLo = productError(z, u, zu) + z * uLo + zLo * u;
  const r = 1 / 3 + zu;
  const rLo = zu - (r - 1 / 3) + zuLo + THIRD_LO;
  const q = z * r;
  const qLo = productError(z, r, q) + z * rLo + zLo * r;
  const w = s * q;
  const wLo = productError(s, q, w) + s * qLo + sLo * q;
  // ln m = 2·(s + w)
  const l = s + w;
  const lLo = w - (l - s) + sLo + wLo;
  // ln x = k·ln 2 + ln m
  const kl = k * LN2_HI;
  const klLo = productError(k, LN2_HI, kl) + k * LN2_LO;
  const v = kl + 2 * l;
  const vb = v - kl;
  const vLo = kl - (v - vb) + (2 * l - vb) + klLo + 2 * lLo;
  return v + vLo;
}

function checkSize(rows: number, cols: number): number {
  checkInteger('rows', rows, 1, MAX_ELEMENTS);
  checkInteger('cols', cols, 1, MAX_ELEMENTS);
  if (rows * cols > MAX_ELEMENTS) fail('rows × cols', rows * cols, `must be at most ${MAX_ELEMENTS}`);
  return rows * cols;
}

/**
 * A NumPy legacy `RandomState` seeded as `np.random.seed(seed)` (MT19937 init_genrand).
 * Throws if `seed` is not an integer in 0..2^32−1; its methods throw on bad sizes or
 * bounds, naming the field and the value.
 */
export function numpyRandom(seed: number): NumpyRandom {
  checkInteger('seed', seed, 0, TWO_32 - 1);

  // Why mutable: a generator is a stream; callers own one per use (STYLE.md §2), never a global.
  const key = new Uint32Array(N);
  let pos = N;
  let hasGauss = false;
  let gauss = 0;

  // mt19937_seed: key[i] = 1812433253·(key[i−1] ⊕ (key[i−1] ≫ 30)) + i  (mod 2^32)
  key[0] = seed >>> 0;
  for (let i = 1; i < N; i++) {
    const s = key[i - 1];
    key[i] = (Math.imul(1812433253, (s ^ (s >>> 30)) >>> 0) + i) >>> 0;
  }

  function twist(): void {
    let i = 0;
    let y: number;
    for (; i < N - M; i++) {
      y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; i < N - 1; i++) {
      y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
      key[i] = key[i + M - N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    y = (key[N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
    key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    pos = 0;
  }

  /** mt19937_next32: the next tempered 32-bit word, as an unsigned number. */
  function next32(): number {
    if (pos >= N) twist();
    let y = key[pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** random_sample: (a ≫ 5, b ≫ 6) joined into a 53-bit double in [0, 1). */
  function nextDouble(): number {
    const a = next32() >>> 5;
    const b = next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** legacy_gauss: the polar method; the second value is cached for the next call. */
  function nextGauss(): number {
    if (hasGauss) {
      hasGauss = false;
      const cached = gauss;
      gauss = 0;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * nextDouble() - 1;
      x2 = 2 * nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    // f = √(−2·ln r² / r²)
    const f = Math.sqrt((-2 * log(r2)) / r2);
    gauss = f * x1;
    hasGauss = true;
    return f * x2;
  }

  /**
   * A value in [0, rng] by masked rejection (random_bounded_uint64_fill, use_masked).
   * rng < 2^32 draws one word per try; larger ranges (≤ 2^53−1) draw two, high word first.
   */
  function bounded(rng: number): number {
    if (rng === 0) return 0;
    if (rng < TWO_32) {
      const mask = mask32(rng);
      let v: number;
      do v = (next32() & mask) >>> 0;
      while (v > rng);
      return v;
    }
    const maskHi = mask32(Math.floor(rng / TWO_32));
    let v: number;
    do {
      const hi = (next32() & maskHi) >>> 0;
      v = hi * TWO_32 + next32();
    } while (v > rng);
    return v;
  }

  return {
    rand(rows, cols) {
      const data = new Float64Array(checkSize(rows, cols));
      for (let k = 0; k < data.length; k++) data[k] = nextDouble();
      return matrix(rows, cols, data);
    },
    randn(rows, cols) {
      const data = new Float64Array(checkSize(rows, cols));
      for (let k = 0; k < data.length; k++) data[k] = nextGauss();
      return matrix(rows, cols, data);
    },
    randint(low, high, rows, cols) {
      checkInteger('low', low, -TWO_53, TWO_53 - 1);
      checkInteger('high', high, 1 - TWO_53, TWO_53);
      if (high <= low) fail('high', high, `must be greater than low (${low})`);
      // Exact check (BigInt) that rng = high − low − 1 fits in 53 bits, so every value is exact.
      if (BigInt(high) - BigInt(low) > BigInt(TWO_53)) {
        fail('high − low', `${high} − ${low}`, 'must be at most 2^53');
      }
      const data = new Float64Array(checkSize(rows, cols));
      const rng = high - low - 1;
      for (let k = 0; k < data.length; k++) data[k] = low + bounded(rng);
      return matrix(rows, cols, data);
    },
    permutation(n) {
      checkInteger('n', n, 1, MAX_ELEMENTS);
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = i;
      // Legacy shuffle: for i = n−1 … 1, swap out[i] with out[random_interval(i)].
      for (let i = n - 1; i > 0; i--) {
        const j = bounded(i);
        const t = out[i];
        out[i] = out[j];
        out[j] = t;
      }
      return out;
    },
    uniform: nextDouble,
    normal: nextGauss,
  };
}
