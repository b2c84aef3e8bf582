// Every landmark of TikTok's /messages page, as alternatives tried together (or in order, where
// the reader says so). Each alternative's comment names the UI generation it comes from and its
// anchor family:
//   generation  dm-new (the inbox live since 2026-04), legacy (the older inbox), shared (both)
//   family      testid (`data-e2e`), class (the stable `--ComponentName` part of a class),
//               structure (ids, roles, ARIA, attributes that are neither of the other two)
// TikTok renames test ids, rotates class hashes every release and sometimes renames a component:
// every landmark that decides whether a failure is seen has anchors in at least two families, so
// losing one family loses nothing (tests/unit/page/selectors.test.ts checks this).
// Classes are matched by their component name only; the `css-<hash>-<prefix>--` part changes with
// every build. Sources: docs/tiktok-web.md (facts copied from the shared TikTok reference).
// Guessed `data-e2e` values that were never observed are deliberately absent.

export type Selectors = readonly string[];

export const SELECTORS = {
  /** the inbox route's main container */
  inboxRoot: [
    '#main-content-messages', // shared, structure
  ],
  /** conversation list (left column) */
  conversationList: [
    'div[data-e2e="dm-new-conversation-list"]', // dm-new, testid
    '[class*="DivConversationListContainer"]', // shared, class
    '[class*="UlInboxList"]', // legacy, class
  ],
  /** one conversation in the list */
  conversationRow: [
    '[data-e2e="dm-new-conversation-item"]', // dm-new, testid
    '[class*="DivConversationItem"]', // dm-new, class
    '[data-conv-id]', // dm-new, structure
    '[data-e2e="chat-list-item"]', // legacy, testid
    'li[class*="InboxItemWrapper"]', // legacy, class
  ],
  /** a conversation row's name */
  conversationName: [
    '[data-e2e="dm-new-conversation-nickname"]', // dm-new, testid
    '[class*="PInfoNickname"]', // legacy, class
  ],
  /** a conversation row's "more" menu */
  conversationMenu: [
    '[data-e2e="conversation-more-action"]', // dm-new, testid
    '[aria-label="dm_more"]', // dm-new, structure (an untranslated key)
    '[data-e2e="more-action-icon"]', // legacy, testid
  ],
  /** requests group and inbox search (inbox column, older UI) */
  inboxTools: [
    '[class*="DivRequestGroup"]', // legacy, class
    'input[data-e2e="search-user-input"]', // legacy, testid
  ],
  /** the open chat (header, messages, composer) */
  chatPanel: [
    '[data-e2e="dm-new-chatbox"]', // dm-new, testid
    '[class*="DivChatPanel"]', // dm-new, class
    '[class*="DivChatBox"]', // legacy, class
    '[class*="DivChatMain"]', // legacy, class
  ],
  /** the open chat's header */
  chatHeader: [
    '[data-e2e="dm-new-chat-nickname"]', // dm-new, testid
    '[class*="DivChatTopBar"]', // dm-new, class
    '[data-e2e="chat-nickname"]', // legacy, testid
    '[data-e2e="top-chat-avatar"]', // legacy, testid
    '[class*="DivChatHeader"]', // legacy, class
  ],
  /** the open chat's @handle (just "@" while loading) */
  chatHandle: [
    'p[data-e2e="chat-uniqueid"]', // shared, testid
    '[class*="PChatUniqueId"]', // dm-new, class
    '[class*="PUniqueId"]', // legacy, class
  ],
  /** scrolling list of messages */
  messageList: [
    '[data-e2e="dm-new-message-list"]', // dm-new, testid
    '[class*="DivMessageList"]', // dm-new, class
    '[class*="DivChatMainContent"]', // legacy, class
  ],
  /** one message row (virtualised: rows mount and unmount on scroll) */
  messageRow: [
    '[data-e2e="dm-new-chat-item"]', // dm-new, testid
    '[class*="DivChatItemWrapper"]', // dm-new, class
    '[data-e2e="chat-item"]', // legacy, testid
    '[class*="DivChatItemContainer"]', // legacy, class
  ],
  /** where a person's words live: never read, only used to exclude */
  messageText: [
    '[class*="DivTextContainer"]', // shared, class
    'p[class*="PText"]', // shared, class
  ],
  /** the area of a row that holds the message (words, media, TikTok's placeholders): never read for notices */
  messageArea: [
    '[class*="DivMessageContent"]', // dm-new, class
    '[class*="DivCommentContainer"]', // legacy, class
  ],
  /** own message: this element is laid out row-reverse */
  ownLayout: [
    '[data-area="Actions"]', // dm-new, structure
    '[class*="DivActionsContainer"]', // dm-new, class
  ],
  /** per-row avatar link, compared with the own profile link (older UI) */
  rowAvatar: [
    '[data-e2e="chat-avatar"]', // legacy, testid
    'a[href*="/@"]', // shared, structure
  ],
  /** the signed-in person's profile link in the navigation */
  ownProfileLink: [
    '[data-e2e="nav-profile"]', // shared, testid
    '[class*="DivProfileContainer"] a[href*="/@"]', // legacy, class
    'a[aria-label="Profile"][href*="/@"]', // dm-new, structure
  ],
  /** per-row warning slot: holds an svg (red "!") or text only when the send failed */
  warningSlot: [
    '[data-e2e="dm-warning"]', // shared, testid
    '[class*="DivWarning"]', // shared, class (DivWarningContainer in dm-new, DivWarning in legacy)
  ],
  /** the sentence shown beside a failed message, or as a bar under the chat header; tried in order */
  sendFailTip: [
    '[class*="DivNoticeContainer"] > [class*="DivSendFailTip"]', // shared, class (captured 2026)
    '[class*="DivSendFailTip"]', // shared, class
    '[class*="DivNoticeContainer"]', // shared, class
  ],
  /** bottom bar of the chat (composer or whatever replaces it) */
  chatBottom: [
    'div[data-e2e="dm-new-chat-bottom"]', // dm-new, testid
    '[class*="DivBottomBar"]', // dm-new, class
    '[class*="DivChatBottom"]', // legacy, class
  ],
  /** composer wrapper */
  composer: [
    '[data-e2e="message-input-area"]', // shared, testid
    '[class*="DivMessageInputAndSendButton"]', // dm-new, class
    '[class*="DivInputAreaContainer"]', // shared, class
  ],
  /** the Draft.js editor itself */
  editor: [
    '[data-e2e="dm-new-input-editor"] [contenteditable="true"]', // dm-new, testid
    '.public-DraftEditor-content[contenteditable="true"]', // shared, class (Draft.js)
    '[contenteditable="true"][role="textbox"]', // shared, structure
  ],
  /** anything a person can type into: its text is never read */
  typing: [
    '[contenteditable]:not([contenteditable="false"])', // shared, structure
    'input', // shared, structure
  ],
  /** send button (appears only after typing) */
  sendButton: [
    'svg[data-e2e="dm-new-send-btn"]', // dm-new, testid
    '[data-e2e="message-send"]', // legacy, testid
    '[class*="StyledSendButton"]', // legacy, class (one bot, 2026-04)
  ],
  /** incoming message-request box that replaces the composer (only class anchors are known) */
  requestBox: [
    '[class*="DivStrangerBox"]', // legacy, class
  ],
  /** toasts and banners */
  toast: [
    '[class*="TUXToastProvider"]', // shared, class
    '[role="alert"]', // shared, structure
  ],
  /** dialogs (captcha, confirmations) */
  dialog: [
    '[role="dialog"]', // shared, structure
    '.TUXModal-overlay', // shared, class
  ],
  /** TikTok's own full-page states: their containers, never the inbox around them */
  pageState: [
    '[class*="DivErrorContainer"]', // shared, class (error and "visiting too fast")
    '[class*="DivRegionBlock"]', // shared, class
    '#loginContainer', // shared, structure
    '[class*="DivLoginContainer"]', // shared, class
  ],
  /** top bar "Log in" button: the person is logged out */
  loginButton: [
    '[data-e2e="top-login-button"]', // shared, testid
    '[class*="StyledLoginButton"]', // shared, class
  ],
} as const satisfies Record<string, Selectors>;

export type Landmark = keyof typeof SELECTORS;

/** Landmarks whose loss would hide a failure: each must keep anchors in two families. */
export const CRITICAL: readonly Landmark[] = [
  'chatPanel',
  'chatHeader',
  'messageList',
  'messageRow',
  'warningSlot',
  'chatBottom',
  'composer',
  'editor',
  'conversationList',
  'conversationRow',
];

/** Landmarks that only one generation has. */
export const GENERATION_MARKERS = {
  'dm-new': [
    '[data-e2e^="dm-new-"]', // dm-new, testid
    '[data-e2e="conversation-more-action"]', // dm-new, testid
    '[class*="DivChatPanel"]', // dm-new, class
    '[class*="DivMessageList"]', // dm-new, class
    '[class*="DivChatItemWrapper"]', // dm-new, class
    '[data-conv-id]', // dm-new, structure
  ],
  legacy: [
    '[data-e2e="chat-list-item"]', // legacy, testid
    'li[class*="InboxItemWrapper"]', // legacy, class
    '[class*="PInfoNickname"]', // legacy, class
    '[data-e2e="more-action-icon"]', // legacy, testid
    '[class*="DivChatBox"]', // legacy, class
    '[class*="DivChatHeader"]', // legacy, class
    '[data-e2e="chat-nickname"]', // legacy, testid
    '[data-e2e="top-chat-avatar"]', // legacy, testid
    '[data-e2e="chat-item"]', // legacy, testid
    '[class*="DivChatItemContainer"]', // legacy, class
    '[class*="DivChatBottom"]', // legacy, class
    '[data-e2e="message-send"]', // legacy, testid
    '[class*="DivRequestGroup"]', // legacy, class
    'input[data-e2e="search-user-input"]', // legacy, testid
  ],
} as const satisfies Record<'dm-new' | 'legacy', Selectors>;

/** Shared landmarks that still mean "this is the messages UI" when no generation is recognised. */
export const INBOX_MARKERS: Selectors = [
  ...SELECTORS.chatHandle,
  ...SELECTORS.composer,
  ...SELECTORS.warningSlot,
  ...SELECTORS.requestBox,
  ...SELECTORS.conversationList,
];

/** The time label TikTok prints in a row: part of a failure's identity (never its text). */
export const ROW_TIME: Selectors = [
  '[class*="DivTimeContainer"]', // shared, class
  'time', // shared, structure
];

/** Joins alternatives into one selector list for a single native query. */
export function anyOf(alternatives: Selectors): string {
  return alternatives.join(', ');
}
