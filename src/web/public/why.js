import { h, pct } from './dom.js';
import { state } from './state.js';

const LABEL = { answer: 'answered', escalate: 'handed over', ignore: 'let pass', clarify: 'asked which one' };
/** Copilot mode: nothing reached the customer yet; a specialist has the draft. */
const DRAFT_LABEL = 'draft with a specialist';

/** The small "Why" chip next to a message; opens the decision in the side panel. */
export function whyChip(messageId) {
  const why = state.why.get(messageId);
  if (!why) return '';
  const action = why.decision?.action;
  const text = why.draftWaiting ? DRAFT_LABEL : action ? `${LABEL[action]}${why.decision.trigger ? `: ${why.decision.trigger.replace('_', ' ')}` : ''}` : 'quiet';
  return h('button', { class: 'why-link', type: 'button', 'data-focus': `why:${messageId}`, onclick: () => showWhy(messageId) },
    h('span', { class: `why-chip ${why.draftWaiting ? 'quiet' : (action ?? 'quiet')}` }, text), ' Why?');
}

function gauge(confidence, threshold) {
  const below = confidence < threshold;
  return h('div', { class: 'gauge', role: 'img', 'aria-label': `confidence ${pct(confidence)}, needs ${pct(threshold)}` },
    placed(h('div', { class: `fill${below ? ' below' : ''}` }), 'width', confidence),
    placed(h('div', { class: 'mark', title: 'threshold' }), 'left', threshold));
}

/** Sets a share as a percentage through the style object: the page's CSP allows no inline style attribute. */
function placed(el, property, share) {
  el.style[property] = `${Math.round(Math.min(share, 1) * 100)}%`;
  return el;
}

function sentiment(s) {
  const parts = ['frustration', 'urgency', 'distress'].filter((k) => s[k] > 0).map((k) => `${k} ${pct(s[k])}`);
  return parts.length ? `${s.label} (${parts.join(', ')})` : s.label;
}

/** The message whose "Why?" the panel shows: closing the panel puts the focus back on its chip. */
let opener;

export function closeWhy() {
  const panel = document.getElementById('why');
  if (panel.hidden) return;
  panel.hidden = true;
  document.querySelector(`[data-focus="why:${CSS.escape(opener ?? '')}"]`)?.focus();
}

/** The audit trail of one decision: what Baton looked at, the bar it had to clear, and what fired. */
export function showWhy(messageId) {
  const why = state.why.get(messageId);
  const panel = document.getElementById('why');
  if (!why) return;
  const d = why.decision;
  const close = h('button', { class: 'btn', type: 'button', onclick: closeWhy }, 'Close');
  opener = messageId;
  panel.replaceChildren(...[
    h('header', {}, h('h2', {}, 'Why Baton did this'), close),
    h('p', {}, h('strong', {}, why.outcome)),
    d ? [
      h('dl', { class: 'facts' },
        h('dt', {}, 'Category'), h('dd', {}, d.category),
        h('dt', {}, 'Risk tier'), h('dd', {}, d.risk),
        h('dt', {}, 'Confidence'), h('dd', {}, d.threshold > 0 ? [`${pct(d.confidence)} against the ${d.risk} tier's ${pct(d.threshold)}`, gauge(d.confidence, d.threshold)] : 'not assessed: handed over before an answer was drafted'),
        h('dt', {}, 'Sentiment'), h('dd', {}, sentiment(d.sentiment)),
        h('dt', {}, 'Loop'), h('dd', {}, d.loop ? `yes (asked ${d.askings ?? 2} times)` : `no${d.askings ? ` (asked ${d.askings}×)` : ''}`),
        h('dt', {}, 'Complexity'), h('dd', {}, d.complexity),
        h('dt', {}, 'Matrix'), h('dd', {}, d.matrixAction ?? '–'),
        h('dt', {}, 'Trigger'), h('dd', {}, d.trigger ? d.triggerText : `none: ${d.rule}`)),
      h('h3', {}, 'Sources used'),
      d.sources.length ? h('ul', {}, d.sources.map((s) => h('li', {}, s.url ? h('a', { href: s.url, target: '_blank', rel: 'noopener' }, s.title) : s.title, s.source ? ` (${s.source})` : ''))) : h('p', {}, 'None.'),
      h('details', {}, h('summary', {}, 'Engine evidence'), h('ul', { class: 'reasons' }, d.reasons.map((r) => h('li', {}, r)))),
    ] : '',
    why.escalationId ? h('p', {}, `Escalation ${why.escalationId}`) : '',
  ].flat());
  panel.hidden = false;
  close.focus();
}
