import { boardView } from './board.js';
import { inboxView } from './inbox.js';
import { h, keepFocus, post } from './dom.js';
import { leadView } from './lead.js';
import { roomView } from './room.js';
import { closeWhy } from './why.js';
import { apply, state } from './state.js';

const views = new Map();
let current;

function viewFor(route) {
  if (views.has(route)) return views.get(route);
  const [kind, id] = route.split('/');
  let view;
  if (kind === 'room') view = roomView(state.setup.accounts.find((a) => a.room === id) ?? state.setup.accounts[0]);
  else if (kind === 'board') view = boardView(state.setup.queues.find((q) => q.board === id) ?? state.setup.queues[0]);
  else if (kind === 'inbox') view = inboxView();
  else view = leadView();
  views.set(route, view);
  return view;
}

function route() {
  const hash = location.hash.slice(1);
  return /^(room|board)\/[\w-]+$|^lead$|^inbox$/.test(hash) ? hash : `room/${state.setup.accounts[0].room}`;
}

/**
 * Where each view's list was left: a list taken out of the page loses its scroll, so it is put back on
 * return. Rooms and boards open at their newest item, and stay there if they were left there.
 */
const scrolled = new Map();

function leave(view) {
  const list = view.root.querySelector('.scroll');
  if (list) scrolled.set(view, list.scrollHeight - list.scrollTop - list.clientHeight < 80 ? 'newest' : list.scrollTop);
}

function restore(view) {
  const list = view.root.querySelector('.scroll');
  const at = scrolled.get(view) ?? (view.newestLast ? 'newest' : 0);
  if (list) list.scrollTop = at === 'newest' ? list.scrollHeight : at;
}

function show() {
  const r = route();
  if (current) leave(current);
  current = viewFor(r);
  document.getElementById('main').replaceChildren(current.root);
  for (const a of document.querySelectorAll('.channels a')) a.toggleAttribute('aria-current', a.getAttribute('href') === `#${r}`);
  for (const a of document.querySelectorAll('.channels a[aria-current]')) a.setAttribute('aria-current', 'page');
  current.render();
  restore(current);
  current.focus();
}

function sidebar() {
  const link = (href, label, extra) => h('li', {}, h('a', { href }, h('span', { class: 'hash' }, '#'), label, extra));
  document.getElementById('rooms').replaceChildren(...state.setup.accounts.map((a) => link(`#room/${a.room}`, a.room, h('span', { class: 'sub' }, ''))));
  document.getElementById('boards').replaceChildren(...state.setup.queues.map((q) => link(`#board/${q.board}`, q.board, h('span', { class: 'badge', 'data-board': q.board, hidden: true }))));
}

/** The unclaimed count on each queue, as Slack shows unread. */
function badges() {
  for (const badge of document.querySelectorAll('.badge[data-board]')) {
    const open = [...state.packets.values()].filter((p) => p.board === badge.dataset.board && p.packet.status === 'open').length;
    badge.textContent = String(open);
    badge.hidden = open === 0;
  }
}

function listen() {
  const live = document.getElementById('live');
  const events = new EventSource('/api/events');
  const status = (on) => {
    live.textContent = on ? 'live' : 'reconnecting…';
    live.classList.toggle('on', on);
  };
  events.onopen = () => status(true);
  events.onerror = () => status(false);
  events.onmessage = (message) => {
    apply(JSON.parse(message.data));
    badges();
    if (current) keepFocus(() => current.render());
  };
}

/** On a phone the channel list is a menu above the view. */
function menu(open) {
  document.querySelector('.sidebar').classList.toggle('open', open);
  document.getElementById('menu').setAttribute('aria-expanded', String(open));
}

async function start() {
  state.setup = await fetch('/api/setup').then((r) => r.json());
  sidebar();
  window.addEventListener('hashchange', () => {
    menu(false);
    show();
  });
  document.getElementById('menu').addEventListener('click', () => menu(!document.querySelector('.sidebar').classList.contains('open')));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeWhy();
  });
  document.getElementById('reset').addEventListener('click', async () => {
    if (confirm('Empty the playground: every conversation, escalation, rating and report fact?')) await post('/api/reset', {});
  });
  show();
  listen();
}

start();
