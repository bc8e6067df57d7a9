/**
 * views.open / views.update / views.publish. Slack answers a malformed view with
 * `invalid_arguments` plus json-pointer messages (platform-facts §4.4), an oversized one with
 * `view_too_large` (§4.1), a reused trigger with `exchanged_trigger_id` and a stale hash with
 * `hash_conflict` (§3.4); the fake does the same so the app's handling of each is testable.
 */
import { checkView } from './block-kit-limits.js';
import type { StoredView } from './fake-slack-state.js';
import { argString, fail, rejectIssues, type ApiResult, type MethodContext, type MethodHandler } from './fake-slack-method-kit.js';

const MAX_VIEW_BYTES = 250 * 1024;
/** Slack's trigger_id format, e.g. `132456.7890123.abcdef` (§3.4). */
const TRIGGER_ID = /^\d+\.\d+\.[0-9a-f]+$/;

type Json = Record<string, unknown>;

/** Validates the `view` argument; returns it as an object, or the error body. */
function readView(ctx: MethodContext): Json | ApiResult {
  const view = ctx.args.view;
  if (view === undefined) return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: view'] } });
  if (typeof view !== 'object' || view === null || Array.isArray(view)) return fail('invalid_arguments');
  if (Buffer.byteLength(JSON.stringify(view)) > MAX_VIEW_BYTES) return fail('view_too_large');
  return rejectIssues(ctx, checkView(view), 'invalid_arguments') ?? (view as Json);
}

const isError = (v: Json | ApiResult): v is ApiResult => v.ok === false;

/** The view object Slack returns: the input plus the fields Slack owns. */
function storeView(ctx: MethodContext, input: Json, previous?: StoredView, userId?: string): StoredView {
  const { state } = ctx;
  const id = previous?.id ?? state.nextId('V');
  const stored: StoredView = {
    private_metadata: '',
    callback_id: '',
    clear_on_close: false,
    notify_on_close: false,
    ...input,
    id,
    team_id: state.team.id,
    type: String(input.type),
    external_id: typeof input.external_id === 'string' ? input.external_id : (previous?.external_id ?? ''),
    state: { values: {} },
    hash: `${Date.now()}.${state.nextId('h')}`,
    previous_view_id: null,
    root_view_id: previous?.root_view_id ?? id,
    app_id: state.bot.appId,
    app_installed_team_id: state.team.id,
    bot_id: state.bot.botId,
    ...(userId !== undefined ? { user_id: userId } : {}),
  };
  state.views.set(id, stored);
  return stored;
}

const open: MethodHandler = (ctx) => {
  const trigger = argString(ctx.args, 'trigger_id');
  if (trigger === undefined || !TRIGGER_ID.test(trigger)) return fail('invalid_trigger_id');
  if (ctx.state.usedTriggers.has(trigger)) return fail('exchanged_trigger_id');
  const view = readView(ctx);
  if (isError(view)) return view;
  ctx.state.usedTriggers.add(trigger);
  return { ok: true, view: storeView(ctx, view) };
};

const update: MethodHandler = (ctx) => {
  const viewId = argString(ctx.args, 'view_id');
  const externalId = argString(ctx.args, 'external_id');
  if (viewId === undefined && externalId === undefined) {
    return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] either view_id or external_id is required'] } });
  }
  const previous = [...ctx.state.views.values()].find((v) =>
    viewId !== undefined ? v.id === viewId : v.external_id === externalId,
  );
  if (previous === undefined) return fail('not_found');
  const hash = argString(ctx.args, 'hash');
  if (hash !== undefined && hash !== previous.hash) return fail('hash_conflict');
  const view = readView(ctx);
  if (isError(view)) return view;
  return { ok: true, view: storeView(ctx, view, previous) };
};

const publish: MethodHandler = (ctx) => {
  const userId = argString(ctx.args, 'user_id');
  if (userId === undefined) return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: user_id'] } });
  const view = readView(ctx);
  if (isError(view)) return view;
  if (view.type !== 'home') return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] must be home [json-pointer:/view/type]'] } });
  const previous = [...ctx.state.views.values()].find((v) => v.type === 'home' && v.user_id === userId);
  return { ok: true, view: storeView(ctx, view, previous, userId) };
};

export const viewMethods: Record<string, MethodHandler> = {
  'views.open': open,
  'views.update': update,
  'views.publish': publish,
};
