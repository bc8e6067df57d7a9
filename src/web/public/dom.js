/** h('button', { class: 'btn', onclick }, 'Claim'): an element with attributes, listeners and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'html') el.innerHTML = value; // only ever HTML the server escaped and rendered
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  el.append(...children.flat(Infinity).filter((c) => c !== undefined && c !== null && c !== false));
  return el;
}

export const clock = (ms) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** 5 min, 1 h 5 min, 2 d 3 h (at least a minute; the sign is for the words around it), as /baton report writes them. */
export function duration(ms) {
  if (ms === undefined || ms === null) return '–';
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export const pct = (x) => (x === undefined || x === null ? '–' : `${Math.round(x * 100)}%`);

/** Keeps a scrolled list pinned to its newest item, unless the reader scrolled up to read. */
export function stickToBottom(el, update) {
  const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
  update();
  if (atBottom) el.scrollTop = el.scrollHeight;
}

/**
 * Redraws without losing the keyboard's place: a control marked `data-focus` gets the focus back once
 * redrawn; if it is gone (Claim gives way to Release), the first button of its `data-focus-scope` does.
 */
export function keepFocus(update) {
  const active = document.activeElement;
  const key = active?.dataset?.focus;
  const scope = active?.closest?.('[data-focus-scope]')?.dataset.focusScope;
  update();
  if (!key || document.activeElement?.dataset?.focus === key) return;
  const again = document.querySelector(`[data-focus="${CSS.escape(key)}"]`);
  const fallback = scope && document.querySelector(`[data-focus-scope="${CSS.escape(scope)}"] button`);
  (again ?? fallback)?.focus();
}

let toastTimer;
/** A private note for the person at the keyboard, like Slack's "Only visible to you". */
export function toast(text) {
  const el = document.getElementById('toast');
  el.replaceChildren(h('small', {}, 'Only visible to you'), text);
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (el.hidden = true), 5000);
}

/** Sent with every change: the server takes changes only from the page it served (request-guard.ts). */
const pageToken = document.querySelector('meta[name="baton-page-token"]')?.getAttribute('content') ?? '';

export async function post(path, body) {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-baton-page-token': pageToken }, body: JSON.stringify(body) });
  const json = await res.json().catch(() => ({}));
  if (res.status >= 400 && json.error) toast(json.error);
  return { status: res.status, ...json };
}

/** A one-line form: Enter sends, the box empties once the server took it. */
export function composer(placeholder, label, onSend) {
  const input = h('input', { type: 'text', placeholder, 'aria-label': label, autocomplete: 'off' });
  const form = h('form', { class: 'composer' }, input, h('button', { class: 'btn primary', type: 'submit' }, 'Send'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.disabled = true;
    const ok = await onSend(text).finally(() => (input.disabled = false));
    if (ok !== false) input.value = '';
    input.focus();
  });
  form.input = input;
  return form;
}
