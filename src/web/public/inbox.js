import { clock, composer, duration, h, post, toast } from './dom.js';
import { state } from './state.js';

const STATUS = { open: 'Open: unclaimed', claimed: 'Claimed', closed: 'Closed' };
/** Open rows' time left is kept current between loads. */
const TICK_MS = 30_000;

/** The SLA promises a person picks it up by its due time: while nobody has, the time left or overdue; after, whether they did. */
function slaText(row, elapsed) {
  if (row.status !== 'open') return row.slaMs >= 0 ? 'Picked up in time' : `Picked up ${duration(row.slaMs)} late`;
  const left = row.slaMs - elapsed;
  return left >= 0 ? `${duration(left)} left` : `Overdue by ${duration(left)}`;
}

const checkbox = (label) => {
  const input = h('input', { type: 'checkbox' });
  return { input, el: h('label', { class: 'check' }, input, label) };
};

/** A specialist's inbox: every escalation from the store, filtered by queue, status, "claimed by me" and breaching. */
export function inboxView() {
  const queue = h('select', { class: 'field', 'aria-label': 'Queue' }, h('option', { value: '' }, 'All queues'), state.setup.queues.map((q) => h('option', { value: q.id }, q.board)));
  const status = h('select', { class: 'field', 'aria-label': 'Status' }, h('option', { value: '' }, 'Any status'), Object.entries(STATUS).map(([value, label]) => h('option', { value }, label)));
  const mine = checkbox('Claimed by me');
  const breaching = checkbox('Breaching SLA');
  const count = h('p', { class: 'sub', role: 'status' });
  const list = h('div', { class: 'inbox-list' });
  const root = h('section', { class: 'view' },
    h('header', { class: 'topbar' }, h('h1', {}, 'Inbox'), h('span', { class: 'sub' }, 'Every escalation of the last 30 days, from the store'),
      h('span', { class: 'right' }, `You are ${state.setup.staff.name}`)),
    h('div', { class: 'scroll' }, h('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: (e) => e.preventDefault() }, queue, status, mine.el, breaching.el), count, list));
  const rows = new Map();
  let loaded = { rows: [], at: Date.now() };
  let pending;

  function item(id) {
    if (rows.has(id)) return rows.get(id);
    const content = h('div');
    const note = composer('Add an internal note: only the team sees it…', 'Internal note', async (text) => (await post('/api/note', { escalationId: id, text })).ok);
    const assignee = h('select', { class: 'field', 'aria-label': 'Assign to' }, state.setup.team.map((p) => h('option', { value: p.id }, p.name)));
    const assign = h('div', { class: 'actions' }, h('label', { class: 'check' }, 'Assign to ', assignee),
      h('button', { class: 'btn', type: 'button', onclick: async () => {
        const r = await post('/api/assign', { escalationId: id, to: assignee.value });
        if (r.refusal) toast(r.refusal);
      } }, 'Assign'));
    const el = h('article', { class: 'inbox-row' }, content, assign, note);
    rows.set(id, { el, content, assign });
    return rows.get(id);
  }

  function draw() {
    const elapsed = Date.now() - loaded.at;
    count.textContent = `${loaded.rows.length} ${loaded.rows.length === 1 ? 'escalation' : 'escalations'}`;
    const shown = loaded.rows.map((r) => {
      const it = item(r.escalationId);
      it.el.className = `inbox-row ${r.status}${r.breaching ? ' breaching' : ''}`;
      it.el.dataset.escalation = r.escalationId;
      it.assign.hidden = r.status === 'closed';
      const board = state.setup.queues.find((q) => q.id === r.queueId)?.board;
      it.content.replaceChildren(
        h('header', {}, h('h3', {}, `${r.account}: ${r.category.replaceAll('_', ' ')}`), h('span', { class: `pill ${r.status === 'closed' ? 'resolved' : r.status}` }, STATUS[r.status]),
          h('span', { class: `sla${r.breaching ? ' late' : ''}` }, slaText(r, elapsed))),
        h('p', { class: 'sub' }, `${r.escalationId} · ${r.queueRole} queue · ${r.trigger} · opened ${clock(r.openedAt)} · due ${clock(r.dueAt)}`,
          r.claimedBy ? ` · claimed by ${r.claimedBy.name ?? r.claimedBy.id}` : '', ' · ', board ? h('a', { href: `#board/${board}` }, `Open in #${board}`) : ''),
        r.notes.length ? h('div', { class: 'internal', 'aria-label': 'Internal notes' }, r.notes.map((n) => h('p', {}, h('time', {}, clock(n.at)), ` Internal note from ${n.by.name ?? n.by.id}: ${n.text}`))) : '');
      return it.el;
    });
    for (const [id, { el }] of rows) {
      if (loaded.rows.some((r) => r.escalationId === id)) continue;
      el.remove();
      rows.delete(id);
    }
    if (shown.some((el, i) => list.children[i] !== el) || list.children.length !== shown.length) list.replaceChildren(...shown);
    if (!shown.length) list.replaceChildren(h('p', { class: 'empty' }, 'No escalation matches these filters.'));
  }

  async function load() {
    const q = new URLSearchParams({ queue: queue.value, status: status.value, ...(mine.input.checked ? { mine: '1' } : {}), ...(breaching.input.checked ? { breaching: '1' } : {}) });
    const res = await fetch(`/api/inbox?${q}`).then((r) => r.json());
    if (res.error) return toast(res.error);
    loaded = { rows: res.rows, at: Date.now() };
    draw();
  }

  for (const control of [queue, status, mine.input, breaching.input]) control.addEventListener('change', () => load());
  setInterval(() => root.isConnected && draw(), TICK_MS);
  return {
    root,
    focus: () => queue.focus(),
    /** Loads again after the feed moves (a claim, a note, a new escalation), at most a few times a second. */
    render() {
      clearTimeout(pending);
      pending = setTimeout(() => load().catch(() => toast('Could not load the inbox.')), 150);
    },
  };
}
