import { describe, expect, it } from 'vitest';
import { isCauseId } from '../../../src/contracts/cause-ids';
import { findNoticeText, normalizeNotice, NOTICE_TEXTS } from '../../../src/page/notice-texts';

// Every English notice text and i18n key TikTok is known to show, with the cause it means.
const REFERENCE_EN: Array<[string, string]> = [
  ['You are sending messages too fast. Take a rest.', 'sending-too-fast'],
  ['Only friends can send messages to each other', 'not-friends'],
  ["Cannot send messages due to this user's privacy settings", 'recipient-settings'],
  ["This user is unable to receive your message due to this user's privacy settings", 'recipient-settings'],
  [
    'The message couldn’t be sent due to receiver’s settings. We will resend the message once they update their permission.',
    'recipient-settings',
  ],
  ['The account you are trying to contact has been suspended and may not be able to receive your message.', 'recipient-suspended'],
  ["This account can't send or receive messages due to multiple Community Guidelines violations.", 'recipient-restricted'],
  ['This account can’t send or receive messages due to multiple Community Guidelines violations.', 'recipient-restricted'],
  [
    'Due to multiple Community Guideline violations, you’re temporarily prevented from sending and receiving messages. View details in your app notifications.',
    'dm-ban',
  ],
  [
    'This message violated our Community Guidelines. We restrict certain content and actions to protect our community. If you believe this was a mistake, tap',
    'content-flagged',
  ],
  [
    'This message violated our Community Guidelines. We restrict certain content and actions to protect our community. If you believe this was a mistake, tap ',
    'content-flagged',
  ],
  ['Chat messages limit reached. You will not be able to send messages to this user.', 'chat-limit'],
  ['You can only send up to 1 message before this user accepts your message request.', 'request-pending'],
  [
    'This message may be in violation of our Community Guidelines, and has not been sent to protect our community. If you believe this was a mistake…',
    'content-flagged',
  ],
  ['You can only send 3 messages…', 'request-pending'],
  ['To send messages, unblock this account.', 'blocked'],
  ["This message type isn't supported. Download TikTok app to view this message.", 'unsupported-on-web'],
  ['…Note that this user may send up to 3 messages total…', 'incoming-request'],
  ['You are visiting too fast', 'sending-too-fast'],
  ['Your account is temporarily blocked', 'sending-too-fast'],
  ['Please verify you are human', 'sending-too-fast'],
  ['Too many requests', 'sending-too-fast'],
  ['Page not available', 'temporary-glitch'],
  ['Sorry about that', 'temporary-glitch'],
  ['Something went wrong', 'temporary-glitch'],
  ["Page isn't available", 'temporary-glitch'],
  ["Couldn't find this account", 'recipient-suspended'],
  ['Log in', 'logged-out'],
  ['Use QR code', 'logged-out'],
  ['Use phone / email / username', 'logged-out'],
  ['Maximum number of attempts reached. Try again later.', 'logged-out'],
  ["Messages cannot be sent since this user isn't following you.", 'not-friends'],
  ['Direct messages: Restricted from sending messages', 'dm-ban'],
  ["Sorry, TikTok isn't available right now. A law banning TikTok has been enacted in the U.S.", 'region-unavailable'],
  ["You don't have access to this page", 'region-unavailable'],
  ['Our services are not available in your country or region', 'region-unavailable'],
  ['On June 29, 2020 the Govt. of India decided to block 59 apps…', 'region-unavailable'],
];

// TikTok's exact French wording (app strings).
const REFERENCE_FR: Array<[string, string]> = [
  ['Connecte-toi à Internet et réessaie.', 'offline'],
  ['Aucune connexion à Internet', 'offline'],
  ['Une erreur est survenue. Merci de réessayer.', 'temporary-glitch'],
  ['Échec du chargement. Appuie pour réessayer.', 'temporary-glitch'],
  ["Merci d'installer la dernière version de TikTok", 'unsupported-on-web'],
  ['Ajouter un numéro de téléphone', 'phone-unverified'],
];

describe('normalizeNotice', () => {
  it('straightens quotes, collapses whitespace, trims and lower-cases', () => {
    expect(normalizeNotice('  The message couldn’t be\n sent  “now”\u00a0‘ok’ ')).toBe("the message couldn't be sent \"now\" 'ok'");
  });
});

describe('matchNotice', () => {
  it.each(REFERENCE_EN)('English: %s', (text, causeId) => {
    expect(pick(findNoticeText(text))).toEqual({ causeId, lang: 'en' });
  });

  it.each(REFERENCE_FR)('French: %s', (text, causeId) => {
    expect(pick(findNoticeText(text))).toEqual({ causeId, lang: 'fr' });
  });

  it('matches curly/straight quote, whitespace and case variants', () => {
    const variants = [
      "The message couldn't be sent due to receiver's settings. We will resend the message once they update their permission.",
      'the MESSAGE couldn’t   be sent due to receiver’s settings.\n We will resend the message once they update their permission.',
      "Due to multiple Community Guideline violations, you're temporarily prevented from sending and receiving messages. View details in your app notifications.",
      'Cannot send messages due to this user’s privacy settings',
      '  you are sending messages too fast.   take a rest.  ',
    ];
    for (const text of variants) expect(pick(findNoticeText(text)), text).not.toBeNull();
  });

  it('matches a known sentence followed by more text, and truncated ones followed by a link', () => {
    expect(pick(findNoticeText('Only friends can send messages to each other. Learn more'))?.causeId).toBe('not-friends');
    expect(pick(findNoticeText('You are sending messages too fast. Take a rest. Try again later'))?.causeId).toBe('sending-too-fast');
    expect(
      pick(
        findNoticeText(
          'This message violated our Community Guidelines. We restrict certain content and actions to protect our community. If you believe this was a mistake, tap Feedback',
        ),
      )?.causeId,
    ).toBe('content-flagged');
    expect(
      pick(
        findNoticeText(
          'This message may be in violation of our Community Guidelines, and has not been sent to protect our community. If you believe this was a mistake, let us know.',
        ),
      )?.causeId,
    ).toBe('content-flagged');
  });

  it('does not match a longer word that merely starts like a label, nor unknown text', () => {
    expect(pick(findNoticeText('Login'))).toBeNull();
    expect(pick(findNoticeText('Logging in…'))).toBeNull();
    expect(pick(findNoticeText('Only friends can send messages to each otherwise'))).toBeNull();
    expect(pick(findNoticeText('Hello there'))).toBeNull();
    expect(pick(findNoticeText(''))).toBeNull();
    expect(pick(findNoticeText('   '))).toBeNull();
    expect(pick(findNoticeText('Avis inconnu utilisé par les tests (pas un texte de TikTok).'))).toBeNull();
    expect(pick(findNoticeText('Envoyer un message...'))).toBeNull();
  });

  it('does not match a sentence quoted inside other words', () => {
    expect(pick(findNoticeText('lol TikTok told me "You are sending messages too fast. Take a rest."'))).toBeNull();
  });

  it('page-level rows carry the page they mean; UI labels are flagged', () => {
    expect(findNoticeText('You are visiting too fast')?.page).toBe('rate-limited');
    expect(findNoticeText('Something went wrong')?.page).toBe('error');
    expect(findNoticeText("You don't have access to this page")?.page).toBe('region-unavailable');
    expect(findNoticeText('Log in to TikTok')).toMatchObject({ page: 'login', label: true });
    expect(findNoticeText('You are sending messages too fast. Take a rest.')?.page).toBeUndefined();
  });

  it('handles huge input quickly', () => {
    const huge = `You are sending messages too fast. Take a rest. ${'x'.repeat(1_000_000)}`;
    expect(pick(findNoticeText(huge))?.causeId).toBe('sending-too-fast');
  });
});

describe('the catalogue', () => {
  it('has valid cause ids, no duplicate texts, and French rows only for TikTok wording', () => {
    const seen = new Set<string>();
    for (const row of NOTICE_TEXTS) {
      expect(isCauseId(row.causeId), row.text).toBe(true);
      const key = `${row.lang}|${normalizeNotice(row.text)}`;
      expect(seen.has(key), row.text).toBe(false);
      seen.add(key);
    }
    const french = NOTICE_TEXTS.filter((row) => row.lang === 'fr').map((row) => row.text);
    expect(french.sort()).toEqual(REFERENCE_FR.map(([text]) => text).sort());
  });

  it('each row matches its own text to itself', () => {
    for (const row of NOTICE_TEXTS) expect(findNoticeText(row.text), row.text).toBe(row);
  });
});

/** The part of a catalogue row a match is judged by. */
function pick(entry: ReturnType<typeof findNoticeText>): { causeId: string; lang: string } | null {
  return entry ? { causeId: entry.causeId, lang: entry.lang } : null;
}
