// In-page bench agent, part 3: conversation switches, the way TikTok's inbox does them (the open
// chat's message list gets another conversation's rows, the URL's `?u=` changes with
// history.pushState, the header shows the other handle), on a fixed schedule, and whether the
// extension follows (its hint appears for a conversation whose last own message failed, and goes on
// a healthy one). Injected with agent-churn.js and agent-hint.js; same rules (plain browser JS).
(() => {
  'use strict';
  const BASE_UID = 7301948089581n; // the chat the page opens with; switch k opens BASE_UID + k

  /** Conversation k's rows (deterministic): `rows` rows from the page's templates, every third one
   * ours; when `failed`, the last row is an own message that failed with the too-fast notice. */
  function conversationRows(k, rows, failed) {
    const friendTpl = document.getElementById('bench-row-template').content.firstElementChild;
    const frag = document.createDocumentFragment();
    for (let i = 1; i <= rows; i++) {
      const mine = i % 3 === 0;
      const row = mine ? window.__bench.ownRow(`my message ${i} in conversation ${k}`, false) : friendTpl.cloneNode(true);
      if (!mine) row.querySelector('[class*="PText"]').textContent = `their message ${i} in conversation ${k}`;
      row.setAttribute('data-index', String(i));
      frag.append(row);
    }
    if (failed) {
      // a distinct text length per conversation, as real failures differ
      const row = window.__bench.ownRow(`failed in conversation ${k} ${'x'.repeat(k % 50)}`, true);
      row.setAttribute('data-index', String(rows + 1));
      frag.append(row);
    }
    return frag;
  }

  /** The switch itself, in one task as a React commit would do it. */
  function switchTo(k, frag) {
    const list = document.querySelector('[data-e2e="dm-new-message-list"]');
    const head = list.firstElementChild?.querySelector('[class*="DivTimeContainer"]') ? [list.firstElementChild] : [];
    const url = new URL(location.href);
    url.searchParams.set('u', String(BASE_UID + BigInt(k)));
    history.pushState({}, '', url.pathname + url.search);
    const handle = document.querySelector('[data-e2e="chat-uniqueid"]');
    if (handle) handle.textContent = `@bench_conversation_${k}`;
    const name = document.querySelector('[data-e2e="dm-new-chat-nickname"]');
    if (name) name.textContent = `Bench conversation ${k}`;
    list.replaceChildren(...head, frag);
    // the churn (if running) goes on in the new conversation's rows
    if (window.__bench.rebindChurn) window.__bench.rebindChurn();
  }

  const hintHost = () => document.querySelector('body > dm-doctor-hint');

  /** Waits for the extension to follow switch k: `failed` → the hint visible with its cause;
   * healthy → no hint. Resolves { ms } (from t0) or { error } by `deadline` (performance.now()). */
  function follow(failed, t0, deadline) {
    return new Promise((resolve) => {
      let done = false;
      let hostObserver = null;
      const end = (res) => {
        if (done) return;
        done = true;
        bodyObserver.disconnect();
        if (hostObserver) hostObserver.disconnect();
        clearTimeout(timer);
        resolve(res);
      };
      const check = () => {
        if (!failed) {
          if (!hintHost()) end({ ms: performance.now() - t0 });
          return;
        }
        const h = window.__bench.visibleHint();
        if (h) return end({ ms: performance.now() - t0, cause: h.getAttribute('data-cause-id') });
        const host = hintHost();
        if (host && !hostObserver) {
          hostObserver = new MutationObserver(check);
          hostObserver.observe(host, { attributes: true });
        }
      };
      const bodyObserver = new MutationObserver(check);
      bodyObserver.observe(document.body, { childList: true });
      const timer = setTimeout(
        () => end({ error: failed ? 'no hint before the next switch' : 'hint still shown at the next switch' }),
        Math.max(0, deadline - performance.now()),
      );
      check();
    });
  }

  /**
   * `n` switches on conversations of `rows` rows, one every `periodMs` (when the page's main thread
   * is busy beyond that, the next one as soon as it is free and the last one was rendered: never two
   * closer than `periodMs`): odd k
   * failed, even k healthy (the page opens on a healthy chat). The next conversation's rows are built
   * just before its switch, outside the timed span. The extension has until 50 ms before the next
   * switch to follow. Resolves with one result per switch: { k, failed, at, frameMs, ms?, lateMs?,
   * cause?, error?, stayed } — `at`: ms since the run's start; `frameMs`: the page's first frame after
   * the switch was rendered; `lateMs`: it followed, but after that deadline;
   * `stayed`: the hint state was still right at the end of the period (a hint that comes back on a
   * healthy chat, or goes on a failed one, is a flap).
   */
  const run = { results: [], stop: false };
  async function switchRun(n, periodMs, rows) {
    const results = [];
    run.results = results;
    run.stop = false;
    const start = performance.now();
    let next = start;
    for (let k = 1; k <= n && !run.stop; k++) {
      const failed = k % 2 === 1;
      const wait = next - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const frag = conversationRows(k, rows, failed);
      const hadHint = !!hintHost();
      const t0 = performance.now();
      switchTo(k, frag);
      // the first frame that shows the new conversation has been rendered (two animation frames)
      const frame = new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now() - t0))));
      next = t0 + periodMs;
      const deadline = next - 50;
      let res;
      if (hadHint && failed) res = { error: 'the previous conversation’s hint was still shown' };
      else if (!hadHint && !failed) res = { error: 'no hint to remove (the failed conversation before showed none)' };
      else {
        res = await follow(failed, t0, deadline);
        // timers fire late on a busy main thread: the deadline is checked on the clock
        if (res.ms !== undefined && t0 + res.ms > deadline)
          res = { lateMs: res.ms, cause: res.cause, error: 'followed only after the next switch was due' };
      }
      const left = deadline - performance.now();
      if (left > 0) await new Promise((r) => setTimeout(r, left));
      const shown = !!window.__bench.visibleHint();
      const stayed = failed ? shown : !hintHost();
      // never the next switch before this conversation was on screen
      const frameMs = await frame;
      next = Math.max(next, performance.now());
      results.push({ k, failed, at: t0 - start, frameMs, ...res, stayed });
    }
    return results;
  }

  window.__bench = Object.assign(window.__bench || {}, {
    switchRun,
    /** Ends a run after the switch under way; returns the results so far. */
    switchStop: () => {
      run.stop = true;
      return run.results;
    },
  });
})();
