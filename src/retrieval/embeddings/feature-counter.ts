const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a (32-bit) over UTF-16 code units, continuing from `state`. Stable across runs and platforms. */
export function fnv1a(text: string, state: number = FNV_OFFSET): number {
  let h = state;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** FNV-1a step for one code unit. */
export function fnv1aCode(code: number, state: number): number {
  return Math.imul(state ^ code, FNV_PRIME) >>> 0;
}

/** Murmur3's finaliser: spreads FNV's weak low bits before they pick a dimension and a sign. */
export function mix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * Counts hashed features of one text (open addressing, reused between texts without clearing),
 * then folds them into a signed, sublinearly weighted, L2-normalised vector.
 */
export class FeatureCounter {
  private keys = new Uint32Array(4096);
  private amounts = new Float64Array(4096);
  private weights = new Float64Array(4096);
  private stamps = new Int32Array(4096);
  private occupied = new Int32Array(2048);
  private epoch = 1;
  private size = 0;

  reset(): void {
    this.epoch++;
    this.size = 0;
  }

  /** Adds `amount` occurrences of feature `hash`; `weight` is the feature's weight (fixed per feature). */
  add(hash: number, amount: number, weight: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = mix32(hash) & mask;
    for (;;) {
      if (this.stamps[slot] !== this.epoch) {
        this.stamps[slot] = this.epoch;
        this.keys[slot] = hash;
        this.amounts[slot] = amount;
        this.weights[slot] = weight;
        this.occupied[this.size++] = slot;
        return;
      }
      if (this.keys[slot] === hash) {
        this.amounts[slot] = (this.amounts[slot] as number) + amount;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Writes the counted features into `out` (zeroed first) and L2-normalises it. */
  toVector(out: Float32Array): Float32Array {
    out.fill(0);
    const dims = out.length;
    const pow2 = (dims & (dims - 1)) === 0;
    for (let i = 0; i < this.size; i++) {
      const slot = this.occupied[i] as number;
      const amount = this.amounts[slot] as number;
      // Sublinear tf: 1 + ln(tf); a fractional (weighted query) amount counts as itself.
      const tf = amount > 1 ? 1 + Math.log(amount) : amount;
      const m = mix32((this.keys[slot] as number) ^ 0x9e3779b9);
      const dim = pow2 ? m & (dims - 1) : m % dims;
      const value = (this.weights[slot] as number) * tf;
      out[dim] = (out[dim] as number) + (m & 0x80000000 ? -value : value);
    }
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += (out[d] as number) * (out[d] as number);
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let d = 0; d < dims; d++) out[d] = (out[d] as number) * inv;
    }
    return out;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldAmounts = this.amounts;
    const oldWeights = this.weights;
    const oldSlots = this.occupied.subarray(0, this.size);
    const capacity = oldKeys.length * 2;
    const entries = Array.from(oldSlots, (slot) => [oldKeys[slot] as number, oldAmounts[slot] as number, oldWeights[slot] as number] as const);
    this.keys = new Uint32Array(capacity);
    this.amounts = new Float64Array(capacity);
    this.weights = new Float64Array(capacity);
    this.stamps = new Int32Array(capacity);
    this.occupied = new Int32Array(capacity / 2);
    this.epoch = 1;
    this.size = 0;
    for (const [key, amount, weight] of entries) this.add(key, amount, weight);
  }
}
