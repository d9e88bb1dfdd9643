// Fieldschool's page script for offline study: registers the service worker, shows how much
// work waits to be sent, saves a course for offline use, and gives the forms of a saved
// copy fresh attempt ids. Every text comes from the page (data-* attributes), so the
// server's translations are the only ones.
(function () {
  'use strict';
  if (!('serviceWorker' in navigator) || !window.caches) return;
  const $ = (s, root) => (root || document).querySelector(s);
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k]);
  const copy = document.documentElement.dataset.offlineCopy === '1';


  const time = (iso) => new Date(iso).toLocaleString(document.documentElement.lang,
    { day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit' });
  const size = (bytes) => bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

  // A saved copy carries the attempt id it was saved with: each visit answers with its own.
  if (copy) {
    document.querySelectorAll('input[name=attempt_id]').forEach((i) => { i.value = crypto.randomUUID(); });
  }

  // ---- the queue indicator ----
  const sync = $('#fs-sync');
  function show(s) {
    if (!sync || s.type !== 'status') return;
    const d = sync.dataset;
    const parts = [s.waiting ? fill(d.waiting, { n: s.waiting }) : d.none,
      s.lastSync ? fill(d.last, { t: time(s.lastSync) }) : d.never];
    if (s.rejected) parts.push(fill(d.rejected, { n: s.rejected }));
    if (s.signIn) parts.push(d.signIn);
    $('.state', sync).textContent = parts.join(' · ');
    sync.dataset.waitingCount = s.waiting;
    $('button.send', sync).hidden = !s.waiting;
    // Work the server did not accept, with its reasons, until the learner has seen it.
    const list = $('.rejected', sync);
    list.replaceChildren(...(s.reasons || []).map((reason) => {
      const li = document.createElement('li');
      li.textContent = reason;
      return li;
    }));
    list.hidden = !s.rejected;
    $('button.seen', sync).hidden = !s.rejected;
    sync.hidden = false;
  }
  const params = new URLSearchParams(location.search);
  if (sync && params.get('queued')) {
    const notice = document.createElement('p');
    notice.className = 'notice ok';
    notice.setAttribute('role', 'status');
    notice.id = 'queued';
    notice.textContent = sync.dataset.queued;
    const main = $('#main');
    if (main) main.prepend(notice);
  }

  async function tell(message) {
    const reg = await navigator.serviceWorker.ready;
    (navigator.serviceWorker.controller || reg.active).postMessage(message);
  }
  navigator.serviceWorker.addEventListener('message', (e) => show(e.data || {}));
  navigator.serviceWorker.register('/sw.js', { scope: '/' })
    .catch((e) => { document.documentElement.dataset.offlineError = String(e); });
  if (sync) {
    tell({ type: 'user', user: sync.dataset.user || null });
    $('button.send', sync).addEventListener('click', () => tell({ type: 'flush' }));
    $('button.seen', sync).addEventListener('click', () => tell({ type: 'seen' }));
    window.addEventListener('online', () => tell({ type: 'flush' }));
  }

  // Signing out on a shared computer: what waits is sent first; what cannot be sent is
  // named, and stays sealed on this device until this person signs in here again; the
  // worker forgets their saved courses and key before the session ends.
  function ask(message, ms) {
    return new Promise((resolve) => {
      const worker = navigator.serviceWorker.controller;
      if (!worker) return resolve(null);
      const channel = new MessageChannel();
      const timer = setTimeout(() => resolve(null), ms);
      channel.port1.onmessage = (e) => { clearTimeout(timer); resolve(e.data); };
      worker.postMessage(message, [channel.port2]);
    });
  }
  const signOut = $('form[action="/api/v1/auth/sign-out"]');
  if (signOut && sync) {
    signOut.addEventListener('submit', async (e) => {
      if (signOut.dataset.ready === '1') return;
      e.preventDefault();
      const left = await ask({ type: 'flush' }, 15000);
      if (left && left.waiting && !window.confirm(fill(sync.dataset.signOutWaiting,
        { n: left.waiting }))) return;
      await ask({ type: 'sign-out' }, 5000);
      signOut.dataset.ready = '1';
      signOut.submit();
    });
  }

  // A visit to a saved copy is a progress event like any other (queued while offline).
  const here = $('[data-activity]');
  if (copy && here) {
    fetch(`/api/v1/cohorts/${here.dataset.cohort}/events`, { method: 'POST',
      credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ events: [{ id: crypto.randomUUID(), activity: here.dataset.activity,
        at: new Date().toISOString() }] }) }).catch(() => {});
  }

  // ---- saving a course ----
  const panel = $('#fs-offline');
  if (!panel) return;
  const d = panel.dataset;
  const cacheName = `fs-course-${d.cohort}`;
  const metaUrl = `/offline-meta/${d.cohort}`;
  const bar = $('progress', panel);
  const [save, remove] = [$('button.save', panel), $('button.remove', panel)];
  let manifest = null;

  async function saved() {
    const hit = await caches.match(metaUrl);
    return hit ? hit.json() : null;
  }

  async function render() {
    const meta = await saved();
    const lines = [];
    if (manifest) {
      lines.push(fill(d.size, { transfer: size(manifest.transfer), size: size(manifest.bytes) }));
    }
    if (meta) {
      lines.push(fill(d.saved, { t: time(meta.saved_at), size: size(meta.bytes) }));
      if (manifest && manifest.version !== meta.version) lines.push(d.newer);
    }
    if (!manifest && !meta) lines.push(d.unknown);
    $('.state', panel).textContent = lines.join(' · ');
    save.textContent = meta ? d.update : d.save;
    save.hidden = !manifest;
    remove.hidden = !meta;
    panel.hidden = false;
  }

  async function download() {
    save.disabled = true;
    bar.hidden = false;
    bar.max = manifest.bytes;
    bar.value = 0;
    const cache = await caches.open(cacheName);
    const assets = await caches.open('fs-assets');
    let got = 0;
    try {
      for (const entry of manifest.files) {
        const reply = await fetch(entry.url, { credentials: 'same-origin', cache: 'no-cache' });
        if (!reply.ok) throw new Error(`${entry.url}: ${reply.status}`);
        const body = await reply.clone().arrayBuffer();
        await (entry.url.startsWith('/pkg/') ? assets : cache).put(entry.url, reply);
        got += body.byteLength;
        bar.value = Math.min(manifest.bytes, got);
      }
      await cache.put(metaUrl, new Response(JSON.stringify({ version: manifest.version,
        saved_at: new Date().toISOString(), bytes: got }),
        { headers: { 'Content-Type': 'application/json' } }));
      panel.dataset.savedBytes = got;
      panel.dataset.done = '1';
    } catch (_) {
      $('.state', panel).textContent = d.failed;
      save.disabled = false;
      bar.hidden = true;
      return;
    }
    save.disabled = false;
    bar.hidden = true;
    await render();
  }

  save.addEventListener('click', () => { if (manifest) download(); });
  remove.addEventListener('click', async () => {
    if (!window.confirm(d.confirm)) return;
    await caches.delete(cacheName);
    delete panel.dataset.done;
    await render();
  });
  fetch(`/api/v1/cohorts/${d.cohort}/offline`, { credentials: 'same-origin',
    headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : null)).catch(() => null)
    .then((m) => { manifest = m; return render(); });
})();
