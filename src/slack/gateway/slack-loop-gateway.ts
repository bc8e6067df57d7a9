import type { ReportView } from '../../core/metrics/report.js';
import type { ChannelRef, ConversationRef } from '../../core/model/conversation-ref.js';
import type { CsatPrompt, LoopGateway } from '../../core/ports/loop-gateway.js';
import type { Logger } from '../../core/ports/logger.js';
import { renderCsatPrompt, renderCsatThanks } from '../render/csat-prompt.js';
import { reportChart } from '../render/report-chart.js';
import { renderReportBlocks, reportFallback } from '../render/report-blocks.js';
import type { SlackCaller } from './slack-caller.js';
import { shareFiles } from './slack-files.js';

/** Delivers reminders, rating prompts and digests to Slack. */
export class SlackLoopGateway implements LoopGateway {
  constructor(
    private readonly slack: SlackCaller,
    private readonly log: Logger,
  ) {}

  async askCsat(ref: ConversationRef, prompt: CsatPrompt): Promise<string> {
    const { text, blocks } = renderCsatPrompt(prompt);
    const res = await this.slack.call<{ ts: string }>('chat.postMessage', { channel: ref.channel, thread_ts: ref.thread, text, blocks });
    return res.ts;
  }

  async thankForCsat(ref: ConversationRef, messageId: string, text: string): Promise<void> {
    await this.slack.call('chat.update', { channel: ref.channel, ts: messageId, ...renderCsatThanks(text) });
  }

  async postDigest({ channel }: ChannelRef, report: ReportView): Promise<void> {
    await this.slack.call('chat.postMessage', { channel, text: reportFallback(report), blocks: renderReportBlocks(report) });
    try {
      await shareFiles(this.slack, channel, [reportChart(report)]);
    } catch (err) {
      this.log.warn({ err, channel }, 'the digest chart could not be uploaded; the figures went out');
    }
  }
}
