import type { TextParams } from '../../common/core-text/coded-text';
import { composeText } from '../../common/core-text/coded-text';
import { detectionTextsEn } from '../../common/core-text/detection-texts';
import type { DetectionTextCode } from '../../common/core-text/detection-texts';
import type { PendingRestartMarker } from '../../common/detection';

/** A pending-restart marker: its English detail and the same sentence as a code, for the other languages. */
export function restartMarker(
  source: PendingRestartMarker['source'],
  code: DetectionTextCode,
  params: TextParams = {},
): PendingRestartMarker {
  const { message, ...text } = composeText(detectionTextsEn, code, params);
  return { source, detail: message, text };
}
