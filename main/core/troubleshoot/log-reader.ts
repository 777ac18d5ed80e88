/**
 * Reads logs that may be hundreds of megabytes without loading them whole: the tail is read backwards in
 * chunks, and search and "jump to errors" stream the file line by line keeping only the hits (capped).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import readline from 'node:readline';
import { explainLine, isErrorLine } from '../../../common/known-errors';
import type { LogHit } from '../../../common/troubleshoot';

const CHUNK = 64 * 1024;
/** A hit line is cut here: a vendor tool that prints a whole file on one line must not fill the reply. */
const MAX_LINE_CHARS = 2_000;

const cut = (text: string) => (text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}…` : text);

/** The last `count` lines (the viewer opens at the end), reading backwards only as far as needed. */
export async function tailLines(file: string, count: number): Promise<{ lines: string[]; sizeBytes: number }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    let position = size;
    let text = '';
    let newlines = 0;
    while (position > 0 && newlines <= count) {
      const length = Math.min(CHUNK, position);
      position -= length;
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, position);
      const chunk = buffer.toString('latin1');
      for (const ch of chunk) if (ch === '\n') newlines++;
      text = chunk + text;
    }
    // Decoded once at the end so a UTF-8 sequence split across chunks is not broken.
    const decoded = Buffer.from(text, 'latin1').toString('utf8');
    const lines = decoded.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return { lines: lines.slice(-count).map(cut), sizeBytes: size };
  } finally {
    await handle.close();
  }
}

async function scan(
  file: string,
  keep: (text: string) => boolean,
  maxHits: number,
): Promise<{ hits: LogHit[]; lines: number; more: boolean }> {
  const hits: LogHit[] = [];
  let index = 0;
  let more = false;
  const reader = readline.createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const text of reader) {
    if (keep(text)) {
      if (hits.length < maxHits) hits.push({ line: index, text: cut(text), explanation: explainLine(text) });
      else more = true;
    }
    index++;
  }
  return { hits, lines: index, more };
}

/** Lines containing `query` (case-insensitive), at most `maxHits`; `more` says there were others. */
export function searchLog(
  file: string,
  query: string,
  maxHits = 500,
): Promise<{ hits: LogHit[]; lines: number; more: boolean }> {
  const needle = query.toLowerCase();
  return scan(file, (text) => needle !== '' && text.toLowerCase().includes(needle), maxHits);
}

/** Error lines (see isErrorLine), each with its known-error explanation, for "jump to errors". */
export function errorLines(file: string, maxHits = 500): Promise<{ hits: LogHit[]; lines: number; more: boolean }> {
  return scan(file, isErrorLine, maxHits);
}

/** Lines `from` … `from + count - 1`, streamed (the viewer's window when it jumps to a hit). */
export async function readLineRange(file: string, from: number, count: number): Promise<string[]> {
  const lines: string[] = [];
  let index = 0;
  const reader = readline.createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const text of reader) {
    if (index >= from + count) break;
    if (index >= from) lines.push(cut(text));
    index++;
  }
  reader.close();
  return lines;
}

/**
 * One window of lines and the file's line count in a single streamed pass: lines `from` … `from + count - 1`,
 * or without `from` the last `count` (the viewer opens at the end). Only the window is kept in memory.
 */
export async function lineWindow(
  file: string,
  from: number | null,
  count: number,
): Promise<{ from: number; lines: string[]; totalLines: number }> {
  const kept: string[] = [];
  let index = 0;
  const reader = readline.createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const text of reader) {
    if (from === null) {
      kept.push(cut(text));
      if (kept.length > count) kept.shift();
    } else if (index >= from && index < from + count) kept.push(cut(text));
    index++;
  }
  const start = from === null ? Math.max(0, index - kept.length) : Math.min(from, index);
  return { from: start, lines: kept, totalLines: index };
}
