import { CloudAdapter } from '@microsoft/agents-hosting';
import type { InboxItem } from '../core/ports/inbox.js';
import { readinessStep } from '../http/health-routes.js';
import type { OpenPlatform, PlatformContext } from '../platform/platform.js';
import { performAfterTurn } from './commands/after-turn-work.js';
import { loopOf } from './commands/lead-chat.js';
import { deliverAfterTurn } from './gateway/after-turn.js';
import { ConversationReferences } from './gateway/conversation-references.js';
import { LeadMentions } from './gateway/lead-mentions.js';
import { QueueReferences } from './gateway/queue-references.js';
import { TeamsGateway } from './gateway/teams-gateway.js';
import { TeamsIntroGateway } from './gateway/teams-intro.js';
import { TeamsOnboardingGateway } from './gateway/teams-onboarding.js';
import { TeamsSender } from './gateway/teams-sender.js';
import { teamsItemHandler } from './intake/process-teams-item.js';
import type { AfterTurnWork } from './intake/after-turn-item.js';
import type { TeamsInboxPayload } from './intake/teams-inbox-item.js';
import { TeamsDirectory } from './normalize/teams-directory.js';
import { createTeamsAgent } from './teams-agent.js';
import { serveTeams } from './teams-endpoint.js';
import type { TeamsSettings } from './teams-settings.js';

/** The audience of the tokens the Bot Connector takes, as the SDK asks for them on a send. */
const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com';

function heldMessage(item: InboxItem) {
  const payload = item.payload as TeamsInboxPayload;
  return payload.kind === 'message' ? payload.message : undefined;
}

/** Teams opened: imported by the platform only when Teams is configured, so a start without it does not load the Agents SDK. */
export function openTeams(settings: TeamsSettings, { policy, stores, limiters, log }: PlatformContext): OpenPlatform {
  const adapter = new CloudAdapter(settings.auth, undefined, undefined, undefined, settings.hosts);
  const teamsLog = log.child({ component: 'teams' });
  const sender = new TeamsSender(adapter, settings.appId, teamsLog, limiters);
  const references = new ConversationReferences(stores.backend.keyv);
  const queues = new QueueReferences(stores.backend.keyv, policy.teams.tenant_ids, `28:${settings.appId}`);
  const gateway = new TeamsGateway(sender, references, queues, teamsLog);
  const leads = new TeamsOnboardingGateway(sender, queues, new LeadMentions(sender, queues, teamsLog));
  return {
    gateway,
    loop: gateway,
    intros: new TeamsIntroGateway(sender, references),
    // The leads' cards about new customer conversations, where the leads' channel is in Teams.
    leads,
    // The step every proactive send takes first; without an app id (development) the SDK sends none, so it passes.
    ready: () => readinessStep('Bot Connector token', () => adapter.connectionManager.getDefaultConnection().getAccessToken(BOT_CONNECTOR_SCOPE)),
    serve({ core, server, metrics, runner, worker }) {
      const directory = new TeamsDirectory(policy, teamsLog);
      const agent = createTeamsAgent(settings, adapter, {
        core, directory, references, queues, intake: worker(), metrics, log: teamsLog,
        leadsCard: (channel, view) => leads.card(channel, view),
        uploadAllowed: (url) => settings.hosts.isAllowed(url),
      });
      serveTeams(server, agent, settings, metrics);
      const afterTurn = { core, sender, log: teamsLog, perform: (work: AfterTurnWork) => performAfterTurn(loopOf({ core }), work) };
      return { handle: teamsItemHandler({ core, runner, metrics, worker, afterTurn: (payload) => deliverAfterTurn(afterTurn, payload) }), heldMessage };
    },
    async close() {
      await sender.stop();
    },
  };
}
