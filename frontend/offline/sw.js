// Fieldschool's service worker: saved courses offline, and a queue of work done offline.
// Rules (docs/OFFLINE.md):
// - pages: network first with a timeout, then the saved copy, then the offline page;
// - hashed assets under /pkg/: cache first (their names change when they do);
// - learning posts (attempts, drafts, progress events) that cannot reach the server are
//   queued in IndexedDB with their client ids and sent to /api/v1/sync in batches, when
//   Background Sync fires, a page asks, or a connection returns; failures back off
//   exponentially. Pages ask for the queue's state by message;
// - a shared computer (docs/SECURITY.md): saved pages are served only to the person who
//   saved them (the `fs_who` cookie names who is signed in); queued work is sealed with its
//   owner's key (AES-GCM, from /api/v1/auth/queue-key); at sign-out, or when another person
//   signs in, the saved courses and the key are forgotten, and sealed work waits, unreadable,
//   until its owner signs in here again.
'use strict';

const SHELL = 'fs-shell';
const ASSETS = 'fs-assets';
const COURSE = 'fs-course-';
const PAGE_TIMEOUT_MS = 4000;
const POST_TIMEOUT_MS = 30000;
const BATCH_ITEMS = 50;
const BATCH_BYTES = 256 * 1024;
const MAX_BACKOFF_MS = 5 * 60 * 1000;
const WHO_COOKIE = 'fs_who';
const SIGN_OUT = '/api/v1/auth/sign-out';
const QUEUED = /^\/api\/v1\/cohorts\/([0-9a-f-]{36})\/(attempts|drafts\/[\w-]+|events)$/;

// ---- pure rules (tested in offline.test.mjs) ----

/// The work a learning post carries, as sync items; `null` for posts that are not queued.
function itemsOf(path, contentType, body, now, version) {
  const m = QUEUED.exec(path);
  if (!m) return null;
  const cohort = m[1];
  const base = (id) => ({ id, cohort, client_at: now, version });
  const form = !/json/.test(contentType || '');
  if (m[2] === 'events') {
    const batch = JSON.parse(body);
    return batch.events.map((e) => ({ ...base(e.id), client_at: e.at || now, kind: 'event',
      activity: e.activity, position: e.position || null }));
  }
  if (m[2] === 'attempts') {
    if (form) {
      const fields = [...new URLSearchParams(body)].filter(([k]) => k !== 'csrf');
      const id = (fields.find(([k]) => k === 'attempt_id') || [])[1];
      return id ? [{ ...base(id), kind: 'attempt_form', fields }] : null;
    }
    const submission = JSON.parse(body);
    return [{ ...base(submission.id), client_at: submission.client_at || now, kind: 'attempt',
      submission }];
  }
  const activity = m[2].slice('drafts/'.length);
  const answers = form ? new URLSearchParams(body).getAll('answers')
    : (JSON.parse(body).answers || []);
  return [{ ...base(crypto.randomUUID()), kind: 'draft', activity, answers }];
}

/// The next batch from the queue (oldest first): at most BATCH_ITEMS items and about
/// BATCH_BYTES of JSON, never empty while items wait.
function nextBatch(entries) {
  const batch = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = JSON.stringify(entry.item).length;
    if (batch.length && (batch.length >= BATCH_ITEMS || bytes + size > BATCH_BYTES)) break;
    batch.push(entry);
    bytes += size;
  }
  return batch;
}

/// What to do when the server answers a batch with `status` (not 200): `sign-in` (keep
/// everything), `split` (a refused batch of several items: send them one by one, so one
/// bad item cannot hold back the rest), `reject` (a refused single item: drop it, keep the
/// reason) or `retry` (the server or the line failed: back off).
function onRefused(status, size) {
  if (status === 401) return 'sign-in';
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return size > 1 ? 'split' : 'reject';
  }
  return 'retry';
}

/// How long to wait after `failures` failed sends in a row: 2, 4, 8 … s, at most 5 min.
function backoff(failures) {
  return failures <= 0 ? 0 : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures);
}


/// An item sealed with `key` (an AES-GCM CryptoKey): only its owner's key opens it.
async function seal(key, item) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key,
    new TextEncoder().encode(JSON.stringify(item)));
  return { iv, data };
}

/// The item of a queue entry: sealed entries opened with `key`, older plain ones as they are.
async function unseal(key, entry) {
  if (entry.item) return entry.item;
  const bytes = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: entry.iv }, key, entry.data);
  return JSON.parse(new TextDecoder().decode(bytes));
}

/// A queue key as the server gives it (base64url, 32 bytes), for AES-GCM, not extractable.
function importKey(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const raw = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)),
    (c) => c.charCodeAt(0));
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

// ---- the queue in IndexedDB ----

function db() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('fieldschool', 2);
    open.onupgradeneeded = (e) => {
      if (e.oldVersion < 1) {
        open.result.createObjectStore('queue', { keyPath: 'id' });
        open.result.createObjectStore('state');
      }
      if (e.oldVersion < 2) open.result.createObjectStore('keys');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function tx(stores, mode, work) {
  const conn = await db();
  return new Promise((resolve, reject) => {
    const t = conn.transaction(stores, mode);
    let result;
    Promise.resolve(work(t)).then((r) => { result = r; });
    t.oncomplete = () => resolve(result);
    t.onerror = () => reject(t.error);
  });
}

const req = (r) => new Promise((resolve, reject) => {
  r.onsuccess = () => resolve(r.result);
  r.onerror = () => reject(r.error);
});

const getState = () => tx(['state'], 'readonly',
  (t) => req(t.objectStore('state').get('sync'))).then((s) => s || { failures: 0, rejected: [] });
const putState = (s) => tx(['state'], 'readwrite', (t) => req(t.objectStore('state').put(s, 'sync')));
const allQueued = () => tx(['queue'], 'readonly', (t) => req(t.objectStore('queue').getAll()))
  .then((all) => all.sort((a, b) => a.seq - b.seq));

/// The queue key of `user`: kept on the device while they are signed in, fetched from the
/// server when missing (it can be only while online).
async function queueKey(user) {
  if (!user) return null;
  const kept = await tx(['keys'], 'readonly', (t) => req(t.objectStore('keys').get(user)));
  if (kept) return kept;
  try {
    const reply = await fetch('/api/v1/auth/queue-key', { credentials: 'same-origin',
      headers: { Accept: 'application/json' } });
    if (!reply.ok) return null;
    const key = await importKey((await reply.json()).key);
    await tx(['keys'], 'readwrite', (t) => req(t.objectStore('keys').put(key, user)));
    return key;
  } catch (_) {
    return null;
  }
}

async function enqueue(items) {
  const state = await getState();
  const key = await queueKey(state.user);
  const entries = [];
  for (const [i, item] of items.entries()) {
    const seq = Date.now() * 1000 + i;
    const body = key ? await seal(key, item) : { item };
    entries.push({ id: item.id, user: state.user || null, seq, ...body });
  }
  await tx(['queue'], 'readwrite', (t) => {
    const store = t.objectStore('queue');
    entries.forEach((e) => store.put(e));
  });
  if (self.registration.sync) self.registration.sync.register('fs-sync').catch(() => {});
  await announce();
}

/// Forgets what the device holds of `user`: the saved courses, their queue key and the
/// sync state. Their sealed work stays, to be sent when they sign in here again.
async function forget(user) {
  for (const name of await caches.keys()) {
    if (name.startsWith(COURSE)) await caches.delete(name);
  }
  if (user) await tx(['keys'], 'readwrite', (t) => req(t.objectStore('keys').delete(user)));
  await putState({ failures: 0, rejected: [], user: null });
}

/// Who is signed in on this browser now, by the `fs_who` cookie where the worker can read
/// cookies, else by what the pages last said.
async function signedIn(state) {
  if (self.cookieStore) {
    const cookie = await self.cookieStore.get(WHO_COOKIE).catch(() => null);
    return (cookie && cookie.value) || null;
  }
  return state.user || null;
}

/// Makes the worker's idea of who is signed in the browser's: another person (or nobody)
/// means the previous person's copies and key are forgotten first.
async function settle(user) {
  const state = await getState();
  if (state.user && state.user !== user) await forget(state.user);
  if (state.user !== user) await putState({ ...(await getState()), user });
  return user;
}

async function status() {
  const state = await getState();
  const queued = (await allQueued()).filter((e) => e.user === state.user);
  return { type: 'status', waiting: queued.length, lastSync: state.lastSync || null,
    rejected: state.rejected.length, reasons: state.rejected.slice(-5).map((r) => r.reason),
    signIn: !!state.signIn };
}

async function announce() {
  const message = await status();
  for (const client of await self.clients.matchAll({ includeUncontrolled: true })) {
    client.postMessage(message);
  }
}

// ---- sending ----

let flushing = null;
let retryTimer = null;

/// Sends what waits. A page load, the online event or "Send now" (`now`) try at once;
/// retries after failures wait out the back-off.
function flush(now) {
  if (!flushing) flushing = send(now).finally(() => { flushing = null; });
  return flushing;
}

async function send(now) {
  let state = await getState();
  if (state.signOutPending && !(await finishSignOut())) return undefined;
  state = await getState();
  const wait = (state.lastTry || 0) + backoff(state.failures) - Date.now();
  if (wait > 0 && !now) return schedule(wait);
  let single = false;
  const key = await queueKey(state.user);
  for (;;) {
    const entries = (await allQueued()).filter((e) => e.user && e.user === state.user);
    if (!entries.length) break;
    if (!key && entries.some((e) => !e.item)) {
      // Sealed work and no key: the owner must sign in (online) for it to be opened.
      await putState({ ...state, signIn: true });
      await announce();
      return;
    }
    const mine = [];
    for (const e of entries) mine.push({ id: e.id, item: await unseal(key, e) });
    const batch = single ? mine.slice(0, 1) : nextBatch(mine);
    let reply = null;
    try {
      reply = await fetch('/api/v1/sync', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ items: batch.map((e) => e.item) }) });
    } catch (_) { reply = null; }
    state = await getState();
    state.lastTry = Date.now();
    const refused = reply && !reply.ok ? onRefused(reply.status, batch.length) : null;
    if (refused === 'split') {
      single = true;
      continue;
    }
    if (refused === 'reject') {
      const body = await reply.json().catch(() => ({}));
      const reason = (body.error && body.error.message) || `HTTP ${reply.status}`;
      await tx(['queue'], 'readwrite', (t) => t.objectStore('queue').delete(batch[0].id));
      state.rejected = [...state.rejected, { id: batch[0].id, reason }].slice(-50);
      await putState(state);
      await announce();
      continue;
    }
    if (!reply || !reply.ok) {
      state.signIn = refused === 'sign-in';
      state.failures = state.signIn ? 0 : (state.failures || 0) + 1;
      await putState(state);
      await announce();
      if (!state.signIn) schedule(backoff(state.failures));
      throw new Error('sync failed');
    }
    const { results } = await reply.json();
    await tx(['queue'], 'readwrite', (t) => {
      for (const r of results) t.objectStore('queue').delete(r.id);
    });
    for (const r of results.filter((x) => x.status === 'rejected')) {
      state.rejected = [...state.rejected, { id: r.id, reason: r.reason || '' }].slice(-50);
    }
    Object.assign(state, { failures: 0, signIn: false, lastSync: new Date().toISOString() });
    await putState(state);
    await announce();
  }
}

function schedule(ms) {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => flush(false).catch(() => {}), ms);
}

// ---- signing out ----

/// A sign-out: the device forgets the person's copies and key at once, whatever the line
/// does. Without a connection the server cannot end the session yet, so the worker keeps
/// a note and ends it before it serves anything else (`finishSignOut`).
async function signOut(request) {
  await forget((await getState()).user);
  try {
    return await timeout(fetch(request), POST_TIMEOUT_MS);
  } catch (_) {
    await putState({ ...(await getState()), signOutPending: true });
    return Response.redirect('/login?signed_out=1', 303);
  }
}

/// Ends a session whose sign-out was made offline; false while that cannot be done yet.
async function finishSignOut() {
  if (!(await getState()).signOutPending) return true;
  try {
    const reply = await fetch(SIGN_OUT, { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: '{}' });
    if (!reply.ok) return false;
    await putState({ ...(await getState()), signOutPending: false });
    return true;
  } catch (_) {
    return false;
  }
}

async function offlinePage() {
  return (await caches.match('/offline')) ||
    new Response('Offline', { status: 503, headers: { 'Content-Type': 'text/plain' } });
}

// ---- fetches ----

function timeout(promise, ms) {
  return Promise.race([promise, new Promise((_, no) => setTimeout(() => no(new Error('timeout')), ms))]);
}

/// The saved copy, marked as such so that the page gives its forms fresh ids.
async function marked(saved) {
  const text = (await saved.text()).replace('<html', '<html data-offline-copy="1"');
  return new Response(text, { status: 200, headers: saved.headers });
}

async function page(event) {
  const request = event.request;
  // A session signed out offline is ended before anything is served with its cookies.
  if (!(await finishSignOut())) return offlinePage();
  // Saved pages are their owner's only: nobody signed in, or someone else, gets the network.
  const owner = await settle(await signedIn(await getState()));
  const saved = owner && await caches.match(request, { ignoreSearch: true, ignoreVary: true });
  const network = fetch(request);
  if (!saved) {
    // Not saved: wait for the network however slow it is; the offline page if it fails.
    try {
      return await network;
    } catch (_) {
      return offlinePage();
    }
  }
  try {
    const reply = await timeout(network, PAGE_TIMEOUT_MS);
    refreshSaved(request, reply.clone());
    return reply;
  } catch (_) {
    network.then((late) => refreshSaved(request, late)).catch(() => {});
    return marked(saved);
  }
}

/// A page of a saved course fetched again is saved again (its newest state).
async function refreshSaved(request, reply) {
  if (!reply.ok || reply.redirected) return;
  const path = new URL(request.url).pathname;
  for (const name of await caches.keys()) {
    if (!name.startsWith(COURSE)) continue;
    const cache = await caches.open(name);
    if (await cache.match(path)) await cache.put(path, reply.clone());
  }
}

async function asset(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const reply = await fetch(request);
  if (reply.ok) (await caches.open(ASSETS)).put(request, reply.clone());
  return reply;
}

async function learningPost(event, match) {
  const request = event.request;
  const body = await request.clone().text();
  try {
    return await timeout(fetch(request), POST_TIMEOUT_MS);
  } catch (_) {
    const path = new URL(request.url).pathname;
    const meta = await caches.match(`/offline-meta/${match[1]}`);
    const version = meta ? (await meta.json()).version : null;
    const items = itemsOf(path, request.headers.get('Content-Type'), body,
      new Date().toISOString(), version);
    if (!items) throw new Error('not queued');
    await enqueue(items);
    if (request.mode === 'navigate') {
      const activity = path.startsWith(`/api/v1/cohorts/${match[1]}/drafts/`)
        ? path.split('/').pop() : new URLSearchParams(body).get('activity');
      return Response.redirect(`/learn/${match[1]}/${activity}?queued=${items.length}`, 303);
    }
    return new Response(JSON.stringify({ queued: items.map((i) => i.id) }),
      { status: 202, headers: { 'Content-Type': 'application/json' } });
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    // Fetched as nobody: the shell names no one.
    const reply = await fetch('/offline', { credentials: 'omit' });
    const html = await reply.clone().text();
    await cache.put('/offline', reply);
    const linked = [...html.matchAll(/(?:href|src)="(\/pkg\/[^"]+)"/g)].map((m) => m[1]);
    await (await caches.open(ASSETS)).addAll(linked);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST') {
    if (url.pathname === SIGN_OUT) {
      event.respondWith(signOut(request));
      return;
    }
    const match = QUEUED.exec(url.pathname);
    if (match) event.respondWith(learningPost(event, match));
    return;
  }
  if (request.method !== 'GET') return;
  // A page's own fetch() of an asset (saving a course) goes to the network as it is.
  if (url.pathname.startsWith('/pkg/') && request.destination) event.respondWith(asset(request));
  else if (request.mode === 'navigate') event.respondWith(page(event));
});

self.addEventListener('sync', (event) => {
  if (event.tag === 'fs-sync') event.waitUntil(flush(true));
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  // A page that asks through a channel is answered on it; others by a message to the page.
  const answer = (m) => ((event.ports && event.ports[0]) || event.source).postMessage(m);
  event.waitUntil((async () => {
    if (data.type === 'sign-out') {
      await forget((await getState()).user);
      answer({ type: 'signed-out' });
      return;
    }
    if (data.type === 'user') {
      await settle(data.user || null);
      if (data.user) await queueKey(data.user);
      // Work queued before the page said who is signed in is theirs.
      if (data.user) {
        await tx(['queue'], 'readwrite', (t) => {
          const store = t.objectStore('queue');
          req(store.getAll()).then((all) => all.filter((e) => !e.user)
            .forEach((e) => store.put({ ...e, user: data.user })));
        });
      }
    }
    if (data.type === 'seen') await putState({ ...(await getState()), rejected: [] });
    if (data.type === 'user' || data.type === 'flush') await flush(true).catch(() => {});
    answer(await status());
  })());
});
