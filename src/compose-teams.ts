import { CloudAdapter } from '@microsoft/agents-hosting';
import type { Env } from './config/env.js';
import type { Policy } from './config/policy-schema.js';
import type { CoreDeps } from './core/deps.js';
import type { InboxItem } from './core/ports/inbox.js';
import type { Logger } from './core/ports/logger.js';
import type { Metrics } from './core/ports/metrics.js';
import type { HttpServer } from './http/http-server.js';
import type { DeliveryRunner } from './infra/delivery/delivery-runner.js';
import type { InboxWorker } from './infra/intake/inbox-worker.js';
import type { LimiterFactory } from './infra/limits/limiter-factory.js';
import type { Stores } from './infra/store/open-stores.js';
import { AfterTurn } from './teams/gateway/after-turn.js';
import { ConversationReferences } from './teams/gateway/conversation-references.js';
import { LeadMentions } from './teams/gateway/lead-mentions.js';
import { QueueReferences } from './teams/gateway/queue-references.js';
import { TeamsGateway } from './teams/gateway/teams-gateway.js';
import { TeamsIntroGateway } from './teams/gateway/teams-intro.js';
import { TeamsOnboardingGateway } from './teams/gateway/teams-onboarding.js';
import { TeamsSender } from './teams/gateway/teams-sender.js';
import { teamsItemHandler } from './teams/intake/process-teams-item.js';
import { TeamsDirectory } from './teams/normalize/teams-directory.js';
import { createTeamsAgent } from './teams/teams-agent.js';
import { serveTeams } from './teams/teams-endpoint.js';
import { teamsSettings, teamsWanted, type TeamsSettings } from './teams/teams-settings.js';

export interface TeamsEdge {
  gateway: TeamsGateway;
  /** Introductions the leads approved for customers' Teams conversations. */
  intros: TeamsIntroGateway;
  /** The leads' cards about new customer conversations, where the leads' channel is in Teams. */
  leads: TeamsOnboardingGateway;
  /** Adds POST /api/messages and returns the inbox handler for Teams items. */
  serve(server: HttpServer, core: CoreDeps, intake: { worker(): InboxWorker; runner: DeliveryRunner }, metrics: Metrics): (items: InboxItem[], recovered: boolean) => Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Teams settings when the policy maps a Teams channel or TEAMS_APP_ID is set; undefined otherwise.
 * Read before anything is opened, so a missing setting stops Baton at once, named.
 */
export function teamsConfig(env: Env, policy: Policy): TeamsSettings | undefined {
  return teamsWanted(env, policy) ? teamsSettings(env) : undefined;
}

export function openTeams(settings: TeamsSettings, policy: Policy, stores: Stores, limiters: LimiterFactory, log: Logger): TeamsEdge {
  const adapter = new CloudAdapter(settings.auth, undefined, undefined, undefined, settings.hosts);
  const teamsLog = log.child({ component: 'teams' });
  const sender = new TeamsSender(adapter, settings.appId, teamsLog, limiters);
  const references = new ConversationReferences(stores.backend.keyv);
  const queues = new QueueReferences(stores.backend.keyv, policy.vendor.teams_tenant_ids, `28:${settings.appId}`);
  const afterTurn = new AfterTurn(sender, teamsLog);
  const leads = new TeamsOnboardingGateway(sender, queues, new LeadMentions(sender, queues, teamsLog));
  return {
    gateway: new TeamsGateway(sender, references, queues, teamsLog),
    intros: new TeamsIntroGateway(sender, references),
    leads,
    serve(server, core, intake, metrics) {
      const take = async (item: InboxItem) => {
        if (intake.worker().full) throw Object.assign(new Error('intake backlog full'), { code: 'BATON_BACKLOG_FULL' });
        await intake.worker().take(item);
      };
      const directory = new TeamsDirectory(policy, teamsLog);
      const agent = createTeamsAgent(settings, adapter, {
        core, directory, references, queues, intake: { take }, metrics, log: teamsLog,
        leadsCard: (channel, view) => leads.card(channel, view),
        uploadAllowed: (url) => settings.hosts.isAllowed(url),
        afterTurn,
      });
      serveTeams(server, agent, settings, metrics);
      return teamsItemHandler({ core, runner: intake.runner, metrics, worker: intake.worker });
    },
    async stop() {
      await afterTurn.stop();
      await sender.stop();
    },
  };
}
