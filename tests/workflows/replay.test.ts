import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { bundleWorkflows } from '../../worker/workflow-bundle.js';

// Histories recorded from earlier versions of the agreement workflow
// (`npm run record-histories`) replayed against today's code: a change that
// would break agreements already running (a different command order, an
// activity added without patched()) fails here, in CI, not in production.

const dir = fileURLToPath(new URL('./histories/', import.meta.url));

async function* recordedHistories() {
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.history.pb')).sort()) {
    const history = temporal.api.history.v1.History.decode(await readFile(`${dir}${name}`));
    yield { workflowId: name, history };
  }
}

describe('the agreement workflow replays every recorded history', () => {
  it('without a nondeterminism error', async () => {
    const workflowBundle = await bundleWorkflows({ log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: console.error });
    const outcomes = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle }, recordedHistories())) {
      outcomes.push({ history: result.workflowId, error: result.error ? String(result.error) : null });
    }
    expect(outcomes.length).toBeGreaterThanOrEqual(2);
    expect(outcomes.filter((o) => o.error !== null)).toEqual([]);
  });
});
