/**
 * Detection in-process, side by side with what a Node program would otherwise call for OS facts
 * (systeminformation's osInfo()), and how soon the first section streams (slow probes must not hold back
 * the first screen).
 */
import { performance } from 'node:perf_hooks';
import si from 'systeminformation';
import { createDetectionCore } from '../../main/core/detection-core';
import type { BenchRow } from './row';
import { describeSideBySide, describeSpread, median, sideBySide, spread } from './side-by-side';

/** A cold detection (new service, nothing cached); returns the full time and when the first section arrived. */
async function coldDetection(root: string): Promise<{ fullMs: number; firstMs: number }> {
  const { deps, detection } = createDetectionCore({ root });
  let firstMs: number | null = null;
  const start = performance.now();
  const unsubscribe = deps.events.subscribe((name, _payload) => {
    if (name === 'detection' && firstMs === null) firstMs = performance.now() - start;
  });
  await detection.detect();
  const fullMs = performance.now() - start;
  unsubscribe();
  return { fullMs, firstMs: firstMs ?? fullMs };
}

export async function benchDetection(root: string, runs: number): Promise<BenchRow[]> {
  const firsts: number[] = [];
  const result = await sideBySide(
    runs,
    async () => {
      const r = await coldDetection(root);
      firsts.push(r.firstMs);
      return r.fullMs;
    },
    async () => {
      const start = performance.now();
      await si.osInfo();
      return performance.now() - start;
    },
  );
  const first = spread(firsts);
  return [
    {
      id: 'detection',
      what: 'detection (in-process, cold) vs systeminformation.osInfo()',
      value: describeSideBySide(result, 1),
      goal: '≤ 0.1×',
      met: result.ratio <= 0.1,
      data: result,
    },
    {
      id: 'detectionFirstSection',
      what: 'detection: first section streamed (slow probes do not hold it)',
      value: `${describeSpread(first, 1)}, full report ${result.ours.median.toFixed(1)} ms`,
      goal: '≤ full report',
      met: median(firsts) <= result.ours.median,
      data: { firstSectionMs: first },
    },
  ];
}
