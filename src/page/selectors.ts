// Every landmark of TikTok's /messages page, as alternatives tried together (or in order,
// where the reader says so). Each alternative names the UI generation it comes from:
//   dm-new  the "dm-new" inbox (2026-06+), legacy  the older inbox, shared  both.
// Classes are matched by their stable `--ComponentName` part only; the `css-<hash>-<prefix>--`
// part changes with every build (../shared/reference/tiktok-web.md §1.5).
// Sources: reference §1.2 (tables), §1.3 (failure markers), §1.4 (request box).
// The bots' guessed data-e2e values (§1.2 "Guesses, never observed") are deliberately absent.

export type Selectors = readonly string[];

export const SELECTORS = {
  /** conversation list (left column) */
  conversationList: [
    'div[data-e2e="dm-new-conversation-list"]', // dm-new
  ],
  /** one conversation in the list */
  conversationRow: [
    '[data-e2e="dm-new-conversation-item"]', // dm-new
    '[data-e2e="chat-list-item"]', // legacy
    'li[class*="InboxItemWrapper"]', // legacy
  ],
  /** a conversation row's name */
  conversationName: [
    '[data-e2e="dm-new-conversation-nickname"]', // dm-new
    '[class*="PInfoNickname"]', // legacy
  ],
  /** a conversation row's "more" menu */
  conversationMenu: [
    '[data-e2e="conversation-more-action"]', // dm-new
    '[data-e2e="more-action-icon"]', // legacy
  ],
  /** requests group and inbox search (inbox column, older UI) */
  inboxTools: [
    '[class*="DivRequestGroup"]', // legacy
    'input[data-e2e="search-user-input"]', // legacy
  ],
  /** the open chat (header, messages, composer) */
  chatPanel: [
    '[data-e2e="dm-new-chatbox"]', // dm-new
    '[class*="DivChatBox"]', // legacy
    '[class*="DivChatMain"]', // legacy
  ],
  /** the open chat's header */
  chatHeader: [
    '[data-e2e="dm-new-chat-nickname"]', // dm-new
    '[data-e2e="chat-nickname"]', // legacy
    '[data-e2e="top-chat-avatar"]', // legacy
    '[class*="DivChatHeader"]', // legacy
  ],
  /** the open chat's @handle (just "@" while loading) */
  chatHandle: [
    'p[data-e2e="chat-uniqueid"]', // shared
  ],
  /** scrolling list of messages */
  messageList: [
    '[data-e2e="dm-new-message-list"]', // dm-new
    '[class*="DivChatMainContent"]', // legacy
  ],
  /** one message row (virtualised: rows mount and unmount on scroll) */
  messageRow: [
    '[data-e2e="dm-new-chat-item"]', // dm-new
    '[class*="DivChatItemWrapper"]', // dm-new
    '[data-e2e="chat-item"]', // legacy
  ],
  /** where a person's words live: never read, only used to exclude */
  messageText: [
    '[class*="DivTextContainer"]', // shared (legacy in §1.2; 2026 bots use it for dm-new too)
  ],
  /** own message: this element is laid out row-reverse ([streak]) */
  ownLayout: [
    '[data-area="Actions"]', // dm-new
  ],
  /** per-row avatar link, compared with the own profile link */
  rowAvatar: [
    '[data-e2e="chat-avatar"]', // legacy
  ],
  /** the signed-in person's profile link in the navigation */
  ownProfileLink: [
    '[data-e2e="nav-profile"]', // shared
  ],
  /** per-row warning slot: holds an svg (red "!") or text only when the send failed */
  warningSlot: [
    '[data-e2e="dm-warning"]', // shared
  ],
  /** the sentence shown beside a failed message; tried in order */
  sendFailTip: [
    '[class*="DivNoticeContainer"] > [class*="DivSendFailTip"]', // shared (captured 2026, prefix 7937d88b)
    '[class*="DivSendFailTip"]', // shared
    '[class*="DivNoticeContainer"]', // shared
  ],
  /** bottom bar of the chat (composer or whatever replaces it) */
  chatBottom: [
    'div[data-e2e="dm-new-chat-bottom"]', // dm-new
    '[class*="DivChatBottom"]', // legacy
  ],
  /** composer wrapper */
  composer: [
    '[data-e2e="message-input-area"]', // shared
  ],
  /** the Draft.js editor itself */
  editor: [
    '[data-e2e="dm-new-input-editor"] [contenteditable="true"]', // dm-new
    '.public-DraftEditor-content[contenteditable="true"]', // legacy (Draft.js, both UIs)
    '[data-e2e="message-input-area"] .DraftEditor-root', // shared ([Omni] SelMessageInput)
  ],
  /** send button (appears only after typing) */
  sendButton: [
    'svg[data-e2e="dm-new-send-btn"]', // dm-new
    '[data-e2e="message-send"]', // legacy
    '[class*="StyledSendButton"]', // legacy (one bot, 2026-04)
  ],
  /** incoming message-request box that replaces the composer */
  requestBox: [
    '[class*="DivStrangerBox"]', // legacy ([SA]; dm-new markup unknown)
  ],
  /** toasts and banners */
  toast: [
    '[class*="TUXToastProvider"]', // shared
    '[role="alert"]', // shared
  ],
  /** dialogs (captcha, confirmations) */
  dialog: [
    '[role="dialog"]', // shared
    '.TUXModal-overlay', // shared
  ],
  /** top bar "Log in" button: the person is logged out */
  loginButton: [
    '[data-e2e="top-login-button"]', // shared
  ],
} as const satisfies Record<string, Selectors>;

export type Landmark = keyof typeof SELECTORS;

/** Landmarks that only one generation has; any dm-new-* test id means the new UI. */
export const GENERATION_MARKERS = {
  'dm-new': [
    '[data-e2e^="dm-new-"]', // dm-new
    ...SELECTORS.conversationMenu.slice(0, 1),
  ],
  legacy: [
    ...SELECTORS.conversationRow.slice(1),
    ...SELECTORS.conversationName.slice(1),
    ...SELECTORS.conversationMenu.slice(1),
    ...SELECTORS.chatPanel.slice(1),
    ...SELECTORS.chatHeader.slice(1),
    ...SELECTORS.messageRow.slice(2),
    ...SELECTORS.chatBottom.slice(1),
    ...SELECTORS.sendButton.slice(1),
    ...SELECTORS.inboxTools,
  ],
} as const satisfies Record<'dm-new' | 'legacy', Selectors>;

/** Shared landmarks that still mean "this is the messages UI" when no generation is recognised. */
export const INBOX_MARKERS: Selectors = [
  ...SELECTORS.chatHandle,
  ...SELECTORS.composer,
  ...SELECTORS.warningSlot,
  ...SELECTORS.requestBox,
];

/** Joins alternatives into one selector list for a single native query. */
export function anyOf(alternatives: Selectors): string {
  return alternatives.join(', ');
}
