import type { Handlers } from '../../api/dispatch';
import type { DetectionService } from './detection-service';

export function createDetectionHandlers(detection: DetectionService): Pick<Handlers, 'detect'> {
  return {
    detect: (input) => detection.detect(input),
  };
}
