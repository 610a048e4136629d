import type { Body } from '../db/bodies.js';
import { businessCalendar } from '../domain/calendar.js';
import type { LocalDate } from '../domain/dates.js';
import { acceptedLights, lightCondition, type LightCondition } from '../domain/light-filter.js';
import type { Semaforo } from '../domain/semaforo.js';
import { referenceDay } from './reference-day.js';

// A list's `semaforo` and `overdue` filters as the database asks them: per
// body, the conditions on status and due date of that body's reference day
// (today in its zone, or asOf). `lights` undefined: no light asked for;
// `nothing`: the two filters contradict each other and no agreement can match.
export interface ListLights {
  lights: ReadonlyMap<string, LightCondition[]> | undefined;
  nothing: boolean;
}

export function listLights(bodies: Iterable<Body>, semaforo: Semaforo | undefined, overdue: boolean | undefined, asOf: LocalDate | undefined): ListLights {
  const accepted = acceptedLights(semaforo, overdue);
  const lights = new Map<string, LightCondition[]>();
  for (const body of bodies) {
    // Refuses a future asOf (400) whether or not a light is asked for.
    const day = referenceDay(body, asOf);
    const calendar = businessCalendar(body.settings.nonWorkingDays);
    if (accepted) lights.set(body.id, accepted.map((light) => lightCondition(light, day, calendar, body.settings.warningBusinessDays)));
  }
  return { lights: accepted ? lights : undefined, nothing: accepted?.length === 0 };
}
