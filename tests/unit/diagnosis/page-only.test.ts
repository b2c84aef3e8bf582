import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/diagnosis/diagnose';
import { diagnosePageOnly } from '../../../src/diagnosis/page-only';
import type { PageReport } from '../../../src/contracts/page-report';
import { scanPage } from '../../../src/page/read-page';
import { FIXTURES } from '../../fixtures/index';
import { loadFixture } from '../page/load-fixture';
import { NOW, SCENARIOS } from './corpus';

// The instant hint (content script) answers from the page alone with a small mapping; the full
// `diagnose` runs in the background. On the same page evidence the two must never disagree.

function full(page: PageReport) {
  return diagnose({ now: NOW, onMessages: true, page, net: [], checks: [], answers: {} });
}

function reportOf(file: string, fresh: boolean): PageReport {
  const scan = scanPage(loadFixture(file));
  const failed = scan.observation.failures.total > 0;
  return {
    where: 'www.tiktok.com/messages',
    topFrame: true,
    onMessages: true,
    recognition: 'recognized',
    reason: null,
    observation: scan.observation,
    failureId: failed ? 'f1' : null,
    fresh,
    cleared: false,
    failureAt: failed ? NOW - 1000 : null,
    seq: 1,
    pageId: 'p',
  };
}

const pages: Array<[string, PageReport]> = [
  ...SCENARIOS.filter((s) => s.evidence.page).map((s): [string, PageReport] => [`corpus: ${s.name}`, s.evidence.page!]),
  ...FIXTURES.flatMap(
    (f): Array<[string, PageReport]> => [
      [`fixture: ${f.file} (fresh)`, reportOf(f.file, true)],
      [`fixture: ${f.file} (earlier)`, reportOf(f.file, false)],
    ],
  ),
];

describe('diagnosePageOnly never contradicts diagnose on page evidence', () => {
  let named = 0;
  for (const [name, page] of pages) {
    it(name, () => {
      const quick = diagnosePageOnly(page);
      const d = full(page);
      if (quick === null) return;
      named++;
      expect(d.problem).toBe(true);
      expect({ cause: quick.causeId, earlier: quick.earlier }).toEqual({ cause: d.ranked[0]!.id, earlier: d.earlier });
    });
  }
  it('names a cause for the pages that decide one by themselves', () => {
    expect(named).toBeGreaterThan(40);
    for (const file of [
      'dm-new-failed-e1-too-fast.html',
      'legacy-failed-e3-privacy.html',
      'dm-new-block-note.html',
      'legacy-request-box.html',
      'rate-limited.html',
      'login.html',
      'region-india.html',
    ]) {
      expect(diagnosePageOnly(reportOf(file, true)), file).not.toBeNull();
    }
  });
  it('says nothing where the page does not decide (no notice, healthy, unrecognised)', () => {
    for (const file of ['dm-new-failed-no-notice.html', 'dm-new-healthy.html', 'damaged.html', 'dm-new-no-chat.html']) {
      expect(diagnosePageOnly(reportOf(file, true)), file).toBeNull();
    }
  });
});
