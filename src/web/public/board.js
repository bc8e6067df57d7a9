import { openCloseForm } from './close-form.js';
import { clock, composer, h, post, stickToBottom, toast } from './dom.js';
import { state } from './state.js';

const STATUS = { open: 'Open: unclaimed', claimed: 'Claimed', resolved: 'Resolved' };
const DRAFT_STATUS = { pending: 'Draft waiting for review', sent: 'Sent as is by', edited: 'Edited and sent by', discarded: 'Discarded by' };

async function act(path, escalationId) {
  const r = await post(path, { escalationId });
  if (r.refusal) toast(r.refusal);
}

/** A specialist queue's internal channel: handoff packets arrive live, with Claim, Release, Close and a reply box. */
export function boardView(queue) {
  const cards = new Map();
  /** Copilot drafts whose "Edit and send" is open: the reply box holds the draft and sends it edited. */
  const editing = new Set();
  const notes = h('div');
  const list = h('div', { class: 'scroll', role: 'log', 'aria-label': `Handoff packets in #${queue.board}` }, notes);
  const root = h('section', { class: 'view' },
    h('header', { class: 'topbar' }, h('h1', {}, `# ${queue.board}`), h('span', { class: 'sub' }, `Internal · ${queue.role} · SLA ${queue.sla}`),
      h('span', { class: 'right' }, `You are ${state.setup.staff.name}, a specialist and lead`)),
    list);

  function card(id) {
    if (cards.has(id)) return cards.get(id);
    const content = h('div');
    const reply = composer('Reply to the customer in their thread…', 'Reply to the customer', async (text) => {
      const { packet } = state.packets.get(id);
      if (packet.draft?.state !== 'pending') return (await post('/api/reply', { escalationId: packet.escalationId, text })).status === 200;
      const r = await post('/api/draft/send', { escalationId: packet.escalationId, text });
      if (r.refusal) toast(r.refusal);
      editing.delete(id);
      return r.ok;
    });
    const el = h('article', { class: 'packet', 'data-escalation': '' }, content, reply);
    cards.set(id, { el, content, reply });
    return cards.get(id);
  }

  return {
    root,
    newestLast: true,
    focus: () => list.querySelector('.packet button')?.focus(),
    render() {
      const packets = [...state.packets.values()].filter((p) => p.board === queue.board).sort((a, b) => a.at - b.at);
      stickToBottom(list, () => {
        for (const entry of packets) {
          const c = card(entry.id);
          const p = entry.packet;
          c.el.className = `packet ${p.status}`;
          c.el.dataset.escalation = p.escalationId;
          const edit = () => {
            editing.add(entry.id);
            c.reply.input.value = p.draft.text;
            c.reply.hidden = false;
            c.reply.input.focus();
          };
          c.content.replaceChildren(...packetContent(entry, edit));
          c.reply.hidden = p.draft ? !(p.draft.state === 'discarded' || (p.draft.state === 'pending' && editing.has(entry.id))) : p.status === 'resolved';
          if (c.el.parentNode !== list) list.append(c.el);
        }
        for (const [id, { el }] of cards) {
          if (packets.some((p) => p.id === id)) continue;
          el.remove();
          cards.delete(id);
        }
        const alerts = state.alerts.filter((a) => a.board === queue.board).map((a) => h('div', { class: 'alert' }, a.text));
        const empty = packets.length === 0 ? h('p', { class: 'empty' }, `Escalations routed to the ${queue.role}s land here, live, with everything needed to pick them up.`) : '';
        notes.replaceChildren(empty, ...alerts);
      });
    },
  };
}

/** A copilot draft's buttons: Send as is, Edit and send (the reply box below, holding the draft), Discard. */
function draftButtons(p, edit) {
  if (p.draft.state !== 'pending') return [];
  return [
    h('button', { class: 'btn primary', type: 'button', onclick: () => act('/api/draft/send', p.escalationId) }, 'Send as is'),
    h('button', { class: 'btn', type: 'button', onclick: edit }, 'Edit and send'),
    h('button', { class: 'btn', type: 'button', onclick: () => confirm('Discard this draft? Nothing of it is sent.') && act('/api/draft/discard', p.escalationId) }, 'Discard'),
  ];
}

/** An unclaimed packet says so, and whether its SLA ran out (and moved it to the backup queue). */
function openStatus(p) {
  if (p.moved?.direction === 'to') return `SLA breached: moved to the ${p.moved.role} queue`;
  return p.breachedAt !== undefined ? 'SLA breached: unclaimed' : STATUS.open;
}

function statusOf(p) {
  if (p.draft) return p.draft.state === 'pending' ? DRAFT_STATUS.pending : `${DRAFT_STATUS[p.draft.state]} ${p.draft.by}`;
  return p.status === 'claimed' ? `Claimed by ${p.claimedBy}` : p.status === 'resolved' ? `Resolved by ${p.resolvedBy}` : openStatus(p);
}

/** One of the packet's "Articles for the team": linked title and section, its source, and whether it is internal. */
function articleItem(c) {
  const about = [c.source, c.internal ? 'internal' : ''].filter(Boolean).join(', ');
  const title = c.url && /^https?:\/\//.test(c.url) ? h('a', { href: c.url, target: '_blank', rel: 'noopener' }, c.title) : c.title;
  return h('li', {}, title, about ? ` (${about})` : '');
}

function packetContent({ packet: p, internal, at, draftHtml }, edit) {
  const me = state.setup.staff.name;
  const status = statusOf(p);
  const buttons = p.draft ? draftButtons(p, edit) : [
    p.status === 'open' ? h('button', { class: 'btn primary', type: 'button', 'data-focus': `claim:${p.escalationId}`, onclick: () => act('/api/claim', p.escalationId) }, 'Claim') : '',
    p.status === 'claimed' && p.claimedBy === me ? h('button', { class: 'btn', type: 'button', 'data-focus': `release:${p.escalationId}`, onclick: () => act('/api/release', p.escalationId) }, 'Release') : '',
    p.status !== 'resolved' ? h('button', { class: 'btn', type: 'button', 'data-focus': `close:${p.escalationId}`, onclick: () => openCloseForm(p) }, 'Close…') : '',
  ];
  return [
    h('header', {}, h('h3', {}, `${p.draft ? 'Copilot draft · ' : ''}${p.account.name}: ${p.category.replaceAll('_', ' ')}`), h('span', { class: `pill ${p.status}` }, status),
      h('span', { class: 'sub' }, `${p.escalationId} · opened ${clock(at)} · due ${clock(p.dueAt)}`)),
    h('p', { class: 'summary' }, p.summary),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Account'), h('dd', {}, `${p.account.name} (${p.account.tier}) `, p.account.crmUrl ? h('a', { href: p.account.crmUrl, target: '_blank', rel: 'noopener' }, 'CRM') : ''),
      h('dt', {}, 'Queue'), h('dd', {}, `${p.queue.role}, SLA ${p.queue.sla}`),
      p.page ? [h('dt', {}, 'Page'), h('dd', {}, p.page)] : '',
      h('dt', {}, p.draft ? 'Why it is here' : 'Why escalated'), h('dd', {}, p.reason),
      p.signals.map((s) => [h('dt', {}, s.label), h('dd', {}, s.value)]),
      p.tags ? [h('dt', {}, 'Tags'), h('dd', {}, `${p.rootCauseLabel ?? p.tags.rootCause} · AI ${p.tags.aiAccuracy.replace('_', ' ')} · automation ${p.tags.automation}`)] : ''),
    p.draftAnswer ? h('div', { class: 'draft' }, h('strong', {}, `Baton's draft (${Math.round(p.draftAnswer.confidence * 100)}% confident): `), h('span', { html: draftHtml }),
      p.draft && p.draftAnswer.citations.length ? h('p', { class: 'sub' }, `Sources: ${p.draftAnswer.citations.map((c) => c.title).join(' · ')}`) : '') : '',
    p.articles?.length ? h('div', { class: 'articles' }, h('strong', {}, 'Articles for the team'), h('ul', {}, p.articles.map(articleItem))) : '',
    h('details', {}, h('summary', {}, `Full conversation (${p.transcript.length} ${p.transcript.length === 1 ? 'message' : 'messages'})`),
      h('ol', { class: 'transcript' }, p.transcript.map((t) => h('li', {}, h('strong', {}, `${t.authorName ?? t.role}: `), t.text)))),
    internal.length ? h('div', { class: 'internal' }, internal.map((n) => h('p', {}, h('time', {}, clock(n.at)), ' ', n.text))) : '',
    h('div', { class: 'actions', 'data-focus-scope': p.escalationId }, buttons),
  ];
}
