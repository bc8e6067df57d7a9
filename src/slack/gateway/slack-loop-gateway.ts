import type { ReportView } from '../../core/metrics/report.js';
import type { ChannelRef, ConversationRef } from '../../core/model/conversation-ref.js';
import type { Clearance, DeliveryTag, Sent } from '../../core/ports/chat-gateway.js';
import type { LoopGateway } from '../../core/ports/loop-gateway.js';
import type { CsatPrompt } from '../../core/model/csat-prompt.js';
import type { Logger } from '../../core/ports/logger.js';
import { renderCsatPrompt, renderCsatThanks } from '../render/csat-prompt.js';
import { reportChart } from '../render/report-chart.js';
import { renderReportBlocks, reportFallback } from '../render/report-blocks.js';
import { postTagged } from './delivery-lookup.js';
import type { SlackCaller } from './slack-caller.js';
import { shareFiles } from './slack-files.js';

/** Delivers reminders, rating prompts and digests to Slack. */
export class SlackLoopGateway implements LoopGateway {
  constructor(
    private readonly slack: SlackCaller,
    private readonly log: Logger,
  ) {}

  askCsat(ref: ConversationRef, prompt: CsatPrompt, delivery: DeliveryTag): Promise<Sent> {
    return postTagged(this.slack, { channel: ref.channel, thread_ts: ref.thread, ...renderCsatPrompt(prompt) }, delivery);
  }

  async thankForCsat(ref: ConversationRef, messageId: string, text: string): Promise<void> {
    await this.slack.call('chat.update', { channel: ref.channel, ts: messageId, ...renderCsatThanks(text) });
  }

  /** The figures are the delivery (found by its id); the chart is uploaded once they are out, and only warned about. */
  async postDigest({ channel }: ChannelRef, report: ReportView, delivery: DeliveryTag): Promise<Clearance> {
    const { cleared } = await postTagged(this.slack, { channel, text: reportFallback(report), blocks: renderReportBlocks(report) }, delivery);
    try {
      await shareFiles(this.slack, channel, [reportChart(report)]);
    } catch (err) {
      this.log.warn({ err, channel }, 'the digest chart could not be uploaded; the figures went out');
    }
    return cleared;
  }
}
