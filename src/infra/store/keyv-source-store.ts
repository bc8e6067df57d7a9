import type Keyv from 'keyv';
import type { SourceContent } from '../knowledge/sources/source-reader.js';
import { storeKeys } from './store-keys.js';
import { BatonError } from '../../core/errors/error-catalogue.js';

/** Where a knowledge source stands, shared by every instance and the CLI. */
export interface SourceStatus {
  /** Articles published there as of the last good sync. */
  articles: number;
  /** Sections indexed from them. */
  entries: number;
  /** The last attempt, good or not (ms since epoch). */
  lastSyncAt?: number;
  lastSuccessAt?: number;
  /** Why the last attempt failed; absent once one succeeds. */
  lastError?: string;
  /** Goes up whenever the content changes: an instance holding an older one reads it again. */
  revision: number;
}

/** Each source's last good content and status, in the shared store (SQLite or Redis). */
export class KeyvSourceStore {
  constructor(private readonly keyv: Keyv) {}

  async status(id: string): Promise<SourceStatus | undefined> {
    return (await this.keyv.get<SourceStatus>(storeKeys.kbSourceStatus(id))) ?? undefined;
  }

  async content(id: string): Promise<SourceContent | undefined> {
    return (await this.keyv.get<SourceContent>(storeKeys.kbSourceContent(id))) ?? undefined;
  }

  /** Content first, status last: a failure in between leaves the old revision, and the next sync writes both again. */
  async save(id: string, status: SourceStatus, content?: SourceContent): Promise<void> {
    if (content) await this.write(storeKeys.kbSourceContent(id), content);
    await this.write(storeKeys.kbSourceStatus(id), status);
  }

  private async write(key: string, value: unknown): Promise<void> {
    if (!(await this.keyv.set(key, value))) throw new BatonError('BATON_STORE_WRITE', `could not store ${key}`);
  }
}
