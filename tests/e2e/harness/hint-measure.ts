// Measures the hint against TikTok's page on the styled fixtures (tests/fixtures/styled/), in the
// page itself, with the test's own knowledge of the fixture (not the extension's selectors): the
// other person's bubbles are rows whose avatar links to someone else, the red "!" is the svg in the
// last failed row's warning slot. Runs in Chromium (Playwright) and Firefox (Puppeteer) alike.

export interface B {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export interface HintMeasure {
  hint: B | null;
  visible: boolean;
  icon: B | null;
  notices: B[];
  others: B[];
  composer: B | null;
  header: B | null;
  viewport: { width: number; height: number };
}

/** Evaluated in the page (self-contained: no closure). */
export function measureHint(): HintMeasure {
  const box = (el: Element | null): B | null => {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  };
  const host = document.querySelector('dm-doctor-hint');
  const ME = '/@marker_7f3a_me';
  const rows = Array.from(document.querySelectorAll('[data-e2e="dm-new-chat-item"], [data-e2e="chat-item"]'));
  const others = rows
    .filter((r) => !r.querySelector(`a[href="${ME}"]`))
    .map((r) => box(r.querySelector('[class*="DivMessageContent"], [class*="DivCommentContainer"]')))
    .filter((b): b is B => b !== null);
  const failed = rows.filter((r) => r.querySelector('[data-e2e="dm-warning"] svg'));
  const icon = box(failed[failed.length - 1]?.querySelector('[data-e2e="dm-warning"] svg') ?? null);
  return {
    hint: box(host),
    visible: host ? getComputedStyle(host).visibility === 'visible' : false,
    icon,
    notices: Array.from(document.querySelectorAll('[class*="DivNoticeContainer"]')).map((n) => box(n)!),
    others,
    composer: box(document.querySelector('[class*="DivBottomBar"], [class*="DivChatBottom"]')),
    header: box(document.querySelector('[class*="DivChatTopBar"], [class*="DivChatHeader"]')),
    viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
  };
}

export const overlap = (a: B, b: B): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
export const distance = (a: B, b: B): number =>
  Math.hypot(Math.max(0, b.left - a.right, a.left - b.right), Math.max(0, b.top - a.bottom, a.top - b.bottom));

/** Every rule of DESIGN.md "In-page hint" that geometry can check; [] when all hold. */
export function placementProblems(m: HintMeasure, opts: { needIcon: boolean }): string[] {
  const out: string[] = [];
  const h = m.hint;
  if (!h || !m.visible) return ['no visible hint'];
  if (h.left < 0 || h.top < 0 || h.right > m.viewport.width || h.bottom > m.viewport.height)
    out.push(`outside the viewport: ${JSON.stringify(h)}`);
  for (const [i, n] of m.notices.entries())
    if (overlap(h, n)) out.push(`covers TikTok's notice #${i}: hint ${JSON.stringify(h)} notice ${JSON.stringify(n)}`);
  for (const [i, o] of m.others.entries())
    if (overlap(h, o)) out.push(`covers the other person's bubble #${i}: hint ${JSON.stringify(h)} bubble ${JSON.stringify(o)}`);
  if (m.composer && overlap(h, m.composer)) out.push('covers the composer');
  if (m.header && overlap(h, m.header)) out.push('covers the chat header');
  if (opts.needIcon) {
    if (!m.icon) out.push('no red "!" in the page');
    else {
      if (overlap(h, m.icon)) out.push('covers the red "!"');
      const d = distance(h, m.icon);
      if (d > 160) out.push(`${Math.round(d)} px from the red "!" (max 160)`);
    }
  }
  return out;
}
