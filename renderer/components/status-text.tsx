/** A state shown by icon AND word, never by colour alone. */
import { Icon } from './icons';
import type { IconName } from './icons';

export function StatusText({ icon, label, className }: { icon: IconName; label: string; className?: string }) {
  return (
    <span className={`status status-${icon}${className ? ` ${className}` : ''}`}>
      <Icon name={icon} />
      <span>{label}</span>
    </span>
  );
}
