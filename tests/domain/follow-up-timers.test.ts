import { describe, expect, it } from 'vitest';
import { evolve, foldEvents, type Agreement } from '../../domain/agreement/index.js';
import { BodySettings } from '../../domain/body-settings.js';
import { followUp } from '../../domain/follow-up.js';
import { adoptedState } from './support/given.js';
import { ADOPTED_40, fulfilled } from './support/snimh.js';

// What the workflow of agreement 40 (adopted 24/04/2020, due Monday 18/05/2020)
// does each time it looks at the clock, with the contract's default reminders:
// 10 and 3 business days before and on the due date at 09:00 Mexico City
// (14:00 UTC in 2020), then every 5 business days while overdue.

const settings = BodySettings.parse({});
const agreement40: Agreement = adoptedState(foldEvents([ADOPTED_40]));

describe('the follow-up of agreement 40', () => {
  it('given it was just adopted, sends nothing yet and wakes for the reminder 10 business days before', () => {
    const now = '2020-04-24T18:00:00.000Z';
    expect(followUp({ agreement: agreement40, settings, lookedAt: now, now })).toEqual({ reminder: null, deadlinePassedAt: null, wakeAt: '2020-05-04T14:00:00.000Z' });
  });

  it('when that instant comes, sends it and wakes for the next one', () => {
    const due = followUp({ agreement: agreement40, settings, lookedAt: '2020-04-24T18:00:00.000Z', now: '2020-05-04T14:00:00.000Z' });
    expect(due.reminder).toMatchObject({ kind: 'before_due', n: 10, instant: '2020-05-04T14:00:00.000Z' });
    expect(due.wakeAt).toBe('2020-05-13T14:00:00.000Z');
  });

  it('given the worker was down for weeks, sends only the latest reminder due, records the deadline as passed when it passed', () => {
    const late = followUp({ agreement: agreement40, settings, lookedAt: '2020-05-01T00:00:00.000Z', now: '2020-05-19T12:00:00.000Z' });
    expect(late.reminder).toMatchObject({ kind: 'before_due', n: 0, instant: '2020-05-18T14:00:00.000Z' });
    expect(late.deadlinePassedAt).toBe('2020-05-19T05:00:00.000Z');
    // The first overdue round: 5 business days after 18/05/2020.
    expect(late.wakeAt).toBe('2020-05-25T14:00:00.000Z');
  });

  it('given the deadline passing is already in the history, does not record it again', () => {
    const recorded = evolve(agreement40, { type: 'DeadlinePassed', data: { dueDate: '2020-05-18' } });
    const now = '2020-05-20T12:00:00.000Z';
    expect(followUp({ agreement: adoptedState(recorded), settings, lookedAt: now, now })).toMatchObject({ deadlinePassedAt: null, wakeAt: '2020-05-25T14:00:00.000Z' });
  });

  it('given it was fulfilled, never wakes again', () => {
    const done = adoptedState(evolve(agreement40, fulfilled('2020-05-11', 'Informe presentado.')));
    const now = '2020-05-12T12:00:00.000Z';
    expect(followUp({ agreement: done, settings, lookedAt: '2020-05-01T00:00:00.000Z', now })).toEqual({ reminder: null, deadlinePassedAt: null, wakeAt: null });
  });

  it('given a due date before the adoption itself, dates the deadline passing at the adoption', () => {
    const backdated: Agreement = { ...agreement40, dueDate: '2020-04-01' };
    const now = '2020-04-24T18:00:00.000Z';
    expect(followUp({ agreement: backdated, settings, lookedAt: now, now }).deadlinePassedAt).toBe('2020-04-24T05:00:00.000Z');
  });

  it('given a prórroga dated 25/05 to a day already gone, dates the deadline passing on the prórroga’s day, not before it', () => {
    const extended = adoptedState(
      evolve(agreement40, { type: 'DeadlineChanged', data: { deadline: { type: 'date', date: '2020-05-20' }, reason: 'Prórroga.', on: '2020-05-25', dueDate: '2020-05-20', dueDateExplanation: '20/05/2020' } }),
    );
    const now = '2020-05-26T18:00:00.000Z';
    expect(followUp({ agreement: extended, settings, lookedAt: now, now }).deadlinePassedAt).toBe('2020-05-25T05:00:00.000Z');
  });

  it('given the body’s calendar counted the due date again on 25/05 to a day already gone, dates its passing on that day', () => {
    const recounted = adoptedState(evolve(agreement40, { type: 'DueDateRecounted', data: { on: '2020-05-25', dueDate: '2020-05-20', dueDateExplanation: '20/05/2020' } }));
    const now = '2020-05-26T18:00:00.000Z';
    expect(followUp({ agreement: recounted, settings, lookedAt: now, now }).deadlinePassedAt).toBe('2020-05-25T05:00:00.000Z');
  });
});
