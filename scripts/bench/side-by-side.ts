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
 * Runs each of `commands` `runs` times, one of each per round, the order rotating from round to round, after
 * `warmup` unmeasured rounds (file cache, JIT of the benchmark itself). Each command returns the figure it measured
 * (ms, usually); the result holds each command's samples, round by round.
 */
export async function alternate(runs: number, commands: (() => Promise<number>)[], warmup = 1): Promise<number[][]> {
  for (let i = 0; i < warmup; i++) for (const command of commands) await command();
  const samples = commands.map((): number[] => []);
  for (let round = 0; round < runs; round++)
    for (let k = 0; k < commands.length; k++) {
      const which = (round + k) % commands.length;
      samples[which]!.push(await commands[which]!());
    }
  return samples;
}

/** Two series measured in the same rounds (see alternate), compared pair by pair. */
export function compare(ours: readonly number[], theirs: readonly number[]): SideBySide {
  return {
    runs: ours.length,
    ours: spread(ours),
    theirs: spread(theirs),
    ratio: median(ours.map((x, i) => x / theirs[i]!)),
    difference: median(ours.map((x, i) => x - theirs[i]!)),
    samples: { ours: [...ours], theirs: [...theirs] },
  };
}

/** `ours` against `theirs`, alternating which goes first (see alternate). */
export async function sideBySide(
  runs: number,
  ours: () => Promise<number>,
  theirs: () => Promise<number>,
  warmup = 1,
): Promise<SideBySide> {
  const [a, b] = await alternate(runs, [ours, theirs], warmup);
  return compare(a!, b!);
}

/** "412 ms [400–460]": median [min–max]. */
export function describeSpread(s: Spread, digits = 0): string {
  return `${s.median.toFixed(digits)} ms [${s.min.toFixed(digits)}–${s.max.toFixed(digits)}]`;
}

/** "1.21× (412 ms [400–460] vs 340 ms [330–390], 10 pairs)". */
export function describeSideBySide(result: SideBySide, digits = 0): string {
  return `${result.ratio.toFixed(2)}× (${describeSpread(result.ours, digits)} vs ${describeSpread(result.theirs, digits)}, ${result.runs} pairs)`;
}
