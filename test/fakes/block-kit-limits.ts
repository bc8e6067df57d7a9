/**
 * Block Kit limit checks for the fake Slack Web API (platform-facts §4).
 *
 * Pure: takes the JSON a client sent (as `unknown`, because it crossed a wire) and returns every
 * problem with a JSON pointer, in the shape Slack reports them
 * (`must be less than 3001 characters [json-pointer:/blocks/0/text/text]`). It checks only the
 * limits Baton can plausibly hit; it is not a full Block Kit schema.
 */

export type Surface = 'message' | 'modal' | 'home';

export interface BlockKitIssue {
  /** JSON pointer relative to the method's arguments, e.g. `/blocks/3/elements/0/value`. */
  pointer: string;
  message: string;
  /** `warning` mirrors Slack's `[WARN]` response_metadata messages; the call still succeeds. */
  severity: 'error' | 'warning';
}

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };
const MAX_ID = 255;

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects issues while walking; one instance per top-level check. */
class Walk {
  readonly issues: BlockKitIssue[] = [];

  error(pointer: string, message: string): void {
    this.issues.push({ pointer, message, severity: 'error' });
  }

  warn(pointer: string, message: string): void {
    this.issues.push({ pointer, message, severity: 'warning' });
  }

  maxLen(v: unknown, max: number, pointer: string): void {
    if (v === undefined) return;
    if (typeof v !== 'string') {
      this.error(pointer, 'must be a string');
      return;
    }
    if (v.length > max) this.error(pointer, `must be less than ${max + 1} characters`);
  }

  maxItems(v: unknown, max: number, pointer: string): v is unknown[] {
    if (v === undefined) return false;
    if (!Array.isArray(v)) {
      this.error(pointer, 'must be an array');
      return false;
    }
    if (v.length > max) this.error(pointer, `must be less than ${max + 1} items`);
    return true;
  }

  /** A text composition object: `{type: plain_text|mrkdwn, text}` with 1..max characters. */
  text(v: unknown, max: number, pointer: string, plainOnly = false): void {
    if (v === undefined) return;
    if (!isRecord(v)) {
      this.error(pointer, 'must be a text object');
      return;
    }
    if (v.type !== 'plain_text' && (plainOnly || v.type !== 'mrkdwn')) {
      this.error(`${pointer}/type`, plainOnly ? 'must be plain_text' : 'must be plain_text or mrkdwn');
    }
    if (typeof v.text !== 'string') {
      this.error(`${pointer}/text`, 'must provide a string');
      return;
    }
    if (v.text.length === 0) this.error(`${pointer}/text`, 'must be more than 0 characters');
    this.maxLen(v.text, max, `${pointer}/text`);
  }

  required(v: unknown, pointer: string, field: string): boolean {
    if (v !== undefined) return true;
    this.error(pointer, `missing required field: ${field}`);
    return false;
  }
}

/** Checks a `blocks` array for a message, modal or Home tab. */
export function checkBlocks(blocks: unknown, surface: Surface, pointer = '/blocks'): BlockKitIssue[] {
  const w = new Walk();
  walkBlocks(w, blocks, surface, pointer);
  return w.issues;
}

/**
 * Checks a message's top-level `text`. Slack silently truncates past 40,000 characters and
 * advises 4,000 (§4.3); we report the first as an error so a test notices the silent loss.
 */
export function checkMessageText(text: unknown, pointer = '/text'): BlockKitIssue[] {
  const w = new Walk();
  if (typeof text === 'string') {
    if (text.length > 40_000) w.error(pointer, 'must be less than 40001 characters');
    else if (text.length > 4_000) w.warn(pointer, 'should be less than 4001 characters');
  }
  return w.issues;
}

/** Checks a view object for views.open / views.update / views.publish. */
export function checkView(view: unknown, pointer = '/view'): BlockKitIssue[] {
  const w = new Walk();
  if (!isRecord(view)) {
    w.error(pointer, 'must be an object');
    return w.issues;
  }
  if (view.type !== 'modal' && view.type !== 'home') {
    w.error(`${pointer}/type`, 'must be one of modal, home');
    return w.issues;
  }
  const surface: Surface = view.type;
  if (surface === 'modal') {
    if (w.required(view.title, pointer, 'title')) w.text(view.title, 24, `${pointer}/title`, true);
    w.text(view.submit, 24, `${pointer}/submit`, true);
    w.text(view.close, 24, `${pointer}/close`, true);
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isRecord(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) w.error(pointer, 'missing required field: submit');
  }
  w.maxLen(view.private_metadata, 3000, `${pointer}/private_metadata`);
  w.maxLen(view.callback_id, MAX_ID, `${pointer}/callback_id`);
  w.maxLen(view.external_id, MAX_ID, `${pointer}/external_id`);
  if (w.required(view.blocks, pointer, 'blocks')) walkBlocks(w, view.blocks, surface, `${pointer}/blocks`);
  return w.issues;
}

function walkBlocks(w: Walk, blocks: unknown, surface: Surface, pointer: string): void {
  if (!w.maxItems(blocks, MAX_BLOCKS[surface], pointer)) return;
  blocks.forEach((block, i) => {
    walkBlock(w, block, `${pointer}/${i}`);
  });
}

function walkBlock(w: Walk, block: unknown, p: string): void {
  if (!isRecord(block) || typeof block.type !== 'string') {
    w.error(p, 'must provide a block type');
    return;
  }
  w.maxLen(block.block_id, MAX_ID, `${p}/block_id`);
  switch (block.type) {
    case 'section':
      if (block.text === undefined && block.fields === undefined) w.error(p, 'must provide text or fields');
      w.text(block.text, 3000, `${p}/text`);
      if (w.maxItems(block.fields, 10, `${p}/fields`)) {
        block.fields.forEach((f, i) => {
      w.text(f, 2000, `${p}/fields/${i}`);
    });
      }
      if (block.accessory !== undefined) walkElement(w, block.accessory, `${p}/accessory`);
      return;
    case 'header':
      if (w.required(block.text, p, 'text')) w.text(block.text, 150, `${p}/text`, true);
      return;
    case 'actions':
      if (w.required(block.elements, p, 'elements') && w.maxItems(block.elements, 25, `${p}/elements`)) {
        block.elements.forEach((e, i) => {
      walkElement(w, e, `${p}/elements/${i}`);
    });
      }
      return;
    case 'context':
      if (w.required(block.elements, p, 'elements')) w.maxItems(block.elements, 10, `${p}/elements`);
      return;
    case 'input':
      if (w.required(block.label, p, 'label')) w.text(block.label, 2000, `${p}/label`, true);
      w.text(block.hint, 2000, `${p}/hint`, true);
      if (w.required(block.element, p, 'element')) walkElement(w, block.element, `${p}/element`);
      return;
    case 'image':
      w.maxLen(block.alt_text, 2000, `${p}/alt_text`);
      w.text(block.title, 2000, `${p}/title`, true);
      return;
    case 'markdown':
      w.maxLen(block.text, 12_000, `${p}/text`);
      return;
    default:
      // divider, rich_text, file, video, ...: no limit Baton can hit.
      return;
  }
}

function walkElement(w: Walk, el: unknown, p: string): void {
  if (!isRecord(el) || typeof el.type !== 'string') {
    w.error(p, 'must provide an element type');
    return;
  }
  w.maxLen(el.action_id, MAX_ID, `${p}/action_id`);
  w.text(el.placeholder, 150, `${p}/placeholder`, true);
  if (el.confirm !== undefined) walkConfirm(w, el.confirm, `${p}/confirm`);
  switch (el.type) {
    case 'button':
      if (w.required(el.text, p, 'text')) w.text(el.text, 75, `${p}/text`, true);
      w.maxLen(el.value, 2000, `${p}/value`);
      w.maxLen(el.url, 3000, `${p}/url`);
      w.maxLen(el.accessibility_label, 75, `${p}/accessibility_label`);
      return;
    case 'static_select':
    case 'multi_static_select':
    case 'external_select':
    case 'multi_external_select':
      walkOptions(w, el.options, 100, `${p}/options`);
      if (w.maxItems(el.option_groups, 100, `${p}/option_groups`)) {
        el.option_groups.forEach((g, i) => {
          const gp = `${p}/option_groups/${i}`;
          if (!isRecord(g)) {
            w.error(gp, 'must be an object');
            return;
          }
          w.text(g.label, 75, `${gp}/label`, true);
          walkOptions(w, g.options, 100, `${gp}/options`);
        });
      }
      if (el.initial_option !== undefined) walkOption(w, el.initial_option, `${p}/initial_option`);
      return;
    case 'overflow':
      walkOptions(w, el.options, 5, `${p}/options`);
      return;
    case 'checkboxes':
    case 'radio_buttons':
      walkOptions(w, el.options, 10, `${p}/options`);
      return;
    case 'plain_text_input':
      walkLengthBound(w, el.min_length, 0, `${p}/min_length`);
      walkLengthBound(w, el.max_length, 1, `${p}/max_length`);
      return;
    default:
      return;
  }
}

function walkOptions(w: Walk, options: unknown, max: number, p: string): void {
  if (!w.maxItems(options, max, p)) return;
  options.forEach((o, i) => {
    walkOption(w, o, `${p}/${i}`);
  });
}

function walkOption(w: Walk, option: unknown, p: string): void {
  if (!isRecord(option)) {
    w.error(p, 'must be an option object');
    return;
  }
  if (w.required(option.text, p, 'text')) w.text(option.text, 75, `${p}/text`);
  // The docs now say 150 for `value`, @slack/types still says 75: we hold the stricter cap (§4.2).
  if (w.required(option.value, p, 'value')) w.maxLen(option.value, 75, `${p}/value`);
  w.text(option.description, 75, `${p}/description`, true);
}

function walkConfirm(w: Walk, confirm: unknown, p: string): void {
  if (!isRecord(confirm)) {
    w.error(p, 'must be a confirmation object');
    return;
  }
  w.text(confirm.title, 100, `${p}/title`, true);
  w.text(confirm.text, 300, `${p}/text`);
  w.text(confirm.confirm, 30, `${p}/confirm`, true);
  w.text(confirm.deny, 30, `${p}/deny`, true);
}

function walkLengthBound(w: Walk, v: unknown, min: number, p: string): void {
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > 3000) {
    w.error(p, `must be an integer between ${min} and 3000`);
  }
}
