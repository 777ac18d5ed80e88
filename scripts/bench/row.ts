/** One line of the benchmark report; `data` is what goes into the JSON results file. */
export interface BenchRow {
  id: string;
  what: string;
  value: string;
  goal: string;
  /** null: measured, but not a goal (or skipped). */
  met: boolean | null;
  data?: unknown;
}
