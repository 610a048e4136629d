import type { Ok } from '../../api/types';
import { formatDate } from '../../ui/format';

type Entry = Ok<'/api/public/agreements/{id}'>['timeline'][number];

// Each public fact in words (the API decides which facts are public:
// domain/agreement/public-timeline.ts).
function say(entry: Entry): { title: string; detail?: string } {
  switch (entry.kind) {
    case 'adopted':
      return { title: `Se adoptó el acuerdo. Fecha límite: ${entry.dueDate ? formatDate(entry.dueDate) : 'sin fecha límite'}.`, detail: entry.dueDateExplanation };
    case 'due_date_set':
      return { title: `Se fijó la fecha límite: ${formatDate(entry.dueDate)}, porque ocurrió el hecho del que dependía.`, detail: entry.dueDateExplanation };
    case 'deadline_changed':
      return { title: `Se modificó el plazo. Nueva fecha límite: ${entry.dueDate ? formatDate(entry.dueDate) : 'sin fecha límite'}.`, detail: entry.dueDateExplanation };
    case 'due_date_recounted':
      return { title: `Se recalculó la fecha límite con el calendario del órgano: ${formatDate(entry.dueDate)}.`, detail: entry.dueDateExplanation };
    case 'deadline_passed':
      return { title: `Venció el plazo (fecha límite ${formatDate(entry.dueDate)}).` };
    case 'evidence_submitted':
      return { title: `${entry.institution} presentó evidencia de cumplimiento.` };
    case 'evidence_reviewed':
      return { title: entry.decision === 'accepted' ? `Se aceptó la evidencia de ${entry.institution}.` : `Se rechazó la evidencia de ${entry.institution}.` };
    case 'fulfilled':
      return { title: 'El acuerdo se dio por cumplido.' };
    case 'reopened':
      return { title: 'El acuerdo se reabrió: vuelve a estar en proceso.' };
    case 'cancelled':
      return { title: 'El acuerdo se canceló: quedó sin efecto.' };
  }
}

export function PublicTimeline({ entries }: { entries: readonly Entry[] }) {
  return (
    <ol className="timeline">
      {entries.map((entry, index) => {
        const { title, detail } = say(entry);
        return (
          // The entries have no id of their own and never reorder.
          <li key={index}>
            <p className="timeline-when">
              <time dateTime={entry.on}>{formatDate(entry.on)}</time>
            </p>
            <p className="timeline-what">{title}</p>
            {detail && <p className="timeline-detail">{detail}</p>}
          </li>
        );
      })}
    </ol>
  );
}
