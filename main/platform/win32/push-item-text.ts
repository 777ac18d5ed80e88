/**
 * The Windows push-readiness items' sentences: the English (for the logs and `--json`) and their codes, which every
 * front door says in its own language (common/core-text/push-texts.ts).
 */
import { codedOnly, composeWithParts } from '../../../common/core-text/coded-text';
import type { ComposedText, TextPart } from '../../../common/core-text/coded-text';
import { pushTextsEn } from '../../../common/core-text/push-texts';
import type { PushTextCode } from '../../../common/core-text/push-texts';
import type { PushReadinessItem } from '../../../common/troubleshoot';

export const pushText = (code: PushTextCode, parts: Readonly<Record<string, TextPart>> = {}): ComposedText =>
  composeWithParts(pushTextsEn, code, parts);

export const labelOf = (said: ComposedText): Pick<PushReadinessItem, 'label' | 'labelText'> => ({
  label: said.message,
  labelText: codedOnly(said),
});

export const findingOf = (said: ComposedText): Pick<PushReadinessItem, 'finding' | 'findingText'> => ({
  finding: said.message,
  findingText: codedOnly(said),
});
