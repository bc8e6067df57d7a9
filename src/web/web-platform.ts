import type { Env } from '../config/env.js';
import { startMode } from '../config/env.js';
import type { OpenPlatform, Platform, PlatformContext, ServeContext } from '../platform/platform.js';
import { PlaygroundFeed } from './feed.js';
import { playgroundView } from './own-records.js';
import { playgroundIntake } from './playground-intake.js';
import { playgroundPolicy, queueBoard } from './playground-policy.js';
import { rebuildPages } from './rebuild-pages.js';
import { newPageToken, playgroundAddresses, playgroundGuard } from './request-guard.js';
import { resetPlayground } from './reset-store.js';
import { WebGateway } from './web-gateway.js';
import { WEB_REFERENCES } from './web-references.js';

export const WEB = WEB_REFERENCES.tag;

export interface WebSettings {
  env: Env;
  /** No other platform runs: the store is the playground's own, and the digest moves to its leads room. */
  alone: boolean;
}

/** The running playground, as tests reach it: the feed its pages watch. */
export interface OpenPlayground extends OpenPlatform {
  feed: PlaygroundFeed;
}

/**
 * The browser playground: the page's routes on the shared server (guarded: its own page, at
 * BATON_PLAYGROUND_HOST), its customers' messages through the one inbox, and the core's deliveries
 * rendered on the pages' live feed. Alone when no Slack or Teams setting is set; beside them with
 * BATON_PLAYGROUND=1.
 */
export const webPlatform: Platform<WebSettings> = {
  tag: WEB,
  wanted: (source) => source.BATON_PLAYGROUND === '1',
  missing: () => [],
  settings: (env) => ({ env, alone: startMode(env) === 'playground' }),
  adjustPolicy: (policy, { alone }) => playgroundPolicy(policy, alone),
  open: openPlayground,
};

async function openPlayground({ env, alone }: WebSettings, { stores, log }: PlatformContext): Promise<OpenPlayground> {
  // Loaded only when the playground runs: its routes and what they use are no part of a Slack or Teams start.
  const { servePlayground } = await import('./serve-playground.js');
  const feed = new PlaygroundFeed();
  const gateway = new WebGateway(feed);
  const pageToken = newPageToken();
  const addresses = await playgroundAddresses(env.BATON_PLAYGROUND_HOST);
  let port = () => 0;
  let rebuilt: Promise<void> = Promise.resolve();
  const host = env.BATON_PLAYGROUND_HOST.includes(':') ? `[${env.BATON_PLAYGROUND_HOST}]` : env.BATON_PLAYGROUND_HOST;
  return {
    feed,
    gateway,
    loop: gateway,
    boards: queueBoard,
    host: env.BATON_PLAYGROUND_HOST,
    get url() {
      return `http://${host}:${port()}`;
    },
    // It takes no credentials of anyone's: nothing to check beyond the store and knowledge every platform shares.
    ready: async () => {},
    serve({ core, server, runner, worker, take }: ServeContext) {
      port = () => server.port;
      const intake = playgroundIntake({ core, feed, runner, worker, add: take, log: log.child({ component: 'playground' }) });
      const reset = async () => {
        // A decision or delivery under way would write its conversation back into the emptied store.
        await intake.idle();
        await resetPlayground(stores, env.BATON_STORE, alone);
        feed.clear();
        log.info({ alone }, alone ? 'playground reset: store and pages emptied' : 'playground reset: its conversations, escalations and pages emptied');
      };
      const guard = playgroundGuard({ boundHost: env.BATON_PLAYGROUND_HOST, port, token: pageToken, addresses });
      servePlayground(server.guarded(guard), { core: playgroundView(core), feed, intake, reset, pageToken });
      rebuilt = rebuildPages(core, feed, log);
      return intake;
    },
    // The pages are rebuilt from the store before the playground's address is given out.
    connect: () => rebuilt,
    // Open pages hold their event streams open: ended, the server can close.
    stopTaking: async () => feed.closeStreams(),
    close: async () => {},
  };
}
