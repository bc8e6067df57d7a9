import type { SharedFile } from '../model/message.js';

/** One line a file: its name, type and link, as the packet thread shows it. */
export function fileLines(files: readonly SharedFile[]): string {
  return files.map((f) => `\u{1F4CE} ${f.name} (${f.type})${f.link ? `: ${f.link}` : ''}`).join('\n');
}

/** What the transcript keeps for a message that is only files: no words, but not nothing. */
export function filesOnlyText(files: readonly SharedFile[]): string {
  return `[${files.length === 1 ? 'file' : `${files.length} files`}: ${files.map((f) => f.name).join(', ')}]`;
}
