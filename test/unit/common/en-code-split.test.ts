import { describe, expect, it } from 'vitest';
import { CORE_MESSAGE, enCodes, enHints } from '../../../common/i18n/en-codes';
import { enCodeHints, enCodeTexts } from '../../../common/i18n/en-code-texts';
import { enExitCodeHints, enExitCodeTexts } from '../../../common/i18n/en-exit-codes';

// The renderer's first screen bundles en-code-texts only; the exit codes load with the later steps, and the codes
// whose English is the core's own message have no entry there at all (describeCode falls back to that message).
describe("the English code catalog's split", () => {
  it("keeps the installer's exit codes and the core-worded codes out of the first screen's part", () => {
    const firstScreen = [...Object.keys(enCodeTexts), ...Object.keys(enCodeHints)];
    expect(firstScreen.filter((code) => code.startsWith('exit.'))).toEqual([]);
    expect(Object.values(enCodeTexts)).not.toContain(CORE_MESSAGE);
    expect([...Object.keys(enExitCodeTexts), ...Object.keys(enExitCodeHints)].every((c) => c.startsWith('exit.'))).toBe(
      true,
    );
  });

  it('loses no text: the whole catalog is the parts together', () => {
    const worded = Object.entries(enCodes).filter(([, text]) => text !== CORE_MESSAGE);
    expect(Object.fromEntries(worded)).toEqual({ ...enCodeTexts, ...enExitCodeTexts });
    expect(enHints).toEqual({ ...enCodeHints, ...enExitCodeHints });
  });
});
