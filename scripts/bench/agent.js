// In-page bench agent: injected as an inline <script> into the served pages (main world, the page's
// own JavaScript — never the extension's). Plain browser JS, no build step: Node passes strings to
// page.evaluate ("window.__bench.…"), never functions (tsx would inject helpers the page lacks).
(() => {
  'use strict';
  const state = { timer: 0, started: 0, done: 0, mutations: 0, markAt: 0, markCount: 0, rate: 0, kind: '' };
  const ops = {};
  const rnd = (() => {
    let s = 12345;
    return (n) => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s % n;
    };
  })();

  // ── /foryou: a synthetic feed (cards appended at the bottom, old ones removed, counters ticking) ──
  function feedOps() {
    const feed = document.getElementById('bench-feed');
    let next = feed.children.length;
    const card = (i) => {
      const d = document.createElement('article');
      d.className = 'css-1x7n1-DivItemContainer';
      d.innerHTML = '<div class="css-9f2-DivVideoWrapper"><img alt="" width="300" height="400"></div>' +
        '<p class="css-a1-PDesc">video ' + i + ' #fyp</p><button class="css-b2-LikeButton"><span class="count">' + i + '</span></button>';
      return d;
    };
    const counters = () => feed.querySelectorAll('.count');
    let tick = 0;
    // one DOM change per call
    return function op() {
      switch (tick++ % 4) {
        case 0: feed.append(card(next++)); break;
        case 1: feed.firstElementChild?.remove(); break;
        case 2: { const c = counters(); const el = c[rnd(c.length)]; if (el?.firstChild) el.firstChild.data = String(rnd(100000)); break; }
        default: {
          const b = feed.children[rnd(feed.children.length)];
          const btn = b?.querySelector('button');
          if (!btn) break;
          const liked = btn.querySelector('svg');
          if (liked) liked.remove();
          else btn.insertAdjacentHTML('afterbegin', '<svg width="16" height="16"><path d="M0 0h4v4H0Z"></path></svg>');
        }
      }
    };
  }

  // ── /messages: history rows inserted/removed at the top (virtualised list), texts changed,
  // reactions toggled, never touching the last rows (where the latency probe adds failures). ──
  function messageOps() {
    const list = document.querySelector('[data-e2e="dm-new-message-list"]');
    const template = document.getElementById('bench-row-template');
    const texts = Array.from(list.querySelectorAll('[class*="PText"]')).slice(0, -20).map((p) => p.firstChild).filter(Boolean);
    const contents = Array.from(list.querySelectorAll('[class*="DivMessageContent"]')).slice(0, -20);
    const inserted = [];
    let n = 0;
    let tick = 0;
    const badge = '<svg width="16" height="16" viewBox="0 0 48 48"><path d="M24 41s-17-9.3-17-22a9 9 0 0 1 17-4 9 9 0 0 1 17 4c0 12.7-17 22-17 22Z"></path></svg><span>1</span>';
    return function op() {
      switch (tick++ % 6) {
        case 0: {
          const row = template.content.firstElementChild.cloneNode(true);
          row.querySelector('[class*="PText"]').textContent = `older message ${n++}`;
          list.insertBefore(row, list.children[1] || null);
          inserted.push(row);
          break;
        }
        case 3: { const row = inserted.shift(); if (row) row.remove(); break; }
        case 1:
        case 4: { const t = texts[rnd(texts.length)]; if (t) t.data = `edited message ${rnd(1e6)}`; break; }
        default: {
          const c = contents[rnd(contents.length)];
          if (!c) break;
          const b = c.querySelector('.bench-reaction');
          if (b) b.remove();
          else {
            const d = document.createElement('div');
            d.className = 'css-1v4hbg4-7937d88b--DivReactionBadge eqojvrk0 bench-reaction';
            d.innerHTML = badge;
            c.append(d);
          }
        }
      }
    };
  }

  function start(kind, rate) {
    stop();
    // one generator per kind for the page's life, so rows inserted in one round are removed in the next
    let op = ops[kind];
    if (!op) {
      op = kind === 'feed' ? feedOps() : messageOps();
      ops[kind] = op;
    }
    state.kind = kind;
    state.rate = rate;
    state.started = performance.now();
    state.done = 0;
    mark();
    // A 10 ms interval; each tick catches up to `rate` changes per second of wall time.
    state.timer = setInterval(() => {
      const due = Math.floor(((performance.now() - state.started) * rate) / 1000);
      let k = Math.min(due - state.done, rate); // never more than 1 s of backlog in one task
      while (k-- > 0) {
        op();
        state.done++;
        state.mutations++;
      }
    }, 10);
    return true;
  }

  /** Starts counting afresh (after a warm-up) without restarting the churn. */
  function mark() {
    state.markAt = performance.now();
    state.markCount = state.mutations;
    return true;
  }

  /** Stops the churn; returns the mutations made since the last mark and the time it took. */
  function stop() {
    if (state.timer) clearInterval(state.timer);
    state.timer = 0;
    return { mutations: state.mutations - state.markCount, ms: performance.now() - state.markAt };
  }

  // ── failure → hint latency ──
  const TIP = 'You are sending messages too fast. Take a rest.';
  const WARN_SVG = '<svg width="20" height="20" viewBox="0 0 48 48" fill="currentColor" style="color: rgb(254, 44, 85);"><path d="M24 4a20 20 0 1 0 0 40 20 20 0 0 0 0-40Zm-2 10h4v14h-4V14Zm0 18h4v4h-4v-4Z"></path></svg>';
  const probeRows = [];

  function ownRow(text, failed) {
    const row = document.getElementById('bench-own-template').content.firstElementChild.cloneNode(true);
    row.querySelector('[class*="PText"]').textContent = text;
    if (failed) {
      row.querySelector('[data-e2e="dm-warning"]').innerHTML = WARN_SVG;
      const wrap = row.querySelector('[data-e2e="dm-new-chat-item"]');
      wrap.insertAdjacentHTML('beforeend', `<div class="css-7btupe-7937d88b--DivNoticeContainer ecftnkw0"><div class="css-1aligtd-7937d88b--DivSendFailTip ecftnkw1">${TIP}</div></div>`);
    }
    return row;
  }

  function visibleHint() {
    const h = document.querySelector('body > dm-doctor-hint');
    if (!h?.getAttribute('data-cause-id')) return null;
    const r = h.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return null;
    const cs = getComputedStyle(h);
    return cs.display === 'none' || cs.visibility === 'hidden' ? null : h;
  }

  /** Appends a failed own row and resolves with the time until the hint is visible with its cause. */
  function measureHint(round, timeoutMs) {
    return new Promise((resolve) => {
      if (document.querySelector('dm-doctor-hint')) return resolve({ error: 'a hint was already present' });
      const list = document.querySelector('[data-e2e="dm-new-message-list"]');
      // a distinct text length per round gives a distinct failure id (salted hash of length + time)
      const row = ownRow(`failed ${'x'.repeat(10 + round)}`, true);
      let hostObserver = null;
      let done = false;
      let t0 = 0;
      const finish = (h) => {
        if (done) return;
        done = true;
        const dom = performance.now() - t0;
        bodyObserver.disconnect();
        if (hostObserver) hostObserver.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve({ ms: dom, frameMs: performance.now() - t0, cause: h.getAttribute('data-cause-id') }));
      };
      const check = () => {
        const h = visibleHint();
        if (h) return finish(h);
        const host = document.querySelector('body > dm-doctor-hint');
        if (host && !hostObserver) {
          // present but not yet with its cause or its box: follow its attributes (data-*, style)
          hostObserver = new MutationObserver(check);
          hostObserver.observe(host, { attributes: true });
        }
      };
      // body's own children only: the hint is appended to document.body
      const bodyObserver = new MutationObserver(check);
      bodyObserver.observe(document.body, { childList: true });
      const timer = setTimeout(() => {
        done = true;
        bodyObserver.disconnect();
        if (hostObserver) hostObserver.disconnect();
        resolve({ error: 'timeout', present: !!document.querySelector('dm-doctor-hint') });
      }, timeoutMs);
      t0 = performance.now();
      list.append(row);
      probeRows.push(row);
    });
  }

  /** Between rounds: a later successful own message clears the failure (DESIGN), so the hint goes. */
  function clearFailure(round) {
    const list = document.querySelector('[data-e2e="dm-new-message-list"]');
    const ok = ownRow(`sent fine ${round}`, false);
    list.append(ok);
    probeRows.push(ok);
    return true;
  }

  /** Removes the probe rows once the hint is gone, keeping the list at its size. */
  function tidy() {
    for (const r of probeRows.splice(0, Math.max(0, probeRows.length - 2))) r.remove();
    return true;
  }

  window.__bench = {
    start,
    stop,
    mark,
    measureHint,
    clearFailure,
    tidy,
    hintPresent: () => !!document.querySelector('dm-doctor-hint'),
    rows: () => document.querySelectorAll('[data-e2e="dm-new-chat-item"]').length,
  };
})();
