import type { LocalDate } from '../../domain/dates.js';
import type { SessionKind } from '../../domain/session-label.js';

// Demo data: the real agreements 34–55 of the Sistema Nacional para la
// Igualdad entre Mujeres y Hombres (SNIMH), sessions 19–22 (2019–2020), as
// Annex I of its 2020 annual report lists them (../shared/seeds/003). Texts,
// folios and session dates are the report's; the responsible institutions are
// the ones the texts name or imply; deadlines are what the texts state, in the
// import's compact form (domain/import-row.ts). The evidence, reviews and
// their dates are invented so that the annex as of 31/12/2020 shows exactly
// the statuses of Annex I; a few agreements are completed in 2021, so today's
// annex differs from that one.
//
// DEMO ONLY: the institutions' e-mail addresses end in ".example" (RFC 2606),
// so reminders of the demo can never reach a real mailbox.

export const SNIMH = {
  name: 'Sistema Nacional para la Igualdad entre Mujeres y Hombres',
  acronym: 'SNIMH',
  // Annex I starts at agreement 34: the earlier 33 predate the system.
  folioStart: 34,
  public: true,
};

// The day Annex I describes.
export const ANNEX_I_AS_OF: LocalDate = '2020-12-31';

export interface SeedInstitution {
  acronym: string;
  name: string;
  emails: string[];
  headEmails: string[];
}

const demoEmail = (who: string, acronym: string) => [`${who}@${acronym.toLowerCase()}.gob.mx.example`];

export const INSTITUTIONS: SeedInstitution[] = [
  ['INMUJERES', 'Instituto Nacional de las Mujeres'],
  ['SEGOB', 'Secretaría de Gobernación'],
  ['SHCP', 'Secretaría de Hacienda y Crédito Público'],
  ['SFP', 'Secretaría de la Función Pública'],
  ['SRE', 'Secretaría de Relaciones Exteriores'],
  ['SEP', 'Secretaría de Educación Pública'],
  ['SSA', 'Secretaría de Salud'],
  ['STPS', 'Secretaría del Trabajo y Previsión Social'],
  ['BIENESTAR', 'Secretaría de Bienestar'],
  ['CONAVIM', 'Comisión Nacional para Prevenir y Erradicar la Violencia contra las Mujeres'],
].map(([acronym = '', name = '']) => ({ acronym, name, emails: demoEmail('enlace', acronym), headEmails: demoEmail('titular', acronym) }));

export interface SeedSession {
  kind: SessionKind;
  number: number;
  date: LocalDate;
}

export const SESSIONS: SeedSession[] = [
  { kind: 'ordinaria', number: 19, date: '2019-11-22' },
  { kind: 'ordinaria', number: 20, date: '2020-04-24' },
  { kind: 'ordinaria', number: 21, date: '2020-09-30' },
  { kind: 'ordinaria', number: 22, date: '2020-12-09' },
];

// Events the deadlines of agreements 40, 42 and 49 count from.
export const MILESTONES = [
  { name: 'Envío del proyecto de Reglas del SNIMH', occurredOn: '2020-05-04' },
  { name: 'Envío del cuestionario de diagnóstico a las UIG', occurredOn: '2020-06-15' },
  { name: 'Publicación del PROIGUALDAD 2020-2024 en el DOF', occurredOn: '2020-12-22' },
];

// What happened after the adoption, each on its day.
export type SeedStep =
  | {
      // An institution's evidence (by acronym), reviewed or still under review.
      evidence: string;
      on: LocalDate;
      description: string;
      public?: boolean;
      links?: string[];
      accepted?: LocalDate;
      rejected?: { on: LocalDate; comment: string };
    }
  | { fulfilled: LocalDate; justification: string };

export interface SeedAgreement {
  seq: number;
  session: number;
  text: string;
  responsibles: string[];
  deadline: string;
  steps: SeedStep[];
}

const accepted = (evidence: string, on: LocalDate, acceptedOn: LocalDate, description: string, extra: { public?: boolean; links?: string[] } = {}): SeedStep => ({
  evidence,
  on,
  accepted: acceptedOn,
  description,
  public: extra.public ?? true,
  ...(extra.links ? { links: extra.links } : {}),
});

export const AGREEMENTS: SeedAgreement[] = [
  {
    seq: 34,
    session: 19,
    text: 'Las Dependencias, Entidades e Instituciones de la Administración Pública Federal promoverán la emisión del pronunciamiento de “Cero Tolerancia a Conductas de Hostigamiento Sexual y Acoso Sexual” signado por la persona titular de su institución de acuerdo con los criterios considerados para su elaboración, en el marco de los 16 días de activismo del Día Internacional para la Eliminación de la Violencia contra la Mujer.',
    responsibles: ['SFP', 'SEGOB', 'SHCP'],
    deadline: '2019-12-10',
    steps: [
      accepted('SFP', '2019-12-02', '2019-12-05', 'Pronunciamiento de Cero Tolerancia firmado por la titular y difundido en la intranet.', { links: ['https://www.gob.mx/sfp'] }),
      accepted('SEGOB', '2019-12-04', '2019-12-06', 'Pronunciamiento firmado por la titular de la Secretaría y publicado en su portal.'),
      accepted('SHCP', '2019-12-09', '2019-12-11', 'Pronunciamiento firmado por el titular y difundido por correo institucional.'),
    ],
  },
  {
    seq: 35,
    session: 19,
    text: 'Las Dependencias, Entidades e Instituciones de la Administración Pública Federal adoptarán y difundirán en los medios de comunicación interna y externa la actualización del Protocolo para la prevención, atención y sanción del hostigamiento sexual y acoso sexual, una vez realizada su publicación en el Diario Oficial de la Federación.',
    responsibles: ['SFP', 'SEP'],
    deadline: 'none',
    steps: [
      accepted('SFP', '2020-01-20', '2020-01-24', 'Difusión del Protocolo publicado en el DOF el 03/01/2020 en medios internos y redes sociales.'),
      { evidence: 'SEP', on: '2020-02-03', description: 'Difusión del Protocolo en la intranet.', public: false, rejected: { on: '2020-02-05', comment: 'Falta la evidencia de la difusión en medios externos.' } },
      accepted('SEP', '2020-02-12', '2020-02-14', 'Difusión del Protocolo en la intranet y en las redes sociales institucionales.'),
    ],
  },
  {
    seq: 36,
    session: 19,
    text: 'Las Dependencias, Entidades e Instituciones de la Administración Pública Federal difundirán en los medios de comunicación interna y externa el Acuerdo por la Igualdad firmado por el Presidente de la República, Lic. Andrés Manuel López Obrador.',
    responsibles: ['SEGOB', 'STPS'],
    deadline: 'none',
    steps: [
      accepted('SEGOB', '2019-12-13', '2019-12-17', 'Difusión del Acuerdo por la Igualdad en el portal y las redes sociales de la Secretaría.'),
      accepted('STPS', '2020-01-15', '2020-01-20', 'Difusión del Acuerdo por la Igualdad en carteles y en el boletín interno.'),
    ],
  },
  {
    seq: 37,
    session: 19,
    text: 'Las Instituciones asistentes al Sistema Nacional para la Igualdad entre Mujeres y Hombres participarán en los planes estratégicos para la implementación del Programa Nacional para la Igualdad entre Mujeres y Hombres con el Instituto Nacional de las Mujeres, considerando la participación de los mecanismos con los que cuenta el instituto.',
    responsibles: ['SEGOB', 'SHCP', 'BIENESTAR'],
    deadline: 'none',
    steps: [accepted('SHCP', '2020-03-10', '2020-03-13', 'Plan estratégico de la SHCP para la implementación del PROIGUALDAD.')],
  },
  {
    seq: 38,
    session: 19,
    text: 'La Vigésima Sesión Ordinaria del Sistema Nacional para la Igualdad entre Mujeres y Hombres se programará durante el primer trimestre del 2020.',
    responsibles: ['INMUJERES'],
    deadline: 'Q1-2020',
    steps: [accepted('INMUJERES', '2020-03-06', '2020-03-09', 'Programación de la Vigésima Sesión Ordinaria y envío de la convocatoria a las instituciones integrantes.')],
  },
  {
    seq: 39,
    session: 20,
    text: 'Las instituciones asistentes a la Vigésima Sesión Ordinaria del Sistema Nacional para la Igualdad entre Mujeres y Hombres aprobarán los acuerdos que se deriven de la misma, a través de la firma en la lista de asistencia que será proporcionada por el Instituto Nacional de las Mujeres en la Vigésima Primera Sesión Ordinaria del Sistema Nacional para la Igualdad entre Mujeres y Hombres.',
    responsibles: ['INMUJERES'],
    deadline: 'none',
    steps: [accepted('INMUJERES', '2020-09-30', '2020-10-02', 'Lista de asistencia firmada en la Vigésima Primera Sesión Ordinaria.')],
  },
  {
    seq: 40,
    session: 20,
    text: 'El INMUJERES enviará el proyecto de Reglas para la Organización y Funcionamiento del Sistema Nacional para la Igualdad entre Mujeres y Hombres a las integrantes, coadyuvantes e invitados del Sistema Nacional para la Igualdad entre Mujeres y Hombres para su revisión y comentarios, los cuales serán remitidos al INMUJERES en un plazo de quince días hábiles contabilizados a partir de la fecha en la que el INMUJERES envíe el proyecto.',
    responsibles: ['INMUJERES', 'SEGOB', 'SFP'],
    deadline: '15bd@milestone:Envío del proyecto de Reglas del SNIMH',
    steps: [
      accepted('INMUJERES', '2020-05-04', '2020-05-06', 'Oficio de envío del proyecto de Reglas a las instituciones del Sistema.'),
      accepted('SEGOB', '2020-05-20', '2020-05-26', 'Comentarios de la Unidad de Igualdad de Género al proyecto de Reglas.'),
      accepted('SFP', '2020-05-22', '2020-05-27', 'Comentarios al proyecto de Reglas remitidos al INMUJERES.'),
    ],
  },
  {
    seq: 41,
    session: 20,
    text: 'Las instituciones participantes en el Programa Nacional para la Igualdad entre Mujeres y Hombres (PROIGUALDAD 2020-2024) brindarán información al Instituto Nacional de las Mujeres y colaborara en la semaforización inicial de las líneas de acción a su cargo, a fin de favorecer la implementación, coordinación y seguimiento de las acciones del PROIGUALDAD 2020-2024.',
    responsibles: ['SHCP', 'SEP', 'SSA'],
    deadline: 'none',
    steps: [
      accepted('SHCP', '2020-06-05', '2020-06-10', 'Semaforización inicial de las líneas de acción a cargo de la SHCP.'),
      accepted('SEP', '2020-06-12', '2020-06-17', 'Semaforización inicial de las líneas de acción a cargo de la SEP.'),
      accepted('SSA', '2020-06-19', '2020-06-24', 'Semaforización inicial de las líneas de acción a cargo de la Secretaría de Salud.'),
    ],
  },
  {
    seq: 42,
    session: 20,
    text: 'Con la finalidad de tener información estratégica sobre las Unidades de Género de las Instituciones participantes en el Sistema Nacional para la Igualdad entre Mujeres y Hombres participarán en el cuestionario de Diagnóstico en Materia de Igualdad entre Mujeres y Hombres para las Unidades de Igualdad de Género de la Administración Pública Federal, en un plazo de quince días hábiles contabilizado a partir de que el INMUJERES comparta a las instituciones el cuestionario.',
    responsibles: ['SEGOB', 'STPS', 'SSA'],
    deadline: '15bd@milestone:Envío del cuestionario de diagnóstico a las UIG',
    steps: [
      accepted('SEGOB', '2020-06-24', '2020-06-29', 'Cuestionario de diagnóstico respondido por la Unidad de Igualdad de Género.'),
      accepted('STPS', '2020-06-30', '2020-07-03', 'Cuestionario de diagnóstico respondido por la Unidad de Igualdad de Género.'),
      accepted('SSA', '2020-07-03', '2020-07-08', 'Cuestionario de diagnóstico respondido por el Centro Nacional de Equidad de Género y Salud Reproductiva.'),
    ],
  },
  {
    seq: 43,
    session: 20,
    text: 'Con el objeto de dar continuidad al proceso de publicación del PROIGUALDAD 2020-2024, las instituciones asistentes del Sistema Nacional para la Igualdad entre Mujeres y Hombres favorecerán la gestión de las evaluaciones del impacto presupuestario que solicitará la Secretaría de Hacienda y Crédito Público a las Unidades de Administración y Finanzas o equivalentes de las instituciones que participan en el PROIGUALDAD 2020-2024.',
    responsibles: ['SHCP', 'SFP'],
    deadline: 'none',
    steps: [
      accepted('SFP', '2020-07-15', '2020-07-20', 'Dictamen de impacto presupuestario remitido a la SHCP.'),
      accepted('SHCP', '2020-08-14', '2020-08-19', 'Evaluaciones de impacto presupuestario de las instituciones del PROIGUALDAD gestionadas.'),
    ],
  },
  {
    seq: 44,
    session: 21,
    text: 'Las instituciones participantes en la Vigésima Primera Sesión del Sistema Nacional aprueban que la votación de los acuerdos que derivados de la misma se registre en los medios considerados (chat de la plataforma, grabación, capturas de pantalla y el acta correspondiente).',
    responsibles: ['INMUJERES'],
    deadline: 'none',
    steps: [{ fulfilled: '2020-10-07', justification: 'La votación quedó registrada en el chat, la grabación, las capturas de pantalla y el acta de la Vigésima Primera Sesión Ordinaria.' }],
  },
  {
    seq: 45,
    session: 21,
    text: 'Las instituciones participantes en el Sistema contribuirán en la reformulación de las Comisiones del Sistema, así como en la elaboración de las bases de organización correspondientes, a través de mesas de trabajo, en un plazo no mayor a tres meses.',
    responsibles: ['SEGOB', 'SHCP', 'SFP'],
    deadline: '3m',
    steps: [
      accepted('SEGOB', '2020-11-20', '2020-11-25', 'Participación en las mesas de trabajo para la reformulación de las Comisiones.'),
      accepted('SHCP', '2020-12-15', '2020-12-18', 'Propuesta de bases de organización de la Comisión a su cargo.'),
      accepted('SFP', '2021-01-20', '2021-02-03', 'Comentarios a las bases de organización de las Comisiones.'),
    ],
  },
  {
    seq: 46,
    session: 21,
    text: 'Las instituciones participantes en el Sistema acuerdan la incorporación de la Comisión Federal de Electricidad (CFE), el Instituto Nacional de Desarrollo Social (INDESOL), la Comisión Nacional para Prevenir y Erradicar la Violencia Contra las Mujeres (CONAVIM) y la Comisión Nacional de Cultura Física y Deporte (CONADE) como invitadas permanentes del Sistema Nacional para la Igualdad entre Mujeres y Hombres.',
    responsibles: ['INMUJERES'],
    deadline: 'none',
    steps: [accepted('INMUJERES', '2020-10-15', '2020-10-16', 'Oficios de invitación permanente a la CFE, el INDESOL, la CONAVIM y la CONADE.')],
  },
  {
    seq: 47,
    session: 21,
    text: 'Las instituciones participantes en el Sistema contribuirán en la elaboración del Modelo de Unidad de Igualdad de Género, a través de las mesas de trabajo que convocará el INMUJERES durante los meses de octubre y noviembre.',
    responsibles: ['SEGOB', 'SFP', 'STPS'],
    deadline: '2020-11-30',
    steps: [
      accepted('SEGOB', '2020-11-30', '2020-12-03', 'Participación en las mesas de trabajo del 30/11/2020 para el Modelo de Unidad de Igualdad de Género.'),
      accepted('SFP', '2020-11-30', '2020-12-03', 'Participación en las mesas de trabajo del 30/11/2020 para el Modelo de Unidad de Igualdad de Género.'),
      accepted('STPS', '2020-11-30', '2020-12-04', 'Participación en las mesas de trabajo del 30/11/2020 para el Modelo de Unidad de Igualdad de Género.'),
    ],
  },
  {
    seq: 48,
    session: 21,
    text: 'Las personas representantes de las Secretarías asistentes a esta Vigésima Primera Sesión Ordinaria del Sistema favorecerán en los siguientes quince días hábiles las gestiones para la firma del Refrendo del Decreto de Aprobación y Publicación del Programa Nacional para la Igualdad entre Mujeres y Hombres (PROIGUALDAD) 2020-2024.',
    responsibles: ['SEGOB', 'SHCP', 'SRE'],
    deadline: '15bd',
    steps: [
      accepted('SEGOB', '2020-10-09', '2020-10-13', 'Refrendo del Decreto del PROIGUALDAD firmado por la titular.'),
      accepted('SRE', '2020-10-14', '2020-10-16', 'Refrendo del Decreto del PROIGUALDAD firmado por el titular.'),
      accepted('SHCP', '2020-10-19', '2020-10-21', 'Refrendo del Decreto del PROIGUALDAD firmado por el titular.'),
    ],
  },
  {
    seq: 49,
    session: 21,
    text: 'Las instituciones participantes en el Sistema diseñarán estrategias o mecanismos que se consideren procedentes (convenios, planes de trabajos, entre otros) para favorecer la implementación de las acciones a su cargo, durante los tres meses posteriores a la publicación del PROIGUALDAD 2020-2024.',
    responsibles: ['SEGOB', 'CONAVIM', 'STPS'],
    deadline: '3m@milestone:Publicación del PROIGUALDAD 2020-2024 en el DOF',
    steps: [],
  },
  {
    seq: 50,
    session: 21,
    text: 'Las instituciones participantes en el Sistema favorecerán el cumplimiento de los acuerdos generados durante las reuniones de trabajo celebradas con el INMUJERES, en el marco del PROIGUALDAD 2020-2024, una vez que éste sea publicado.',
    responsibles: ['SHCP', 'BIENESTAR'],
    deadline: 'none',
    steps: [],
  },
  {
    seq: 51,
    session: 21,
    text: 'Las instituciones participantes en el Sistema llevarán a cabo acciones para la mayor difusión del PROIGUALDAD 2020-2024 a través de sus medios institucionales internos y externos, una vez que éste sea publicado.',
    responsibles: ['SEP', 'SSA'],
    deadline: 'none',
    steps: [
      // Under review when the year closed, accepted in January.
      accepted('SEP', '2020-12-28', '2021-01-08', 'Difusión del PROIGUALDAD 2020-2024 en el portal y las redes sociales de la SEP.'),
    ],
  },
  {
    seq: 52,
    session: 22,
    text: 'Las instituciones participantes en el Sistema aprueban que la votación de los acuerdos que deriven de la misma se registre en los medios considerados (chat de la plataforma, grabación, capturas de pantalla y el acta correspondiente)',
    responsibles: ['INMUJERES'],
    deadline: 'none',
    steps: [accepted('INMUJERES', '2020-12-11', '2020-12-14', 'Acta de la Vigésima Segunda Sesión Ordinaria con el registro de la votación.')],
  },
  {
    seq: 53,
    session: 22,
    text: 'El Instituto Nacional de las Mujeres (INMUJERES) convocará, durante el primer trimestre de 2021, a las instituciones integrantes e invitadas permanentes del Sistema que participan en la implementación del objetivo 2 del PROIGUALDAD 2020-2024, para integrar una mesa de trabajo que tendrá como objetivo generar un espacio de dialogo y análisis en torno al proyecto de Ley Nacional de Cuidados.',
    responsibles: ['INMUJERES'],
    deadline: 'Q1-2021',
    steps: [accepted('INMUJERES', '2021-03-05', '2021-03-10', 'Convocatoria a la mesa de trabajo sobre el proyecto de Ley Nacional de Cuidados.')],
  },
  {
    seq: 54,
    session: 22,
    text: 'Las instituciones participantes en el Sistema acuerdan la incorporación de Petróleos Mexicanos (PEMEX) y el Instituto Nacional para el Federalismo y el Desarrollo Municipal (INAFED), como invitadas permanentes del Sistema Nacional para la Igualdad entre Mujeres y Hombres.',
    responsibles: ['INMUJERES'],
    deadline: 'none',
    steps: [accepted('INMUJERES', '2020-12-15', '2020-12-17', 'Oficios de invitación permanente a PEMEX y al INAFED.')],
  },
  {
    seq: 55,
    session: 22,
    text: 'Las instituciones que conforman la comisión de trabajo elaborarán la propuesta de Modelo de Unidad de Igualdad durante el primer trimestre de 2021.',
    responsibles: ['INMUJERES', 'SEGOB', 'SFP'],
    deadline: 'Q1-2021',
    steps: [],
  },
];
