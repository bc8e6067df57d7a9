import { loadAnswers } from './answers.js';
import { duration, h, pct, post, toast } from './dom.js';

const figure = (value, label) => h('div', { class: 'figure' }, h('b', {}, value), h('span', {}, label));

/** Each platform's figures for the period, as /baton report's "By platform" gives them. */
function byPlatform(rows) {
  if (!rows.length) return '';
  const head = h('tr', {}, ['Platform', 'Conversations', 'Escalation rate', 'CSAT', 'FCR'].map((t) => h('th', {}, t)));
  const cells = (f) => [String(f.matters), pct(f.escalationRate), `${pct(f.csat.score)} (${f.csat.rated} rated)`, pct(f.fcrRate)].map((t) => h('td', {}, t));
  return h('div', {}, h('strong', {}, 'By platform'), h('table', { class: 'counts', 'aria-label': 'By platform' }, head, rows.map((r) => h('tr', {}, h('td', {}, r.label), cells(r.figures)))));
}

/** Each queue's escalations and how long they waited, as /baton report's "By queue" gives them. */
function byQueue(rows) {
  if (!rows.length) return '';
  const head = h('tr', {}, ['Queue', 'Escalations', 'Claim p50 / p90', 'First response p50 / p90', 'Resolution p50 / p90', 'SLA breaches'].map((t) => h('th', {}, t)));
  const pair = (a, b) => `${duration(a)} / ${duration(b)}`;
  const cells = (q) => [q.queueId, String(q.escalations), pair(q.claimP50, q.claimP90), pair(q.firstResponseP50, q.firstResponseP90), pair(q.resolveP50, q.resolveP90), String(q.breaches)];
  return h('div', {}, h('strong', {}, 'By queue'), h('table', { class: 'counts', 'aria-label': 'By queue' }, head, rows.map((q) => h('tr', {}, cells(q).map((t) => h('td', {}, t))))));
}

const tally = (t) => `${t.offered} offered · ${t.sent} sent as is · ${t.edited} edited then sent · ${t.discarded} discarded · ${t.waiting} waiting · ${pct(t.acceptanceRate)} accepted`;

/** Copilot drafts as /baton report and /baton review count them: the total, then each category. */
function draftCounts(d) {
  if (!d.current.offered) return '';
  return h('div', { 'aria-label': 'Copilot drafts' }, h('strong', {}, 'Copilot drafts'), h('p', { class: 'sub' }, tally(d.current)),
    h('table', { class: 'counts' }, d.byCategory.map((r) => h('tr', {}, h('td', {}, r.category), h('td', {}, tally(r.tally))))));
}

function counts(title, rows) {
  return h('div', {}, h('strong', {}, title), rows.length ? h('table', { class: 'counts' }, rows.map((r) => h('tr', {}, h('td', {}, r.label), h('td', {}, String(r.count))))) : h('p', { class: 'sub' }, 'Nothing tagged yet.'));
}

/** The lead's view: the report and its chart, the weekly review with knowledge-base candidates, the export. */
export function leadView() {
  const period = h('select', { 'aria-label': 'Report period' }, [...[7, 30, 90].map((d) => h('option', { value: d }, `Last ${d} days`)), h('option', { value: 'quarter' }, 'This quarter')]);
  const report = h('section', { class: 'card', 'aria-label': 'Report' }, h('h2', {}, 'Report'));
  const review = h('section', { class: 'card', 'aria-label': 'Weekly review' }, h('h2', {}, 'Weekly review'));
  const answers = h('section', { class: 'card', 'aria-label': 'Answers to review' }, h('h2', {}, 'Answers to review'));
  const exportLinks = h('p', {});
  const root = h('section', { class: 'view' },
    h('header', { class: 'topbar' }, h('h1', {}, 'Report & review'), h('span', { class: 'sub' }, 'What /baton report, review and export show a lead in Slack'), h('label', { class: 'right' }, 'Period', period)),
    h('div', { class: 'scroll' }, h('div', { class: 'lead' }, report, review, answers,
      h('section', { class: 'card', 'aria-label': 'Export' }, h('h2', {}, 'Training export'), h('p', { class: 'sub' }, 'Closed, tagged escalations and copilot drafts a specialist edited, personal data redacted.'), exportLinks))));

  async function loadReport() {
    const quarter = period.value === 'quarter';
    const res = await fetch(`/api/report?${quarter ? 'period=quarter' : `days=${period.value}`}`).then((r) => r.json());
    const { current: f, queues } = res.report;
    // The export takes whole days: for the quarter, the days since it began.
    const days = quarter ? Math.max(1, Math.ceil((Date.now() - res.report.start) / 86_400_000)) : period.value;
    report.replaceChildren(h('h2', {}, `Report: ${res.label}`),
      h('div', { class: 'figures' },
        figure(String(f.matters), 'conversations'), figure(pct(f.escalationRate), 'escalation rate'), figure(pct(f.batonResolutionRate), 'resolved by Baton'),
        figure(pct(f.csat.score), `CSAT (${f.csat.rated} rated)`), figure(String(res.report.breaches.current), 'SLA breaches'),
        figure(String(f.clarify.asked), `clarifying questions (${f.clarify.answered} then answered, ${f.clarify.escalated} escalated)`)),
      h('div', { class: 'chart', role: 'img', 'aria-label': res.chart.title, html: res.chart.svg }),
      byQueue(queues),
      draftCounts(res.report.drafts),
      byPlatform(res.report.platforms));
    exportLinks.replaceChildren(
      h('a', { class: 'btn', href: `/api/export.csv?days=${days}`, download: '' }, 'Download CSV'), ' ',
      h('a', { class: 'btn', href: `/api/export.jsonl?days=${days}`, download: '' }, 'Download fine-tuning JSONL'));
  }

  async function loadReview() {
    const r = await fetch('/api/review').then((res) => res.json());
    review.replaceChildren(h('h2', {}, `Weekly review: ${r.tagged} tagged escalation${r.tagged === 1 ? '' : 's'}`),
      draftCounts(r.drafts),
      h('div', { class: 'figures' }, counts('Root cause', r.byRootCause), counts('AI accuracy', r.byAccuracy), counts('Automation potential', r.byAutomation)),
      h('h3', {}, 'Answer feedback'), votes(r.feedback),
      h('h3', {}, 'Content gaps'), ...gaps(r.gaps),
      h('h3', {}, 'Knowledge-base candidates'),
      ...(r.candidates.length ? r.candidates.map(candidate) : [h('p', { class: 'sub' }, 'None yet: close an escalation with a resolution note or a reply to the customer.')]));
  }

  /** Helpful share of the week's votes, by category and by knowledge source. */
  function votes(f) {
    const n = f.total.helpful + f.total.notHelpful;
    if (!n) return h('p', { class: 'sub' }, 'No votes on answers this week.');
    const rows = (list) => list.map((c) => ({ label: c.key, count: `${pct(c.rate)} of ${c.helpful + c.notHelpful}` }));
    return h('div', { class: 'figures' }, figure(pct(f.total.rate), `helpful (${n} votes)`), counts('By category', rows(f.byCategory)), counts('By source', rows(f.bySource)));
  }

  /** What Baton could not answer, by topic, with redacted example questions and the CSV of all of them. */
  function gaps(list) {
    const csv = h('a', { class: 'btn', href: '/api/gaps.csv?days=7', download: '' }, 'Download content gaps CSV');
    if (!list.length) return [h('p', { class: 'sub' }, 'None: Baton had an answer for every question this week.')];
    return [...list.slice(0, 8).map((g) => h('div', { class: 'candidate' }, h('strong', {}, `${g.topic} · ${g.count} question${g.count === 1 ? '' : 's'}: `),
      h('span', { class: 'sub' }, `${g.noSource} no source, ${g.belowThreshold} below threshold, ${g.notHelpful} not helpful`),
      g.examples.map((q) => h('div', { class: 'draft' }, q)))), h('p', {}, csv)];
  }

  function candidate(c) {
    const approve = async () => {
      const res = await post('/api/approve', { escalationId: c.escalationId });
      toast(res.ok ? 'Approved. Baton answers from this resolution from now on.' : res.refusal);
      await loadReview();
    };
    return h('div', { class: 'candidate' }, h('strong', {}, `${c.account} · ${c.category}: `), c.question, h('div', { class: 'draft' }, c.answer),
      c.approvedBy ? h('span', { class: 'csat-done' }, 'Approved') : h('button', { class: 'btn primary', type: 'button', onclick: approve }, 'Approve for the KB'));
  }

  period.addEventListener('change', () => loadReport());
  let pending;
  return {
    root,
    focus: () => period.focus(),
    /** Refreshes after the feed moves, at most a few times a second. */
    render() {
      clearTimeout(pending);
      pending = setTimeout(() => Promise.all([loadReport(), loadReview(), loadAnswers(answers)]).catch(() => toast('Could not load the report.')), 150);
    },
  };
}

