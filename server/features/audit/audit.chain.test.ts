import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChainedEvent,
  ChainVerifier,
  canonicalJson,
  commitPersonal,
  eventHash,
  GENESIS_HASH,
  type StoredEvent,
} from './audit.chain.js';

function chain(n: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const personal = { salt: `salt${seq}`, content: { actorEmail: `p${seq}@example.com`, ip: '127.0.0.1' } };
    const chained: ChainedEvent = {
      orgId: '00000000-0000-4000-8000-000000000001',
      seq,
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      occurredAt: new Date(Date.UTC(2026, 0, seq)).toISOString(),
      actorType: 'user',
      actorId: null,
      subjectId: null,
      action: 'business_unit.created',
      objectType: 'business_unit',
      objectId: String(seq),
      data: { changes: { name: { before: null, after: `Unit ${seq}` } } },
      personalCommitment: commitPersonal(personal.salt, personal.content),
    };
    const hash = eventHash(prev, chained);
    events.push({ ...chained, prevHash: prev, hash, personal });
    prev = hash;
  }
  return events;
}

const verify = (events: StoredEvent[], head = events.at(-1)) => {
  const v = new ChainVerifier();
  for (const e of events) if (!v.push(e)) break;
  return v.finish(head ? { seq: head.seq, hash: head.hash } : null);
};

describe('canonicalJson', () => {
  it('sorts keys at every depth, so key order never changes a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"x":0,"y":1}]},"b":1}',
    );
  });

  it('is stable under any reordering of keys (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });
});

describe('ChainVerifier', () => {
  it('accepts an intact chain and reports its head', () => {
    const events = chain(5);
    expect(verify(events)).toEqual({
      intact: true,
      checked: 5,
      firstBrokenSeq: null,
      reason: null,
      headHash: events[4]!.hash,
    });
  });

  it('finds any single altered field at the entry where it was altered (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom('action', 'objectId', 'occurredAt', 'actorType'),
        (i, field) => {
          const events = chain(6);
          (events[i] as unknown as Record<string, unknown>)[field] = 'tampered';
          expect(verify(events).firstBrokenSeq).toBe(i + 1);
        },
      ),
    );
  });

  it('accepts erased personal data but not altered personal data', () => {
    const erased = chain(3).map((e) => (e.seq === 2 ? { ...e, personal: null } : e));
    expect(verify(erased).intact).toBe(true);
    const altered = chain(3);
    altered[1]!.personal!.content.ip = '10.0.0.1';
    expect(verify(altered)).toMatchObject({ intact: false, firstBrokenSeq: 2 });
  });

  it('detects a truncated tail through the head', () => {
    const events = chain(4);
    expect(verify(events.slice(0, 3), events[3])).toMatchObject({ intact: false, firstBrokenSeq: 4 });
  });
});
