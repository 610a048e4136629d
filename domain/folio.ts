import { formatDmy, type LocalDate } from './dates.js';

// `{seq}:{d}/{MM}/{yyyy}` of the session date: 34:22/11/2019, 52:9/12/2020.
export function formatFolio(seq: number, sessionDate: LocalDate): string {
  const [dd = '', mm = '', yyyy = ''] = formatDmy(sessionDate).split('/');
  return `${seq}:${Number(dd)}/${mm}/${yyyy}`;
}
