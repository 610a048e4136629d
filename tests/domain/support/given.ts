import { expect } from 'vitest';
import {
  decide,
  foldEvents,
  type Agreement,
  type AgreementCommand,
  type AgreementEvent,
  type AgreementState,
  type DecidedEvent,
  type DecideContext,
} from '../../../domain/agreement/index.js';
import { DomainError, type DomainErrorCode } from '../../../domain/errors.js';
import { TZ } from './snimh.js';

// given(...history).when(command).then(...events) / .thenRefuses('CODE'):
// the decider specified as stories. The helper remembers which commands and
// refusal codes the stories exercised, so a spec can check it missed none.

export const exercised = { commands: new Set<AgreementCommand['type']>(), refusals: new Set<DomainErrorCode>() };

// A clock late enough for every story of Annex I (2019–2021) to be in the past.
export const defaultContext: DecideContext = { timezone: TZ, nonWorkingDays: [], now: '2021-12-31T18:00:00.000Z' };

// Outcome has a `then` method, as the stories read; never `await` it or return
// it from an async function, or JavaScript will take it for a promise.
export interface Outcome {
  // decide returns exactly these events; answers the state they lead to.
  then(...expected: AgreementEvent[]): AgreementState;
  // The same, each with the instant it is dated at.
  thenDated(...expected: DecidedEvent[]): AgreementState;
  // decide refuses with this code (and a message matching, if given); nothing is recorded.
  thenRefuses(code: DomainErrorCode, message?: string | RegExp): DomainError;
}

export interface Scenario {
  // Decide with another body setting or clock.
  within(overrides: Partial<DecideContext>): Scenario;
  when(command: AgreementCommand): Outcome;
}

export function adoptedState(state: AgreementState): Agreement {
  if (state.status === 'sin_adoptar') throw new Error('the story expected an adopted agreement');
  return state;
}

export function given(...history: AgreementEvent[]): Scenario {
  const build = (ctx: DecideContext): Scenario => ({
    within: (overrides) => build({ ...ctx, ...overrides }),
    when(command) {
      exercised.commands.add(command.type);
      const state = foldEvents(history);
      return {
        then(...expected) {
          const events = decide(command, state, ctx);
          expect(events.map(({ occurredAt: _at, ...event }) => event)).toEqual(expected);
          return foldEvents(events, state);
        },
        thenDated(...expected) {
          const events = decide(command, state, ctx);
          expect(events).toEqual(expected);
          return foldEvents(events, state);
        },
        thenRefuses(code, message) {
          let refusal: unknown;
          let events: AgreementEvent[] | undefined;
          try {
            events = decide(command, state, ctx);
          } catch (error) {
            refusal = error;
          }
          if (events) expect.fail(`expected the refusal ${code}, got ${JSON.stringify(events.map((e) => e.type))}`);
          expect(refusal).toBeInstanceOf(DomainError);
          const domainError = refusal as DomainError;
          expect(domainError.code).toBe(code);
          // A message a secretariat can read: Spanish, a full sentence.
          expect(domainError.message).toMatch(/^[A-ZÁÉÍÓÚ¿].*\.$/);
          if (message !== undefined) expect(domainError.message).toMatch(message);
          exercised.refusals.add(code);
          return domainError;
        },
      };
    },
  });
  return build(defaultContext);
}
