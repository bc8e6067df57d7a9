import { h, post, toast } from './dom.js';
import { state } from './state.js';

const FIELDS = [
  { key: 'rootCause', name: 'root_cause', label: 'Root cause', options: () => state.setup.closeForm.rootCauses },
  { key: 'aiAccuracy', name: 'ai_accuracy', label: 'How accurate was Baton?', options: () => state.setup.closeForm.aiAccuracy },
  { key: 'automation', name: 'automation_potential', label: 'Could Baton handle this next time?', options: () => state.setup.closeForm.automation },
];

/** The close form: the three tags and a note. The server validates; its field errors show under each field. */
export function openCloseForm(packet) {
  const dialog = document.getElementById('close-dialog');
  const selects = FIELDS.map((f) => ({ ...f, select: h('select', { name: f.name }, h('option', { value: '' }, 'Choose…'), f.options().map((o) => h('option', { value: o.value }, o.label))), error: h('span', { class: 'error', role: 'alert' }) }));
  const note = h('textarea', { name: 'resolution_note', rows: 3, placeholder: 'What solved it (optional; it may become a knowledge-base candidate)' });
  const form = h('form', { method: 'dialog' },
    h('h2', { id: 'close-title' }, `Close ${packet.escalationId}`),
    h('p', { class: 'sub' }, `${packet.account.name}: ${packet.summary.split('\n')[0]}`),
    selects.map((f) => h('label', {}, f.label, f.select, f.error)),
    h('label', {}, 'Resolution note', note),
    h('menu', {}, h('button', { class: 'btn', type: 'button', onclick: () => dialog.close() }, 'Cancel'), h('button', { class: 'btn primary', type: 'submit' }, 'Close escalation')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { escalationId: packet.escalationId, note: note.value };
    for (const f of selects) if (f.select.value) body[f.key] = f.select.value;
    const r = await post('/api/close', body);
    for (const f of selects) {
      const message = r.errors?.[f.name];
      f.error.textContent = message ?? '';
      f.select.setAttribute('aria-invalid', message ? 'true' : 'false');
    }
    if (r.status === 422) return selects.find((f) => r.errors?.[f.name])?.select.focus();
    if (r.refusal) toast(r.refusal);
    dialog.close();
  });
  dialog.replaceChildren(form);
  dialog.showModal();
  selects[0].select.focus();
}
