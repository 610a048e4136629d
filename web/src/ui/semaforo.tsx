import type { SemaforoValue } from '../api/types';
import { STATUS_WORD } from '../../../domain/agreement/status';
import { SEMAFORO_LABEL } from '../../../domain/semaforo';

export { SEMAFORO_LABEL, STATUS_WORD };

// Each responsible institution's part of an agreement.
export const STATE_LABEL = { pendiente: 'Pendiente', en_revision: 'En revisión', cumplido: 'Cumplido' } as const;

// Each light has its own shape too, so it is never colour alone.
function Icon({ value }: { value: SemaforoValue }) {
  const common = { viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;
  switch (value) {
    case 'verde':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M4.5 8.2l2.2 2.2 4.8-4.8" stroke="#fff" strokeWidth="2" fill="none" />
        </svg>
      );
    case 'amarillo':
      return (
        <svg {...common}>
          <path d="M8 1l7 13H1z" fill="currentColor" />
          <path d="M8 6v4M8 11.5v1.2" stroke="#fff" strokeWidth="1.8" />
        </svg>
      );
    case 'rojo':
      return (
        <svg {...common}>
          <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
          <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke="#fff" strokeWidth="1.8" />
        </svg>
      );
    case 'cumplido':
      return (
        <svg {...common}>
          <rect x="1" y="1" width="14" height="14" rx="3" fill="currentColor" />
          <path d="M4.5 8.2l2.2 2.2 4.8-4.8" stroke="#fff" strokeWidth="2" fill="none" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M4.5 8h7" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      );
  }
}

// The semáforo as word + colour + shape; a vencido one says by how much.
export function SemaforoBadge({ value, daysOverdue }: { value: SemaforoValue; daysOverdue?: number | undefined }) {
  const late = value === 'rojo' && daysOverdue ? ` · ${daysOverdue} ${daysOverdue === 1 ? 'día hábil' : 'días hábiles'}` : '';
  return (
    <span className={`semaforo semaforo-${value}`}>
      <Icon value={value} />
      {SEMAFORO_LABEL[value]}
      {late}
    </span>
  );
}
