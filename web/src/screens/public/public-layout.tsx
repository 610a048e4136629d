import { Shell } from '../../ui/shell';

// The frame of the public portal: the same look as the staff's screens, with
// no menu, no sign-in and nothing of anyone's session.
export function PublicLayout() {
  return <Shell home="/publico" subtitle="Consulta pública del seguimiento de acuerdos" footer="Información pública que el órgano colegiado publica sobre el cumplimiento de sus acuerdos." />;
}
