// In-page bench agent, part 1: the DOM churn (a busy /foryou feed, a busy /messages chat).
// Injected as an inline <script> into the served pages together with agent-hint.js (main world, the
// page's own JavaScript — never the extension's). Plain browser JS, no build step: Node passes strings to
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
      d.innerHTML =
        '<div class="css-9f2-DivVideoWrapper"><img alt="" width="300" height="400"></div>' +
        '<p class="css-a1-PDesc">video ' +
        i +
        ' #fyp</p><button class="css-b2-LikeButton"><span class="count">' +
        i +
        '</span></button>';
      return d;
    };
    const counters = () => feed.querySelectorAll('.count');
    let tick = 0;
    // one DOM change per call
    return function op() {
      switch (tick++ % 4) {
        case 0:
          feed.append(card(next++));
          break;
        case 1:
          feed.firstElementChild?.remove();
          break;
        case 2: {
          const c = counters();
          const el = c[rnd(c.length)];
          if (el?.firstChild) el.firstChild.data = String(rnd(100000));
          break;
        }
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
    let texts = [];
    let contents = [];
    let inserted = [];
    // the rows it edits; again after a conversation switch replaced them (agent-switch.js)
    const bind = () => {
      texts = Array.from(list.querySelectorAll('[class*="PText"]'))
        .slice(0, -20)
        .map((p) => p.firstChild)
        .filter(Boolean);
      contents = Array.from(list.querySelectorAll('[class*="DivMessageContent"]')).slice(0, -20);
      inserted = [];
    };
    bind();
    let n = 0;
    let tick = 0;
    const HISTORY = 30; // ≈ 180 ms of inserts at 1,000 mutations/s (18 ticks of 10 ms)
    const badge =
      '<svg width="16" height="16" viewBox="0 0 48 48"><path d="M24 41s-17-9.3-17-22a9 9 0 0 1 17-4 9 9 0 0 1 17 4c0 12.7-17 22-17 22Z"></path></svg><span>1</span>';
    const op = () => {
      switch (tick++ % 6) {
        case 0: {
          const row = template.content.firstElementChild.cloneNode(true);
          row.querySelector('[class*="PText"]').textContent = `older message ${n++}`;
          list.insertBefore(row, list.children[1] || null);
          inserted.push(row);
          break;
        }
        case 3: {
          // the oldest of the last HISTORY rows mounted: each stays mounted across many tasks, as rows
          // scrolled into view do (not unmounted in the task that mounted it)
          if (inserted.length > HISTORY) inserted.shift().remove();
          break;
        }
        case 1:
        case 4: {
          const t = texts[rnd(texts.length)];
          if (t) t.data = `edited message ${rnd(1e6)}`;
          break;
        }
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
    op.rebind = bind;
    return op;
  }

  // one generator per kind for the page's life, so rows inserted in one round are removed in the next
  function generator(kind) {
    if (!ops[kind]) ops[kind] = kind === 'feed' ? feedOps() : messageOps();
    return ops[kind];
  }

  function start(kind, rate) {
    stop();
    const op = generator(kind);
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

  /**
   * `n` of the churn's changes in one task, timed in the page: the page's own synchronous cost per
   * change. With `observe`, a MutationObserver that does nothing watches the whole document's child
   * lists during the burst, as the extension's observer of the chat panel sees these changes (its
   * text observer covers only the header, the notice bar and filled warning slots, where the churn
   * changes nothing): what observing costs the page itself, the mutation records. An observer's
   * callback runs after the task, never inside the time (the extension's is profiled on its own).
   */
  function burst(kind, n, observe) {
    const op = generator(kind);
    const mo = observe ? new MutationObserver(() => {}) : null;
    mo?.observe(document.documentElement, { childList: true, subtree: true });
    const t0 = performance.now();
    for (let i = 0; i < n; i++) op();
    const ms = performance.now() - t0;
    mo?.disconnect();
    return ms;
  }

  window.__bench = Object.assign(window.__bench || {}, {
    start,
    stop,
    mark,
    burst,
    rows: () => document.querySelectorAll('[data-e2e="dm-new-chat-item"]').length,
    /** After the chat's rows were replaced: the /messages churn edits the new ones. */
    rebindChurn: () => {
      if (ops.messages) ops.messages.rebind();
      return true;
    },
  });
})();
