import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpOrg } from '../../../test/api.js';
import { type Harness, startHarness } from '../../../test/harness.js';
import { startWorker } from '../../../worker.js';
import { newContract, setOrg } from '../../contracts/contracts.fixtures.js';

// The unit project's harness is an embedded database of its own: the worker acts on every org it
// finds, so it must not share one with other test files.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('the background worker', () => {
  it('runs the reminder path at once when started, then stops cleanly', async () => {
    const admin = await signUpOrg(h);
    // An account with a contract that has existed for over two weeks is due its weekly summary.
    await setOrg(h, admin, { createdAt: new Date(Date.now() - 15 * 86_400_000) });
    await newContract(h, admin);
    const worker = startWorker(h.app.deps);
    // The worker's first run queues and sends it at once.
    const summary = await h.sink.waitFor(
      (m) => m.to.includes(admin.email) && /Weekly deadline summary/.test(m.subject),
      20_000,
    );
    expect(summary.text).toMatch(/Nothing slipped/);
    await worker.stop();
  });
});
