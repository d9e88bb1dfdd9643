// The service worker's pure rules, run with Node's own test runner:
//   node --test frontend/offline/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

function worker() {
  const context = {
    self: { addEventListener() {}, registration: {}, location: { origin: 'http://x' } },
    crypto: globalThis.crypto, URL, URLSearchParams, Response: globalThis.Response,
    setTimeout, clearTimeout, console, TextEncoder, TextDecoder, atob, Uint8Array,
  };
  vm.createContext(context);
  vm.runInContext(readFileSync(new URL('./sw.js', import.meta.url), 'utf8'), context);
  return context;
}

// Values made inside the worker's context, compared as plain data.
const plain = (x) => JSON.parse(JSON.stringify(x));

const cohort = '0b5e6f5e-7a4c-4d2b-9c1a-1f2e3d4c5b6a';
const now = '2026-12-02T08:00:00.000Z';

test('a quiz form becomes one attempt item keyed by its attempt id, without the form token', () => {
  const sw = worker();
  const body = 'attempt_id=11111111-1111-4111-8111-111111111111&activity=a3&csrf=tok&q1=b&q2=a&q2=c';
  const items = sw.itemsOf(`/api/v1/cohorts/${cohort}/attempts`,
    'application/x-www-form-urlencoded', body, now, 2);
  assert.equal(items.length, 1);
  const [item] = items;
  assert.equal(item.id, '11111111-1111-4111-8111-111111111111');
  assert.equal(item.kind, 'attempt_form');
  assert.equal(item.cohort, cohort);
  assert.equal(item.version, 2);
  assert.equal(item.client_at, now);
  assert.deepEqual(plain(item.fields), [
    ['attempt_id', '11111111-1111-4111-8111-111111111111'], ['activity', 'a3'],
    ['q1', 'b'], ['q2', 'a'], ['q2', 'c']]);
});

test('a role-play sent as JSON keeps its id and the time the learner finished', () => {
  const sw = worker();
  const submission = { id: '22222222-2222-4222-8222-222222222222', activity: 'a5',
    path: ['c1', 'c4'], client_at: '2026-12-01T10:00:00Z' };
  const [item] = sw.itemsOf(`/api/v1/cohorts/${cohort}/attempts`, 'application/json',
    JSON.stringify(submission), now, null);
  assert.equal(item.kind, 'attempt');
  assert.equal(item.id, submission.id);
  assert.equal(item.client_at, '2026-12-01T10:00:00Z');
  assert.deepEqual(plain(item.submission), submission);
});

test('events become one item each; drafts get a fresh id; other posts are not queued', () => {
  const sw = worker();
  const events = sw.itemsOf(`/api/v1/cohorts/${cohort}/events`, 'application/json',
    JSON.stringify({ events: [{ id: 'e1', activity: 'a1' }, { id: 'e2', activity: 'a2', at: 'T' }] }),
    now, 1);
  assert.deepEqual(plain(events.map((e) => [e.id, e.kind, e.activity, e.client_at])),
    [['e1', 'event', 'a1', now], ['e2', 'event', 'a2', 'T']]);
  const [draft] = sw.itemsOf(`/api/v1/cohorts/${cohort}/drafts/a2`,
    'application/x-www-form-urlencoded', 'answers=M%E1%BB%99t&answers=Hai', now, 1);
  assert.equal(draft.kind, 'draft');
  assert.equal(draft.activity, 'a2');
  assert.deepEqual(plain(draft.answers), ['Một', 'Hai']);
  assert.match(draft.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(sw.itemsOf(`/api/v1/cohorts/${cohort}/checks/a3`, 'application/json', '{}', now, 1), null);
  assert.equal(sw.itemsOf('/api/v1/sync', 'application/json', '{}', now, 1), null);
});

test('batches keep queue order, hold at most 50 items and about 256 KB, and never stall', () => {
  const sw = worker();
  const small = Array.from({ length: 120 }, (_, i) => ({ seq: i, item: { id: `i${i}` } }));
  const first = sw.nextBatch(small);
  assert.equal(first.length, 50);
  assert.deepEqual(plain(first.map((e) => e.seq)), [...Array(50).keys()]);
  const big = Array.from({ length: 4 }, (_, i) => ({ seq: i, item: { text: 'x'.repeat(200 * 1024) } }));
  assert.equal(sw.nextBatch(big).length, 1, 'one large item per batch');
  const huge = [{ seq: 0, item: { text: 'x'.repeat(600 * 1024) } }];
  assert.equal(sw.nextBatch(huge).length, 1, 'an item over the size is still sent alone');
  assert.equal(sw.nextBatch([]).length, 0);
});

test('back-off doubles from 2 s and stops at 5 minutes', () => {
  const sw = worker();
  assert.deepEqual(plain([0, 1, 2, 3, 4].map((n) => sw.backoff(n))), [0, 2000, 4000, 8000, 16000]);
  assert.equal(sw.backoff(20), 300000);
});

test('a refused batch is split so that one bad item cannot hold back the rest', () => {
  const sw = worker();
  assert.equal(sw.onRefused(401, 5), 'sign-in');
  assert.equal(sw.onRefused(400, 5), 'split');
  assert.equal(sw.onRefused(413, 2), 'split');
  assert.equal(sw.onRefused(400, 1), 'reject');
  assert.equal(sw.onRefused(429, 1), 'retry');
  assert.equal(sw.onRefused(503, 1), 'retry');
  assert.equal(sw.onRefused(500, 9), 'retry');
});

test('queued work is sealed: its owner\'s key opens it, another key does not, and it holds no plain text', async () => {
  const sw = worker();
  const key = (byte) => Buffer.from(new Uint8Array(32).fill(byte)).toString('base64url');
  const mine = await sw.importKey(key(7));
  const theirs = await sw.importKey(key(9));
  const item = { id: 'a', kind: 'draft', answers: ['Tôi sẽ tiếp công dân tại trụ sở'] };
  const sealed = await sw.seal(mine, item);
  assert.equal(sealed.item, undefined);
  const bytes = Buffer.from(new Uint8Array(sealed.data)).toString('utf8');
  assert.ok(!bytes.includes('trụ sở') && !bytes.includes('draft'), 'nothing readable');
  assert.deepEqual(plain(await sw.unseal(mine, sealed)), item);
  await assert.rejects(() => sw.unseal(theirs, sealed));
  // Work queued before sealing existed is read as it is.
  assert.deepEqual(plain(await sw.unseal(null, { item })), item);
});
