import type { types } from '@slack/bolt';
import type { ReportView } from '../../core/metrics/report.js';
import { renderReportBlocks } from './report-blocks.js';
import { slackDate } from './mrkdwn.js';

/** The App Home for a lead: the 7-day dashboard, as /baton report shows it. */
export function renderLeadHome(report: ReportView): types.HomeView {
  return {
    type: 'home',
    blocks: [
      ...renderReportBlocks(report),
      { type: 'context', elements: [{ type: 'mrkdwn', text: `Updated ${slackDate(report.end)}. \`/baton report 30d\` for a longer view with a chart, \`/baton review\` for the weekly agenda.` }] },
    ],
  };
}

/** Everyone else sees what Baton is and where to ask, not the figures. */
export function renderOtherHome(): types.HomeView {
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Baton' } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'Baton answers customers in shared channels and hands them to a specialist when a person should take over. The dashboard here is for support leads.' },
      },
    ],
  };
}
