import type { App } from '@slack/bolt';
import { isLead } from '../../core/metrics/leads.js';
import { loadReport } from '../../core/metrics/load-report.js';
import { loopDeps } from '../commands/loop-deps.js';
import { renderLeadHome, renderOtherHome } from '../render/home-view.js';
import type { SlackDeps } from '../slack-deps.js';

/** Opening Baton's Home tab: leads get the 7-day dashboard, anyone else a short description. */
export function registerAppHome(app: App, deps: SlackDeps): void {
  const core = loopDeps(deps);
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab !== 'home') return;
    try {
      const view = isLead(core.policy, event.user) ? renderLeadHome(await loadReport(core, { days: 7 })) : renderOtherHome();
      await deps.slack.call('views.publish', { user_id: event.user, view });
    } catch (err) {
      deps.log.error({ err, user: event.user }, 'App Home could not be published');
    }
  });
}
