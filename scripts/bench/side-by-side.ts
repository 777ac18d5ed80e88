/**
 * Side-by-side measurement: the app's command and what a user would compare it with, run alternately so
 * that load from anything else on the machine falls on both alike. The ratio quoted is the median of the
 * per-pair ratios (a burst of load during one pair moves one ratio, not the median).
 */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface SideBySide {
  runs: number;
  ours: Spread;
  theirs: Spread;
  /** Median of ours/theirs over the pairs. */
  ratio: number;
  /** Median of ours − theirs over the pairs (the fixed cost, in the unit measured). */
  difference: number;
  samples: { ours: number[]; theirs: number[] };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * Runs `ours` and `theirs` `runs` times each, alternating which goes first, after `warmup` unmeasured pairs
 * (file cache, JIT of the benchmark itself). Each function returns the figure it measured (ms, usually).
 */
export async function sideBySide(
  runs: number,
  ours: () => Promise<number>,
  theirs: () => Promise<number>,
  warmup = 1,
): Promise<SideBySide> {
  for (let i = 0; i < warmup; i++) {
    await ours();
    await theirs();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      a.push(await ours());
      b.push(await theirs());
    } else {
      b.push(await theirs());
      a.push(await ours());
    }
  }
  return {
    runs,
    ours: spread(a),
    theirs: spread(b),
    ratio: median(a.map((x, i) => x / b[i]!)),
    difference: median(a.map((x, i) => x - b[i]!)),
    samples: { ours: a, theirs: b },
  };
}

/** "412 ms [400–460]": median [min–max]. */
export function describeSpread(s: Spread, digits = 0): string {
  return `${s.median.toFixed(digits)} ms [${s.min.toFixed(digits)}–${s.max.toFixed(digits)}]`;
}

/** "1.21× (412 ms [400–460] vs 340 ms [330–390], 10 pairs)". */
export function describeSideBySide(result: SideBySide, digits = 0): string {
  return `${result.ratio.toFixed(2)}× (${describeSpread(result.ours, digits)} vs ${describeSpread(result.theirs, digits)}, ${result.runs} pairs)`;
}
