import { describe, expect, it } from 'vitest';
import { chatHandle, chatPanel, composerArea, failedRows, isOwnRow, scanPage } from '../../../src/page/read-page';
import { scanRows } from '../../../src/page/landmarks';
import { anyOf, SELECTORS } from '../../../src/page/selectors';

const messageRows = (doc: Document): Element[] => Array.from(doc.querySelectorAll(anyOf(SELECTORS.messageRow)));
import { FIXTURES, HANDLE_MARKER, MARKER } from '../../fixtures/index';
import { loadFixture } from './load-fixture';

describe('readPage over every saved page', () => {
  for (const fixture of FIXTURES) {
    describe(fixture.file, () => {
      const doc = loadFixture(fixture.file);
      const observation = scanPage(doc).observation;

      it('reads exactly the expected observation', () => {
        expect(observation).toEqual(fixture.expected);
      });

      it('finds the failed rows and the handle', () => {
        expect(failedRows(doc)).toHaveLength(fixture.failedRowCount);
        expect(chatHandle(doc)).toBe(fixture.handle);
      });

      it("never carries people's words, names or handles", () => {
        const json = JSON.stringify(observation);
        expect(json).not.toContain(MARKER);
        expect(json.toLowerCase()).not.toContain(HANDLE_MARKER);
        expect(json).not.toContain('7f3a');
      });

      it('reports notice text as plain, short text', () => {
        if (!observation.notice) return;
        expect(observation.notice.text.length).toBeLessThanOrEqual(200);
        expect(observation.notice.text).toBe(observation.notice.text.replace(/\s+/g, ' ').trim());
      });

      it('reads the same twice (pure)', () => {
        expect(scanPage(doc).observation).toEqual(observation);
      });
    });
  }
});

describe('healthy chats (negative cases)', () => {
  const healthy = ['dm-new-healthy.html', 'dm-new-recipient-svg.html', 'legacy-healthy.html'];
  for (const file of healthy) {
    it(`${file}: no failure, no notice, editor present, despite quoted notices and svg icons`, () => {
      const doc = loadFixture(file);
      const observation = scanPage(doc).observation;
      expect(observation.failures).toEqual({ total: 0, own: 0 });
      expect(observation.notice).toBeNull();
      expect(observation.composer).toBe('present');
      expect(observation.unsupportedMessage).toBe(false);
      // the traps are really there
      expect(doc.querySelectorAll('[data-e2e="dm-new-chat-item"] svg, [data-e2e="chat-item"] svg').length).toBeGreaterThan(0);
      expect(doc.getElementById('__UNIVERSAL_DATA_FOR_REHYDRATION__')?.textContent).toContain('To send messages');
    });
  }

  it('a person quoting a notice sentence is not a notice', () => {
    const doc = loadFixture('dm-new-healthy.html');
    expect(doc.body.textContent).toContain('You are sending messages too fast. Take a rest.');
    expect(doc.body.textContent).toContain("This message type isn't supported. Download TikTok app to view this message.");
    expect(scanPage(doc).observation.notice).toBeNull();
  });
});

describe('helpers for the live watcher', () => {
  it('chatPanel is the chat box of either generation, null without a chat', () => {
    expect(chatPanel(loadFixture('dm-new-healthy.html'))?.getAttribute('data-e2e')).toBe('dm-new-chatbox');
    expect(chatPanel(loadFixture('legacy-healthy.html'))?.className).toContain('DivChatBox');
    expect(chatPanel(loadFixture('dm-new-no-chat.html'))).toBeNull();
    expect(chatPanel(loadFixture('login.html'))).toBeNull();
  });

  it('failedRows returns the message rows in DOM order', () => {
    const doc = loadFixture('dm-new-failed-twice.html');
    const rows = failedRows(doc);
    expect(rows.map((r) => r.getAttribute('data-e2e'))).toEqual(['dm-new-chat-item', 'dm-new-chat-item']);
    expect(rows[0]!.compareDocumentPosition(rows[1]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('isOwnRow: row-reverse layout (dm-new) and own avatar link (older UI)', () => {
    for (const file of ['dm-new-healthy.html', 'legacy-healthy.html', 'business-failed-e5.html']) {
      const rows = messageRows(loadFixture(file));
      const own = rows.map((row) => isOwnRow(row));
      expect(own.some(Boolean), file).toBe(true);
      expect(own.every(Boolean), file).toBe(false);
    }
    const dmNew = messageRows(loadFixture('dm-new-healthy.html')).map((row) => isOwnRow(row));
    expect(dmNew.slice(0, 4)).toEqual([false, true, false, true]);
    const legacy = messageRows(loadFixture('legacy-healthy.html')).map((row) => isOwnRow(row));
    expect(legacy).toEqual([false, true, false, true, false]);
  });

  it('isOwnRow reads an inline row-reverse without computed style', () => {
    const doc = new DOMParser().parseFromString(
      '<div data-e2e="dm-new-chat-item"><div data-area="Actions" style="display:flex; flex-direction: row-reverse"></div></div>',
      'text/html',
    );
    expect(isOwnRow(doc.querySelector('[data-e2e="dm-new-chat-item"]')!)).toBe(true);
  });

  it('scanRows counts every mounted row once, each with its warning slot', () => {
    expect(scanRows(loadFixture('dm-new-busy.html'))).toMatchObject({ rows: 251, withSlot: 251 });
    expect(scanRows(loadFixture('legacy-healthy.html'))).toMatchObject({ rows: 5, withSlot: 5 });
  });

  it('composerArea finds the bottom bar, the block note and the request box', () => {
    expect(composerArea(loadFixture('dm-new-block-note.html'))?.getAttribute('data-e2e')).toBe('dm-new-chat-bottom');
    expect(composerArea(loadFixture('legacy-request-box.html'))?.className).toContain('DivStrangerBox');
    expect(composerArea(loadFixture('legacy-healthy.html'))?.className).toContain('DivChatBottom');
    expect(composerArea(loadFixture('dm-new-no-chat.html'))).toBeNull();
  });

  it('chatHandle is null while the header says just "@"', () => {
    const doc = loadFixture('dm-new-healthy.html');
    doc.querySelector('p[data-e2e="chat-uniqueid"]')!.textContent = '@';
    expect(chatHandle(doc)).toBeNull();
  });
});
