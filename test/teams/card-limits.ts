import { expect } from 'vitest';
import { type AdaptiveCard, CARD_VERSION, MAX_CARD_BYTES } from '../../src/teams/render/adaptive-card.js';

/** Teams renders at most this many buttons in one action row (more are cut into an overflow menu). */
const MAX_ACTIONS = 6;

type Element = Record<string, unknown>;

function elements(list: unknown): Element[] {
  return Array.isArray(list) ? (list as Element[]) : [];
}

function checkAction(a: Element): void {
  expect(['Action.Execute', 'Action.Submit', 'Action.OpenUrl']).toContain(a.type);
  expect(typeof a.title === 'string' && a.title.length > 0).toBe(true);
  if (a.type !== 'Action.Execute') return;
  // Clients below 1.5 run the fallback: it must carry the same verb and data, as Baton's parser reads it.
  const fallback = a.fallback as Element | undefined;
  expect(fallback?.type).toBe('Action.Submit');
  expect(fallback?.data).toEqual({ verb: a.verb, data: a.data });
}

/** Schema 1.5 (Action.Execute), under the message size cap, and every element shaped as Teams renders it. */
export function assertCardWithinLimits(card: AdaptiveCard): void {
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe(CARD_VERSION);
  expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
  const actions = elements(card.actions);
  expect(actions.length).toBeLessThanOrEqual(MAX_ACTIONS);
  actions.forEach(checkAction);
  elements(card.body).forEach(checkElement);
}

/** Teams shows at most this many choices in one ChoiceSet's list. */
const MAX_CHOICES = 100;

function checkElement(el: Element): void {
  expect(['TextBlock', 'RichTextBlock', 'ActionSet', 'FactSet', 'Container', 'Input.ChoiceSet', 'Input.Text', 'Input.Toggle', 'Chart.Line']).toContain(el.type);
  if (el.type === 'TextBlock') expect(typeof el.text === 'string' && el.text.length > 0).toBe(true);
  if (el.type === 'RichTextBlock') for (const run of elements(el.inlines)) expect(run.type === 'TextRun' && typeof run.text === 'string' && run.text.length > 0).toBe(true);
  if (el.type === 'Container') elements(el.items).forEach(checkElement);
  if (el.type === 'ActionSet') {
    expect(elements(el.actions).length).toBeLessThanOrEqual(MAX_ACTIONS);
    elements(el.actions).forEach(checkAction);
  }
  if (String(el.type).startsWith('Input.')) {
    // An input's id is the key its value comes back under; a label says what it is for.
    expect(typeof el.id === 'string' && el.id.length > 0).toBe(true);
    expect(typeof el.label === 'string' && el.label.length > 0).toBe(true);
  }
  if (el.type === 'Input.Toggle') expect(typeof el.title === 'string' && typeof el.valueOn === 'string').toBe(true);
  if (el.type === 'Chart.Line') {
    // Teams draws each series from its points; a client without charts shows the fallback, which must be an element it knows.
    for (const line of elements(el.data)) expect(typeof line.legend === 'string' && elements(line.values).every((v) => typeof v.x === 'string' && typeof v.y === 'number')).toBe(true);
    checkElement(el.fallback as Element);
  }
  if (el.type === 'Input.ChoiceSet') {
    const choices = elements(el.choices);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(MAX_CHOICES);
    for (const c of choices) expect(typeof c.title === 'string' && typeof c.value === 'string').toBe(true);
  }
}
