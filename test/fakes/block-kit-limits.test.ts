import { describe, expect, it } from 'vitest';
import { checkBlocks, checkMessageText, checkView } from './block-kit-limits.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (over: Record<string, unknown> = {}) => ({ type: 'button', action_id: 'claim', text: plain('Claim'), value: 'esc_1', ...over });
const pointers = (issues: { pointer: string }[]) => issues.map((i) => i.pointer);

describe('checkBlocks', () => {
  it('accepts a realistic handoff message', () => {
    const blocks = [
      { type: 'header', text: plain('Escalation: billing') },
      section('*Customer:* Acme'),
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*Tier*\nGold' }] },
      { type: 'actions', block_id: 'handoff', elements: [button(), button({ action_id: 'close', text: plain('Close') })] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'via Baton' }] },
      { type: 'divider' },
    ];
    expect(checkBlocks(blocks, 'message')).toEqual([]);
  });

  it('reports section text over 3000 with Slack wording and pointer', () => {
    expect(checkBlocks([section('x'.repeat(3001))], 'message')).toEqual([
      { pointer: '/blocks/0/text/text', message: 'must be less than 3001 characters', severity: 'error' },
    ]);
  });

  it('rejects empty text, since Slack requires at least one character', () => {
    expect(pointers(checkBlocks([section('')], 'message'))).toEqual(['/blocks/0/text/text']);
  });

  it('caps blocks at 50 in a message but 100 in a modal or Home tab', () => {
    const many = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    expect(checkBlocks(many, 'message')).toEqual([{ pointer: '/blocks', message: 'must be less than 51 items', severity: 'error' }]);
    expect(checkBlocks(many, 'modal')).toEqual([]);
    expect(checkBlocks([...many, ...many], 'home')).toHaveLength(1);
  });

  it('checks fields count and length, header length and type', () => {
    const fields = Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'y' }));
    fields[2] = { type: 'mrkdwn', text: 'y'.repeat(2001) };
    const issues = checkBlocks([{ type: 'section', fields }, { type: 'header', text: { type: 'mrkdwn', text: 'h'.repeat(151) } }], 'message');
    expect(pointers(issues)).toEqual(['/blocks/0/fields', '/blocks/0/fields/2/text', '/blocks/1/text/type', '/blocks/1/text/text']);
  });

  it('checks button text, value, action_id and block_id, and actions element count', () => {
    const elements = [button({ text: plain('b'.repeat(76)), value: 'v'.repeat(2001), action_id: 'a'.repeat(256) })];
    for (let i = 0; i < 25; i += 1) elements.push(button({ action_id: `b${i}` }));
    const issues = checkBlocks([{ type: 'actions', block_id: 'k'.repeat(256), elements }], 'message');
    expect(pointers(issues)).toEqual([
      '/blocks/0/block_id',
      '/blocks/0/elements',
      '/blocks/0/elements/0/action_id',
      '/blocks/0/elements/0/text/text',
      '/blocks/0/elements/0/value',
    ]);
  });

  it('checks context element count and select options (text and value at 75)', () => {
    const context = { type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })) };
    const select = {
      type: 'static_select',
      action_id: 'category',
      options: [{ text: plain('o'.repeat(76)), value: 'v'.repeat(76) }],
    };
    const input = { type: 'input', block_id: 'cat', label: plain('l'.repeat(2001)), element: select };
    expect(pointers(checkBlocks([context, input], 'modal'))).toEqual([
      '/blocks/0/elements',
      '/blocks/1/label/text',
      '/blocks/1/element/options/0/text/text',
      '/blocks/1/element/options/0/value',
    ]);
  });

  it('reports a non-array blocks argument', () => {
    expect(checkBlocks('not blocks', 'message')).toEqual([{ pointer: '/blocks', message: 'must be an array', severity: 'error' }]);
  });
});

describe('checkView', () => {
  const modal = (over: Record<string, unknown> = {}) => ({
    type: 'modal',
    callback_id: 'close_tags',
    title: plain('Close escalation'),
    submit: plain('Close'),
    close: plain('Cancel'),
    private_metadata: '{"escalationId":"esc_1"}',
    blocks: [{ type: 'input', block_id: 'resolution', label: plain('Resolution'), element: { type: 'plain_text_input', action_id: 'text' } }],
    ...over,
  });

  it('accepts a realistic tagging modal', () => {
    expect(checkView(modal())).toEqual([]);
  });

  it('enforces title/submit/close at 24 and private_metadata at 3000', () => {
    const issues = checkView(modal({ title: plain('t'.repeat(25)), submit: plain('s'.repeat(25)), close: plain('c'.repeat(25)), private_metadata: 'p'.repeat(3001) }));
    expect(pointers(issues)).toEqual(['/view/title/text', '/view/submit/text', '/view/close/text', '/view/private_metadata']);
  });

  it('requires title, and submit when an input block is present', () => {
    const { title: _t, submit: _s, ...rest } = modal();
    expect(checkView(rest).map((i) => i.message)).toEqual(['missing required field: title', 'missing required field: submit']);
  });

  it('applies the 100-block cap to a Home tab', () => {
    const blocks = Array.from({ length: 101 }, () => ({ type: 'divider' }));
    expect(pointers(checkView({ type: 'home', blocks }))).toEqual(['/view/blocks']);
  });
});

describe('checkMessageText', () => {
  it('warns over 4,000 and errors over 40,000 characters', () => {
    expect(checkMessageText('a'.repeat(4000))).toEqual([]);
    expect(checkMessageText('a'.repeat(4001))).toEqual([{ pointer: '/text', message: 'should be less than 4001 characters', severity: 'warning' }]);
    expect(checkMessageText('a'.repeat(40_001))[0]?.severity).toBe('error');
  });
});
