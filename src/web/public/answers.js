import { h, post, toast } from './dom.js';

/** The exact text with each marked span highlighted: the words are the ones customers get. */
function markedText(text, marks) {
  const parts = [];
  let at = 0;
  for (const m of marks) {
    parts.push(text.slice(at, m.start), h('mark', { title: m.kind }, m.text));
    at = m.end;
  }
  parts.push(text.slice(at));
  return h('div', { class: 'draft', 'aria-label': 'Customers would see exactly' }, parts);
}

const markList = (marks) =>
  marks.length ? h('p', { class: 'sub' }, 'Marked (likely one ticket\u2019s): ', marks.map((m) => `${m.kind}: \u201c${m.text}\u201d`).join(' \u00b7 ')) : h('p', { class: 'sub' }, 'Nothing marked.');

/** One topic: the proposed text, editable; who it answers; the confirmation of marked spans; Approve and Reject. */
function topic(p, rank, accounts, reload) {
  const text = h('textarea', { 'aria-label': `Answer for ${p.topic}`, rows: 4 });
  text.value = p.answer;
  const audience = h('select', { 'aria-label': `Who ${p.topic} answers` }, h('option', { value: 'everyone' }, 'Every customer'), accounts.map((a) => h('option', { value: a.id }, `${a.name} only`)));
  const confirm = h('input', { type: 'checkbox', 'aria-label': `Marked spans of ${p.topic} confirmed` });
  const decide = async (kind) => {
    const edited = text.value !== p.answer;
    const body = kind === 'reject' ? { kind, topic: p.topic } : { kind, topic: p.topic, version: p.version, for: audience.value, confirmMarked: confirm.checked, ...(edited ? { answer: text.value } : {}) };
    const res = await post('/api/answers/decide', body);
    if (!res.ok) return toast(res.refusal ?? 'Nothing changed.');
    toast(kind === 'reject' ? `Rejected: ${p.topic} is not proposed again.` : 'Approved. Baton answers from it now.');
    await reload();
  };
  const source = p.drafted === 'llm' ? 'drafted from several resolutions' : 'its most representative resolution, cleaned';
  return h('div', { class: 'candidate', 'aria-label': `Topic ${p.topic}` },
    h('strong', {}, `${rank}. ${p.topic}${p.category ? ` (${p.category})` : ''} \u00b7 ${p.volume} conversation${p.volume === 1 ? '' : 's'} \u00b7 ${source}`),
    markedText(p.answer, p.marks), markList(p.marks),
    h('label', {}, 'Edit the answer', text),
    h('div', { class: 'row' }, h('label', {}, 'Answers ', audience), ' ', h('label', {}, confirm, ' The marked spans left in are right for all it answers')),
    h('button', { class: 'btn primary', type: 'button', onclick: () => decide('approve') }, 'Approve'), ' ',
    h('button', { class: 'btn', type: 'button', onclick: () => decide('reject') }, 'Reject'));
}

/** "Answers to review": the history's top topics with their proposed answers, as /baton review lists them. */
export async function loadAnswers(section) {
  const reload = () => loadAnswers(section);
  const { proposals, accounts } = await fetch('/api/answers').then((r) => r.json());
  section.replaceChildren(h('h2', {}, 'Answers to review'),
    h('p', { class: 'sub' }, 'Imported history is never quoted to customers. Approve an answer for every customer or one account; marked spans block the approval until you edit them out or confirm them.'),
    ...(proposals.length ? proposals.map((p, i) => topic(p, i + 1, accounts, reload)) : [h('p', { class: 'sub' }, 'No topic of the imported history waits for review.')]));
}
