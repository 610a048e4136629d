import { AgreementStatus } from '../../../domain/agreement/status';
import { Semaforo } from '../../../domain/semaforo';
import { SEMAFORO_LABEL, STATUS_LABEL } from './semaforo';

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
  return <OptionSelect {...props} label="Estatus" values={STATUS_VALUES} labels={STATUS_LABEL} />;
}

export function SemaforoSelect(props: Choice<Semaforo>) {
  return <OptionSelect {...props} label="Semáforo" values={SEMAFORO_VALUES} labels={SEMAFORO_LABEL} />;
}
