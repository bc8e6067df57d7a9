import { clock, composer, h, post, stickToBottom, toast } from './dom.js';
import { state } from './state.js';
import { whyChip } from './why.js';

/** Three questions that show the three paths with the shipped policy: an answer, an escalation, a person. */
const TRY = ['How do I invite a teammate?', 'Why was I charged twice this month?', 'Can I talk to a human please?'];

const initials = (name) => name.slice(0, 1).toUpperCase();

/** A customer's shared channel: threads of questions and Baton's answers, as the customer sees them. */
export function roomView(account) {
  let customer = account.customers[0];
  const cards = new Map();
  const list = h('div', { class: 'scroll', role: 'log', 'aria-label': `Messages in #${account.room}` });
  const picker = h('select', { 'aria-label': 'Posting as' }, account.customers.map((c) => h('option', { value: c.id }, `${c.name} (${account.name})`)));
  picker.addEventListener('change', () => (customer = account.customers.find((c) => c.id === picker.value)));
  const ask = (text, thread) => post('/api/customer-messages', { account: account.id, customer: customer.id, text, ...(thread ? { thread } : {}) }).then((r) => r.status === 200);
  // A new question goes to the end of the room: show the end, and stay there for its answer.
  const askNew = (text) => {
    list.scrollTop = list.scrollHeight;
    return ask(text);
  };
  const main = composer(`Ask a new question in #${account.room}`, 'New question', askNew);
  const suggest = h('div', { class: 'suggest' }, h('span', { class: 'hint' }, 'Try:'), TRY.map((q) => h('button', { type: 'button', onclick: () => askNew(q) }, q)));
  const root = h('section', { class: 'view' },
    h('header', { class: 'topbar' }, h('h1', {}, `# ${account.room}`), h('span', { class: 'sub' }, `Shared with ${account.name} · ${account.tier}`),
      h('label', { class: 'right' }, 'Posting as', picker)),
    list,
    h('div', { class: 'composer-wrap' }, suggest, main));

  const actions = {
    rate: (key, rating) => post('/api/csat', { conversationKey: key, customer: customer.id, rating }),
    person: (key) => post('/api/talk-to-human', { conversationKey: key, customer: customer.id }),
    vote: (answer, messageId, vote) => post('/api/answer-feedback', { answer, messageId, vote, customer: customer.id }),
  };

  function card(thread) {
    if (cards.has(thread)) return cards.get(thread);
    const msgs = h('div', { class: 'msgs' });
    const reply = composer('Reply in thread…', 'Reply in thread', (text) => ask(text, thread));
    const el = h('article', { class: 'thread', 'data-thread': thread }, msgs, reply);
    cards.set(thread, { el, msgs });
    return cards.get(thread);
  }

  return {
    root,
    newestLast: true,
    focus: () => main.input.focus(),
    render() {
      const threads = [...(state.rooms.get(account.room) ?? new Map()).entries()].sort((a, b) => a[1].at - b[1].at);
      suggest.hidden = threads.length > 0;
      stickToBottom(list, () => {
        for (const [thread, { messages }] of threads) {
          const { el, msgs } = card(thread);
          const [first, ...rest] = messages;
          msgs.replaceChildren(message(first, actions), rest.length ? h('div', { class: 'replies' }, rest.map((m) => message(m, actions))) : '');
          if (el.parentNode !== list) list.append(el);
        }
        for (const [thread, { el }] of cards) {
          if (threads.some(([t]) => t === thread)) continue;
          el.remove();
          cards.delete(thread);
        }
        if (threads.length === 0) list.replaceChildren(h('p', { class: 'empty' }, `This is #${account.room}, the channel ${account.name} shares with your team. Ask something below as one of their people: Baton answers, or hands over to the right specialist.`));
        else list.querySelector('.empty')?.remove();
      });
    },
  };
}

function message(m, actions) {
  if (m.role === 'action') return h('div', { class: 'msg' }, h('span'), h('div', { class: 'meta' }, h('span', { class: 'tag' }, `pressed “${m.pressed}”`), whyChip(m.messageId)));
  const why = state.why.get(m.id);
  return h('div', { class: 'msg', 'data-role': m.role },
    h('div', { class: `avatar ${m.role}`, 'aria-hidden': 'true' }, m.role === 'bot' ? 'B' : initials(m.author)),
    h('div', {},
      h('div', { class: 'meta' }, h('span', { class: 'name' }, m.author), m.role === 'bot' ? h('span', { class: 'tag' }, 'APP') : m.role === 'staff' ? h('span', { class: 'tag' }, 'your team') : '', h('time', {}, clock(m.at)), why ? whyChip(m.id) : ''),
      h('div', { class: 'body', html: m.html }),
      m.sources?.length ? h('div', { class: 'sources' }, h('span', {}, 'Source:'), m.sources.map((s) => (s.url ? h('a', { class: 'source', href: s.url, target: '_blank', rel: 'noopener' }, s.title) : h('span', { class: 'source' }, s.title)))) : '',
      m.feedback ? feedback(m, actions) : '',
      m.offerHuman ? [h('div', { class: 'actions' }, h('button', { class: 'btn', type: 'button', onclick: () => person(actions, m.offerHuman.conversationKey) }, m.offerHuman.label)), h('div', { class: 'footer-note' }, m.offerHuman.footer)] : '',
      m.csat ? csat(m, actions) : ''));
}

async function person(actions, key) {
  const r = await actions.person(key);
  if (r.refusal) toast(r.refusal);
}

/** Helpful / Not helpful under an answer; once a vote counts, the buttons give way to the acknowledgement. */
function feedback(m, actions) {
  const done = state.csatDone.get(m.id);
  if (done) return h('div', { class: 'csat-done' }, done);
  const press = (vote) => async () => {
    const r = await actions.vote(m.feedback.answer, m.id, vote);
    if (r.refusal) toast(r.refusal);
  };
  return h('div', { class: 'actions', role: 'group', 'aria-label': 'Was this answer helpful?' },
    h('button', { class: 'btn', type: 'button', onclick: press('helpful') }, m.feedback.helpful),
    h('button', { class: 'btn', type: 'button', onclick: press('not_helpful') }, m.feedback.notHelpful));
}

function csat(m, actions) {
  const done = state.csatDone.get(m.id);
  if (done) return h('div', { class: 'csat-done' }, done);
  return h('div', { class: 'actions', role: 'group', 'aria-label': 'Rate this conversation' },
    m.csat.scale.map((s) => h('button', { class: 'btn', type: 'button', onclick: async () => {
      const r = await actions.rate(m.csat.conversationKey, s.value);
      if (r.refusal) toast(r.refusal);
    } }, s.label)));
}

