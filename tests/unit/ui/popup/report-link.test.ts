import { describe, expect, it } from 'vitest';
import { issueUrl, MAX_ISSUE_URL } from '../../../../src/ui/popup/report-link';
import { bugs } from '../../../../package.json';

const ISSUES = bugs.url;

describe('issueUrl: the prefilled GitHub issue', () => {
  it('fills title and body with the report, URL-encoded, on the repository the package names', () => {
    const report = 'DM Doctor report — 1.0\nState: problem\nLikely causes: not-friends (high, 80%) & more?';
    const url = new URL(issueUrl(ISSUES, 'Wrong answer: not-friends', report, '(cut)'));
    expect(`${url.origin}${url.pathname}`).toBe(`${ISSUES}/new`);
    expect(url.searchParams.get('title')).toBe('Wrong answer: not-friends');
    expect(url.searchParams.get('body')).toBe(report);
  });

  it('stays under the URL limit for a long report, cutting the body and saying so', () => {
    const report = Array.from({ length: 400 }, (_, i) => `line ${i}: «é» ${'x'.repeat(20)}`).join('\n');
    const href = issueUrl(ISSUES, 'TikTok changed its page (page-changed)', report, '(report cut to fit the link)');
    // the brief's bound, written out: GitHub refuses URLs of ~8 KB
    expect(MAX_ISSUE_URL).toBeLessThanOrEqual(7000);
    expect(href.length).toBeLessThanOrEqual(7000);
    expect(href.length).toBeGreaterThan(MAX_ISSUE_URL - 400);
    const body = new URL(href).searchParams.get('body')!;
    expect(body.endsWith('\n(report cut to fit the link)')).toBe(true);
    expect(report.startsWith(body.slice(0, -'\n(report cut to fit the link)'.length))).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const href = issueUrl(ISSUES, 't', '😀'.repeat(3000), '(cut)');
    expect(href.length).toBeLessThanOrEqual(7000);
    expect(() => decodeURIComponent(href)).not.toThrow();
  });
});
