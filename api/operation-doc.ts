// The sections of /api/docs, in the order a reader meets them: every
// operation belongs to one and says in a line what it does, so the document
// reads as a manual and a generated client groups its calls the same way.
export const TAGS = [
  { name: 'Acuerdos', description: 'Registro y consulta de acuerdos, su historia y los cambios de estatus y de plazo que hace la secretaría técnica.' },
  { name: 'Evidencias', description: 'Medios de verificación que envían las instituciones responsables, su revisión y sus archivos.' },
  { name: 'Sesiones', description: 'Sesiones del órgano colegiado y el seguimiento de acuerdos de cada una.' },
  { name: 'Hitos', description: 'Hechos de los que dependen plazos (p. ej. una publicación en el DOF) y su registro como ocurridos.' },
  { name: 'Reportes', description: 'Tablero, anexo de seguimiento y bitácora de notificaciones.' },
  { name: 'Participación', description: 'Participantes de sociedad civil, academia y sector privado, sus participaciones en sesiones y su seguimiento.' },
  { name: 'Importación', description: 'Alta de acuerdos en lote desde un archivo CSV.' },
  { name: 'Administración', description: 'Órganos colegiados y sus ajustes, instituciones, tokens y usuarios.' },
  { name: 'Acceso', description: 'Sesión de la interfaz web: entrar, salir y quién llama.' },
  { name: 'Público', description: 'Consulta sin token del seguimiento que publica un órgano.' },
  { name: 'Sistema', description: 'Estado del servicio.' },
] as const;

export type Tag = (typeof TAGS)[number]['name'];

// Spread into a route's schema: its section and its one-line summary (Spanish).
export function operation(tag: Tag, summary: string): { tags: Tag[]; summary: string } {
  return { tags: [tag], summary };
}
