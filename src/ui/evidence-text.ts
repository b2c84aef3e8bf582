import type { EvidenceItem } from '../contracts/diagnosis';
import { t } from '../i18n/i18n';
import { msgKey } from '../i18n/keys';

/**
 * Evidence in words. Parameters that are codes become words; TikTok's text stays verbatim. Whether
 * it speaks against a cause is said by the list, in a message of its own (never glued before it).
 */
export function evidenceText(e: EvidenceItem): string {
  const p = e.params ?? {};
  let subs: (string | number)[];
  switch (e.key) {
    case 'ev_net_once':
    case 'ev_net_confirmed':
      subs = [t(msgKey('net', String(p.cls))), p.n ?? 1, t(msgKey('role', String(p.host)))];
      break;
    case 'ev_check_fail':
    case 'ev_check_warn':
    case 'ev_check_pass':
      subs = [t(msgKey('check', String(p.check)))];
      break;
    case 'ev_answer':
      subs = [t(msgKey('q', String(p.q))), t(p.a === 'yes' ? 'answer_yes' : 'answer_no')];
      break;
    default:
      subs = Object.values(p);
  }
  return t(e.key, subs.map(String));
}
