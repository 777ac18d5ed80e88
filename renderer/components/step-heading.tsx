/**
 * Each step's h1. It takes focus when the step appears, so keyboard and screen-reader users land on the
 * new step instead of on a button that no longer exists.
 */
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

export function StepHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="step-head">
      <h1 ref={ref} tabIndex={-1} className="step-heading">
        {children}
      </h1>
      {lead ? <p className="step-lead">{lead}</p> : null}
    </div>
  );
}
