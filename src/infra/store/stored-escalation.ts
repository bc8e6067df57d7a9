import type { Escalation, PacketLocation } from '../../core/escalation/escalation.js';

/**
 * The platform of packet locations stored before locations named one (before references carried their
 * platform's tag, 2026-11-30): Baton then ran on Slack alone, so every such packet is in Slack.
 */
const PLATFORM_BEFORE_TAGS = 'slack';

type StoredLocation = Omit<PacketLocation, 'platform'> & { platform?: string };

function located(at: StoredLocation): PacketLocation {
  return at.platform ? (at as PacketLocation) : { ...at, platform: PLATFORM_BEFORE_TAGS };
}

/** An escalation as the store holds it, in today's shape: the next write stores it so. */
export function upgradeStoredEscalation(stored: Escalation): Escalation {
  const { packet, movedFrom } = stored;
  if (packet?.platform && (!movedFrom?.packet || movedFrom.packet.platform)) return stored;
  return {
    ...stored,
    ...(packet ? { packet: located(packet) } : {}),
    ...(movedFrom?.packet ? { movedFrom: { ...movedFrom, packet: located(movedFrom.packet) } } : {}),
  };
}
