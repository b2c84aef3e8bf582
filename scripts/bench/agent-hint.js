// In-page bench agent, part 2: failure → hint latency (a failed own row appended, the time until the
// extension's hint shows its cause). Injected with agent-churn.js; same rules (plain browser JS).
(() => {
  'use strict';
  // ── failure → hint latency ──
  const TIP = 'You are sending messages too fast. Take a rest.';
  const WARN_SVG =
    '<svg width="20" height="20" viewBox="0 0 48 48" fill="currentColor" style="color: rgb(254, 44, 85);"><path d="M24 4a20 20 0 1 0 0 40 20 20 0 0 0 0-40Zm-2 10h4v14h-4V14Zm0 18h4v4h-4v-4Z"></path></svg>';
  const probeRows = [];

  function ownRow(text, failed) {
    const row = document.getElementById('bench-own-template').content.firstElementChild.cloneNode(true);
    row.querySelector('[class*="PText"]').textContent = text;
    if (failed) {
      row.querySelector('[data-e2e="dm-warning"]').innerHTML = WARN_SVG;
      const wrap = row.querySelector('[data-e2e="dm-new-chat-item"]');
      wrap.insertAdjacentHTML(
        'beforeend',
        `<div class="css-7btupe-7937d88b--DivNoticeContainer ecftnkw0"><div class="css-1aligtd-7937d88b--DivSendFailTip ecftnkw1">${TIP}</div></div>`,
      );
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

  /**
   * The page's own cost of the same change, for comparison: appends the same failed row and forces
   * the layout at once, in the page's task, before any extension code can run (MutationObserver
   * callbacks come after it). Not part of the latency rounds: there the extension's placement pays it.
   */
  function layoutCost(round) {
    const list = document.querySelector('[data-e2e="dm-new-message-list"]');
    const row = ownRow(`layout ${'y'.repeat(10 + round)}`, true);
    const t0 = performance.now();
    list.append(row);
    row.getBoundingClientRect();
    const ms = performance.now() - t0;
    probeRows.push(row);
    return ms;
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

  window.__bench = Object.assign(window.__bench || {}, {
    measureHint,
    layoutCost,
    clearFailure,
    tidy,
    hintPresent: () => !!document.querySelector('dm-doctor-hint'),
    // for agent-switch.js
    ownRow,
    visibleHint,
  });
})();
