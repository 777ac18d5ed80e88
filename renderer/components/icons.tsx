/** Small inline icons (no icon font or CDN: the CSP allows only 'self'). Always paired with text. */
export type IconName = 'ok' | 'warn' | 'fail' | 'info' | 'pending' | 'running' | 'skipped';

const paths: Record<IconName, string> = {
  ok: 'M6 10.5l2.5 2.5L14 7.5',
  warn: 'M10 6v5M10 14v.01',
  fail: 'M7 7l6 6M13 7l-6 6',
  info: 'M10 9v5M10 6v.01',
  pending: 'M6 10h8',
  running: 'M10 5a5 5 0 1 1-5 5',
  skipped: 'M6 10h8',
};

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className={`icon icon-${name}`}
      viewBox="0 0 20 20"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      {name === 'running' ? null : <circle cx="10" cy="10" r="9" />}
      <path d={paths[name]} />
    </svg>
  );
}
