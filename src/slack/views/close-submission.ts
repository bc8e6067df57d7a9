import type { App } from '@slack/bolt';
import { z } from 'zod';
import { closeEscalation, validateClose } from '../../core/escalation/close-escalation.js';
import { CLOSE_FIELD, VIEW } from '../../core/model/actions.js';
import { escalationIdValue } from '../normalize/action-payload.js';
import type { SlackDeps } from '../slack-deps.js';

const fieldValue = z
  .object({
    selected_option: z.object({ value: z.string() }).nullish(),
    value: z.string().nullish(),
  })
  .partial();
const submission = z.object({
  user: z.object({ id: z.string(), team_id: z.string().optional(), name: z.string().optional(), username: z.string().optional() }),
  view: z.object({
    private_metadata: z.string(),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), fieldValue)) }),
  }),
});

function read(values: Record<string, Record<string, z.infer<typeof fieldValue>>>, field: string): string | undefined {
  const v = values[field]?.[field];
  return v?.selected_option?.value ?? v?.value ?? undefined;
}

/** The tagging modal's submit: missing fields come back as errors in the modal; otherwise it closes. */
export function registerCloseSubmission(app: App, deps: SlackDeps): void {
  app.view(VIEW.closeEscalation, async ({ ack, body }) => {
    const parsed = submission.safeParse(body);
    const id = escalationIdValue.safeParse(parsed.data?.view.private_metadata);
    if (!parsed.success || !id.success) {
      await ack({ response_action: 'errors', errors: { [CLOSE_FIELD.rootCause]: 'This form is out of date; close it and press Close again.' } });
      return;
    }
    const values = parsed.data.view.state.values;
    const input = {
      rootCause: read(values, CLOSE_FIELD.rootCause),
      aiAccuracy: read(values, CLOSE_FIELD.aiAccuracy),
      automation: read(values, CLOSE_FIELD.automation),
      note: read(values, CLOSE_FIELD.note),
    };
    const invalid = validateClose(deps.core.policy, input);
    if (invalid) {
      await ack({ response_action: 'errors', errors: invalid });
      return;
    }
    // Checked before the modal closes, so a second specialist's tags are refused in the modal, not lost.
    const current = await deps.core.escalations.get(id.data);
    if (current?.status !== 'open' && current?.status !== 'claimed') {
      const by = current?.resolvedBy?.name ?? current?.resolvedBy?.id;
      const message = current ? `Already resolved${by ? ` by ${by}` : ''}; nothing to close.` : 'This escalation no longer exists.';
      await ack({ response_action: 'errors', errors: { [CLOSE_FIELD.rootCause]: message } });
      return;
    }
    await ack();
    const { user } = parsed.data;
    const author = await deps.directory.author(user.id, user.team_id);
    const result = await closeEscalation(deps.core, id.data, { ...author, name: author.name ?? user.name ?? user.username }, input);
    if (!result.ok) deps.log.warn({ escalationId: id.data, reason: result.reason }, 'close refused');
  });
}
