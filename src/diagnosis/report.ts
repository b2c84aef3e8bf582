import type { Diagnosis } from '../contracts/diagnosis';
import type { PageReport } from '../contracts/page-report';
import type { NetFact } from './evidence';
import { redactText, redactUrl } from '../tiktok/redact';

// The copyable report. It is built only from already-redacted evidence: classes, counts, host + path,
// check statuses, TikTok's own notice text. Never message text, names, handles, cookies, tokens or
// queries. The one redactor (src/tiktok/redact.ts) runs again over every URL and the notice: a last
// line of defence for anything that slipped through.

export interface ReportInput {
  state: string;
  diagnosis: Diagnosis | null;
  checks: { id: string; status: string; reason: { key: string }; ms?: number }[];
  page: PageReport | null;
  net: (NetFact & { url?: string; error?: string })[];
  at: number;
  browser: string;
  browserVersion: string;
  version: string;
}

export function reportJson(r: ReportInput): Record<string, unknown> {
  const d = r.diagnosis;
  const o = r.page?.observation;
  return {
    extension: `DM Doctor ${r.version}`,
    browser: `${r.browser} ${r.browserVersion}`,
    time: new Date(r.at).toISOString(),
    state: r.state,
    page: o
      ? {
          generation: o.generation,
          page: o.page,
          composer: o.composer,
          failures: o.failures.total,
          fresh: r.page?.fresh ?? false,
          recognition: r.page?.recognition,
        }
      : null,
    notice: d?.notice ? redactText(d.notice) : null,
    ranking: d?.ranked.map((c) => ({ cause: c.id, p: Math.round(c.p * 100) / 100, confidence: c.confidence })) ?? [],
    question: d?.question?.id ?? null,
    evidence: d?.evidence.map((e) => e.cls) ?? [],
    network: r.net.slice(-20).map((e) => ({
      t: new Date(e.t).toISOString(),
      where: e.url ? redactUrl(e.url) : e.role,
      kind: e.kind,
      class: e.cls ?? e.httpClass,
      status: e.status,
      error: e.error,
    })),
    checks: r.checks.map((c) => ({ id: c.id, status: c.status, reason: c.reason.key, ms: c.ms })),
  };
}

export function buildReport(r: ReportInput): string {
  const j = reportJson(r);
  const lines = [`DM Doctor report — ${j.extension}, ${j.browser}, ${j.time}`, `State: ${r.state}`];
  const d = r.diagnosis;
  if (d?.notice) lines.push(`TikTok said: "${redactText(d.notice)}"`);
  if (d?.ranked.length)
    lines.push(`Likely causes: ${d.ranked.map((c) => `${c.id} (${c.confidence}, ${Math.round(c.p * 100)}%)`).join(', ')}`);
  if (d?.evidence.length) lines.push(`Evidence: ${d.evidence.map((e) => e.cls).join(', ')}`);
  lines.push(`Checks: ${r.checks.map((c) => `${c.id}=${c.status}`).join(', ')}`);
  lines.push('', 'JSON:', JSON.stringify(j));
  return lines.join('\n');
}
