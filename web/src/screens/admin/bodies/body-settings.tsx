import '../../../styles/admin-bodies.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { localDateOf, yearOf } from '../../../../../domain/dates';
import { api } from '../../../api/client';
import { ApiFailure, fieldMessage, formMessage, unwrap } from '../../../api/errors';
import { bodyQuery } from '../../../reference/queries';
import { Field, WriteStatus } from '../../../ui/field';
import { useSubmission } from '../../../ui/submission';
import { bodyChanged, type AdminBody } from './queries';
import { draftOf, patchOf, RECOUNTED, type BodyPatch, type DraftErrors, type SettingsDraft } from './settings-draft';
import { NonWorkingDayList } from './non-working-day-list';
import { YearCalendar } from './year-calendar';
import { withDayToggled } from '../../../../../domain/non-working-days';
import { TimeZoneSelect } from './time-zone-select';

const FIELDS = ['name', 'acronym', 'timezone', 'folioStart', 'warningBusinessDays', 'public', 'nonWorkingDays', 'reminders', 'escalation'];

// A 409 names what it conflicts with only in words: the folio start that
// would give a folio twice, or an acronym another body has.
function conflictOn(error: unknown, field: 'folioStart' | 'acronym'): string | undefined {
  if (!(error instanceof ApiFailure) || error.code !== 'CONFLICT') return undefined;
  const aboutFolio = /folio/i.test(error.message);
  return (field === 'folioStart') === aboutFolio ? error.message : undefined;
}

// `/admin/organos/:id`: every setting of a body, its non-working days on a
// year calendar, saved at once.
export function BodySettingsPage() {
  const { id } = useParams({ from: '/app/admin/organos/$id' });
  const body = useQuery(bodyQuery(id));
  useEffect(() => {
    document.title = `${body.data?.body.acronym ?? 'Órgano colegiado'} — Administración — Acuerdos`;
  }, [body.data?.body.acronym]);
  if (body.isPending) return <p className="muted">Cargando el órgano…</p>;
  if (body.error) return <p className="status-error">No se pudo cargar el órgano: {body.error.message}</p>;
  return <SettingsForm body={body.data.body} />;
}

function SettingsForm({ body }: { body: AdminBody }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(body));
  const [year, setYear] = useState(() => yearOf(localDateOf(new Date().toISOString(), body.timezone)));
  const [localErrors, setLocalErrors] = useState<DraftErrors>({});
  const [saved, setSaved] = useState<{ recounted: boolean }>();
  const [submittedUnchanged, setSubmittedUnchanged] = useState(false);
  const calendarHint = useId();
  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = useSubmission(
    (patch: BodyPatch, key: string) => unwrap(api.PATCH('/api/bodies/{id}', { params: { path: { id: body.id }, header: { 'idempotency-key': key } }, body: patch })),
    {
      onSuccess: async (after, { input }) => {
        // The form starts again from what the API kept.
        setDraft(draftOf(after));
        setSaved({ recounted: RECOUNTED.some((field) => input[field] !== undefined) });
        await bodyChanged(queryClient, after);
      },
    },
  );
  const { patch, errors } = patchOf(body, draft);
  const unchanged = Object.keys(patch).length === 0;
  const recounts = RECOUNTED.some((field) => patch[field] !== undefined);
  // A refused save sends the reader to the first field it names: the form is
  // long, and the button is far from most of them.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (save.error || Object.keys(localErrors).length > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.error, localErrors]);
  const errorOf = (field: string) => localErrors[field] ?? fieldMessage(save.error, field);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setLocalErrors(errors);
    setSaved(undefined);
    setSubmittedUnchanged(unchanged);
    if (Object.keys(errors).length > 0 || unchanged) return;
    save.submit(patch);
  };

  return (
    <div className="admin body-settings">
      <p className="breadcrumb">
        <Link to="/admin/organos">Órganos colegiados</Link> › {body.acronym}
      </p>
      <h1>{body.name}</h1>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <Section title="Datos del órgano">
          <Field label="Nombre" error={errorOf('name')}>
            {(control) => <input {...control} type="text" maxLength={300} value={draft.name} onChange={(e) => set('name', e.target.value)} />}
          </Field>
          <Field label="Siglas" error={errorOf('acronym') ?? conflictOn(save.error, 'acronym')}>
            {(control) => <input {...control} className="input-short" type="text" maxLength={40} value={draft.acronym} onChange={(e) => set('acronym', e.target.value)} />}
          </Field>
          <Field label="Folio inicial" hint="Número que lleva el siguiente acuerdo registrado. Solo puede ser mayor que los folios ya asignados: los folios no se reutilizan." error={errorOf('folioStart') ?? conflictOn(save.error, 'folioStart')}>
            {(control) => <input {...control} className="input-short" type="text" inputMode="numeric" value={draft.folioStart} onChange={(e) => set('folioStart', e.target.value)} />}
          </Field>
          <div className="checkbox">
            <input id="publico" type="checkbox" checked={draft.public} onChange={(e) => set('public', e.target.checked)} aria-describedby="publico-ayuda" />
            <label htmlFor="publico">Público: sus acuerdos aparecen en la consulta pública</label>
          </div>
          <p className="field-hint checkbox-hint" id="publico-ayuda">
            Sin iniciar sesión, cualquiera ve los acuerdos y las evidencias marcadas como públicas; nunca correos, comentarios de revisión ni archivos privados.
          </p>
        </Section>

        <Section title="Calendario y plazos">
          <Field label="Zona horaria" hint="En ella se cuentan los días de los plazos y se envían los recordatorios." error={errorOf('timezone')}>
            {(control) => <TimeZoneSelect control={control} value={draft.timezone} onChange={(zone) => set('timezone', zone)} />}
          </Field>
          <Field
            label="Días hábiles de aviso (semáforo amarillo)"
            hint="Un acuerdo en proceso pasa a amarillo cuando su fecha límite está a este número de días hábiles o menos."
            error={errorOf('warningBusinessDays')}
          >
            {(control) => <input {...control} className="input-short" type="text" inputMode="numeric" value={draft.warningBusinessDays} onChange={(e) => set('warningBusinessDays', e.target.value)} />}
          </Field>

          <h3 id="dias-inhabiles">Días inhábiles</h3>
          <p className="field-hint" id={calendarHint}>
            Los sábados, domingos y los días de descanso obligatorio de la Ley Federal del Trabajo nunca cuentan. Pulse un día hábil para declararlo inhábil del órgano (por ejemplo, un periodo
            vacacional); púlselo otra vez para volverlo hábil. Con el teclado, las flechas recorren los días.
          </p>
          <div className="year-picker">
            <button type="button" className="button" onClick={() => setYear((y) => y - 1)} aria-label={`Año anterior (${year - 1})`}>
              ‹ {year - 1}
            </button>
            <h4 className="year-title" aria-live="polite">
              {year}
            </h4>
            <button type="button" className="button" onClick={() => setYear((y) => y + 1)} aria-label={`Año siguiente (${year + 1})`}>
              {year + 1} ›
            </button>
          </div>
          {errorOf('nonWorkingDays') && (
            <p className="field-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {errorOf('nonWorkingDays')}
            </p>
          )}
          <YearCalendar year={year} nonWorkingDays={draft.nonWorkingDays} onToggle={(date) => set('nonWorkingDays', withDayToggled(draft.nonWorkingDays, date))} describedBy={calendarHint} />
          <NonWorkingDayList days={draft.nonWorkingDays} onChange={(days) => set('nonWorkingDays', days)} onShowYear={setYear} />
        </Section>

        <Section title="Plan de recordatorios">
          <p className="muted">Cada institución que aún no cumple recibe un correo en estos días, a la hora indicada.</p>
          <Field label="Antes de la fecha límite (días hábiles)" hint="Separados por comas; 0 es el mismo día de la fecha límite. P. ej.: 10, 3, 0." error={errorOf('reminders.beforeDue')}>
            {(control) => <input {...control} className="input-medium" type="text" value={draft.beforeDue} onChange={(e) => set('beforeDue', e.target.value)} />}
          </Field>
          <div className="field-row">
            <Field label="Ya vencido: cada cuántos días hábiles" error={errorOf('reminders.overdueEvery')}>
              {(control) => <input {...control} className="input-short" type="text" inputMode="numeric" value={draft.overdueEvery} onChange={(e) => set('overdueEvery', e.target.value)} />}
            </Field>
            <Field label="Ya vencido: cuántas veces como máximo" error={errorOf('reminders.overdueMax')}>
              {(control) => <input {...control} className="input-short" type="text" inputMode="numeric" value={draft.overdueMax} onChange={(e) => set('overdueMax', e.target.value)} />}
            </Field>
            <Field label="Hora de envío" error={errorOf('reminders.at')}>
              {(control) => <input {...control} className="input-short" type="time" value={draft.at} onChange={(e) => set('at', e.target.value)} />}
            </Field>
          </div>
          <div className="checkbox">
            <input id="escalar" type="checkbox" checked={draft.escalate} onChange={(e) => set('escalate', e.target.checked)} />
            <label htmlFor="escalar">Escalar cuando una institución no responde</label>
          </div>
          {draft.escalate && (
            <div className="field-row">
              <Field label="Copiar a la persona titular tras" hint="recordatorios de vencido sin evidencia." error={errorOf('escalation.afterReminders')}>
                {(control) => <input {...control} className="input-short" type="text" inputMode="numeric" value={draft.afterReminders} onChange={(e) => set('afterReminders', e.target.value)} />}
              </Field>
              <Field label="Copiar a la coordinación tras otros" hint="recordatorios sin evidencia." error={errorOf('escalation.toCoordinatorsAfter')}>
                {(control) => <input {...control} className="input-short" type="text" inputMode="numeric" value={draft.toCoordinatorsAfter} onChange={(e) => set('toCoordinatorsAfter', e.target.value)} />}
              </Field>
            </div>
          )}
        </Section>

        <div className="save-bar">
          {recounts && (
            <p className="notice">
              Al guardar, todos los acuerdos en curso de {body.acronym} vuelven a calcular su fecha límite, su semáforo y sus recordatorios con estos ajustes.
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              Guardar cambios
            </button>
            <button type="button" className="button button-quiet" onClick={() => setDraft(draftOf(body))} disabled={unchanged || save.isPending}>
              Descartar cambios
            </button>
          </div>
          <WriteStatus
            pending={save.isPending}
            pendingText="Guardando…"
            error={Object.keys(localErrors).length > 0 || conflictOn(save.error, 'folioStart') || conflictOn(save.error, 'acronym') ? 'Revise los campos marcados.' : formMessage(save.error, FIELDS)}
            success={saved ? savedMessage(saved.recounted) : unchanged && submittedUnchanged ? 'No hay cambios que guardar.' : undefined}
          />
        </div>
      </form>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function savedMessage(recounted: boolean): string {
  return recounted ? 'Cambios guardados. Los acuerdos en curso se están recalculando con los nuevos ajustes; en unos segundos verá sus nuevas fechas límite.' : 'Cambios guardados.';
}
