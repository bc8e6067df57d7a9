/**
 * The external upload flow `files.uploadV2` performs: files.getUploadURLExternal hands out an
 * upload URL (served by the fake server itself, see `FakeSlackApi`), the client POSTs the bytes
 * there, then files.completeUploadExternal shares the files, optionally into a channel/thread.
 */
import { argString, fail, type MethodHandler } from './fake-slack-method-kit.js';

const getUploadUrl: MethodHandler = ({ state, args, origin }) => {
  const filename = argString(args, 'filename');
  const length = Number(argString(args, 'length'));
  if (filename === undefined || !Number.isInteger(length) || length <= 0) {
    return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] filename and a positive length are required'] } });
  }
  const id = state.nextId('F');
  state.files.set(id, { id, filename, length, completed: false });
  return { ok: true, upload_url: `${origin}/upload/${id}`, file_id: id };
};

const completeUpload: MethodHandler = ({ state, args }) => {
  const files = args.files;
  if (!Array.isArray(files) || files.length === 0) return fail('invalid_arguments');
  const channel = argString(args, 'channel_id');
  if (channel !== undefined && !state.knowsChannel(channel)) return fail('channel_not_found');
  const now = Math.floor(Date.now() / 1000);
  const done: Record<string, unknown>[] = [];
  for (const entry of files) {
    const id = typeof entry === 'object' && entry !== null && 'id' in entry ? String(entry.id) : '';
    const title = typeof entry === 'object' && entry !== null && 'title' in entry ? String(entry.title) : undefined;
    const file = state.files.get(id);
    // Completing a file whose bytes never arrived is refused; Slack's exact code here is not documented.
    if (file === undefined || file.bytes === undefined) return fail('file_not_found');
    file.completed = true;
    done.push({
      id,
      created: now,
      timestamp: now,
      name: file.filename,
      title: title ?? file.filename,
      mimetype: 'application/octet-stream',
      filetype: file.filename.split('.').pop() ?? 'binary',
      user: state.bot.userId,
      size: file.bytes.length,
    });
  }
  if (channel !== undefined) {
    const threadTs = argString(args, 'thread_ts');
    state.addMessage(channel, {
      subtype: 'file_share',
      text: argString(args, 'initial_comment') ?? '',
      user: state.bot.userId,
      files: done,
      ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
    });
  }
  return { ok: true, files: done };
};

export const fileMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
};
