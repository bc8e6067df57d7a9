import type { KnowledgeSource } from '../../../config/knowledge-sources-schema.js';
import { docsSiteReader } from './docs-site-source.js';
import { freshdeskReader } from './freshdesk-source.js';
import { helpScoutReader } from './helpscout-source.js';
import { intercomReader } from './intercom-source.js';
import { markdownReader } from './markdown-source.js';
import type { PoliteFetcher } from './polite-fetch.js';
import type { SourceReader } from './source-reader.js';
import { spaceExportReader } from './space-export-source.js';
import { zendeskReader } from './zendesk-source.js';

/** The reader of a source of any kind the policy declares. */
export function readerFor(source: KnowledgeSource, fetcher: PoliteFetcher, env: NodeJS.ProcessEnv): SourceReader {
  switch (source.kind) {
    case 'markdown':
      return markdownReader(source);
    case 'zendesk':
      return zendeskReader(source, fetcher, env);
    case 'intercom':
      return intercomReader(source, fetcher, env);
    case 'freshdesk':
      return freshdeskReader(source, fetcher, env);
    case 'helpscout':
      return helpScoutReader(source, fetcher, env);
    case 'confluence':
    case 'notion':
      return spaceExportReader(source);
    case 'docs_site':
      return docsSiteReader(source, fetcher);
  }
}
