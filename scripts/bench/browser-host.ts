import type { BenchRow } from './row';
export async function benchBrowserHost(_runs: number): Promise<BenchRow[]> {
  return [];
}
