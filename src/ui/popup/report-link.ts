// The prefilled GitHub issue for "This answer is wrong" / "TikTok changed its page". Its body is
// the redacted report the person has just seen and copied; nothing else is added.

/** GitHub answers "414 URI too long" past ~8 KB; stay well under it. */
export const MAX_ISSUE_URL = 7000;

export type ReportKind = 'wrong-answer' | 'page-changed';

/**
 * `https://github.com/<owner>/<repo>/issues/new?title=…&body=…`, URL-encoded, at most MAX_ISSUE_URL
 * characters: the body is cut (at a line end when one is near) and marked as cut.
 */
export function issueUrl(issuesUrl: string, title: string, report: string, cutMark: string): string {
  const base = `${issuesUrl.replace(/\/+$/, '')}/new?title=${encodeURIComponent(title)}&body=`;
  const fits = (body: string) => base.length + encodeURIComponent(body).length <= MAX_ISSUE_URL;
  // never leave half of a surrogate pair (encodeURIComponent would throw)
  const whole = (s: string) => (/[\uD800-\uDBFF]$/.test(s) ? s.slice(0, -1) : s);
  if (fits(report)) return base + encodeURIComponent(report);
  // Binary search on the cut point: encoded lengths are not proportional to raw lengths.
  let lo = 0;
  let hi = report.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(`${whole(report.slice(0, mid))}\n${cutMark}`)) lo = mid;
    else hi = mid - 1;
  }
  let cut = whole(report.slice(0, lo));
  const nl = cut.lastIndexOf('\n');
  if (nl > lo * 0.8) cut = cut.slice(0, nl);
  return base + encodeURIComponent(`${cut}\n${cutMark}`);
}
