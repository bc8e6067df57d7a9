import type { SlackCaller } from './slack-caller.js';
import { BatonError } from '../../core/errors/error-catalogue.js';

export interface FileToShare {
  filename: string;
  title: string;
  bytes: Buffer;
}

/**
 * Slack's upload flow (files.upload is retired): ask for an upload URL per file, POST the bytes
 * there, then complete the upload, which shares the files in the channel (a DM id works too).
 */
export async function shareFiles(slack: SlackCaller, channelId: string, files: FileToShare[], comment?: string): Promise<void> {
  const uploaded: { id: string; title: string }[] = [];
  for (const file of files) {
    const target = await slack.call<{ upload_url: string; file_id: string }>('files.getUploadURLExternal', {
      filename: file.filename,
      length: file.bytes.length,
    });
    const res = await fetch(target.upload_url, { method: 'POST', body: new Uint8Array(file.bytes) });
    if (!res.ok) throw new BatonError('BATON_UPLOAD_FAILED', `upload of ${file.filename} failed with HTTP ${res.status}`);
    uploaded.push({ id: target.file_id, title: file.title });
  }
  await slack.call('files.completeUploadExternal', { files: uploaded, channel_id: channelId, ...(comment ? { initial_comment: comment } : {}) });
}

/** The app's DM with one user, where reports and exports for that user go. */
export async function openDm(slack: SlackCaller, userId: string): Promise<string> {
  const res = await slack.call<{ channel: { id: string } }>('conversations.open', { users: userId });
  return res.channel.id;
}
