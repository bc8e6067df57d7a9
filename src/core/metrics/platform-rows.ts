import type { Platform } from '../model/conversation-ref.js';
import { figuresOf, type Figures } from './figures.js';
import { groupBy } from './outcome-rows.js';
import { sumOf, type Piece } from './pieces.js';

/** How leads read each platform's name in a report; a platform not named here reads as its tag. */
const PLATFORM_LABELS: Record<Platform, string | undefined> = { slack: 'Slack', teams: 'Microsoft Teams', web: 'Playground' };

export function platformLabel(platform: Platform): string {
  return PLATFORM_LABELS[platform] ?? platform;
}

export interface PlatformRow {
  platform: Platform;
  /** The platform as leads read it: "Slack", "Microsoft Teams", "Playground". */
  label: string;
  figures: Figures;
}

/**
 * The period's figures for each platform the customers wrote on (escalation rate, CSAT, FCR and the
 * rest, counted as the headline counts them), most conversations first; a platform with none is left out.
 */
export function platformRows(current: Piece[]): PlatformRow[] {
  return [...groupBy(current, (p) => p.platform).entries()]
    .flatMap(([platform, pieces]) => (platform ? [{ platform, label: platformLabel(platform), figures: figuresOf(sumOf(pieces)) }] : []))
    .filter((r) => r.figures.matters > 0 || r.figures.csat.rated > 0)
    .sort((a, b) => b.figures.matters - a.figures.matters || a.platform.localeCompare(b.platform));
}
