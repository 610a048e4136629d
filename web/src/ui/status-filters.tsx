import { useState, type FormEvent } from 'react';
import { AgreementStatus } from '../../../domain/agreement/status';
import { Semaforo } from '../../../domain/semaforo';
import { SEMAFORO_LABEL, STATUS_WORD } from './semaforo';

// The values come from the domain's enums, so a list's filters offer exactly
// what the API accepts, in one order for the staff list and the public portal.
export const STATUS_VALUES = AgreementStatus.options;
export const SEMAFORO_VALUES = Semaforo.options;

type Choice<T extends string> = { id: string; value: T | undefined; onChange: (value: T | undefined) => void };

function OptionSelect<T extends string>({ id, label, value, onChange, values, labels }: Choice<T> & { label: string; values: readonly T[]; labels: Record<T, string> }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(values.find((v) => v === e.target.value))}>
        <option value="">Todos</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function StatusSelect(props: Choice<AgreementStatus>) {
  return <OptionSelect {...props} label="Estatus" values={STATUS_VALUES} labels={STATUS_WORD} />;
}

export function SemaforoSelect(props: Choice<Semaforo>) {
  return <OptionSelect {...props} label="Semáforo" values={SEMAFORO_VALUES} labels={SEMAFORO_LABEL} />;
}

// A filter form's draft: edited freely, applied on submit with the search
// text trimmed (blank means no text filter).
export function useFilterDraft<F extends { texto?: string | undefined }>(filters: F, onApply: (filters: F) => void) {
  const [draft, setDraft] = useState(filters);
  const set = (patch: Partial<F>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, texto: draft.texto?.trim() || undefined });
  };
  return { draft, set, submit };
}

export function TextSearch({ id, value, onChange, placeholder }: { id: string; value: string | undefined; onChange: (value: string | undefined) => void; placeholder: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>Buscar en el texto</label>
      <input id={id} type="search" value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} placeholder={placeholder} />
    </div>
  );
}
