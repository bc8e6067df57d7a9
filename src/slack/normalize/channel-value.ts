import { z } from 'zod';
import { parseChannelName } from '../../core/model/conversation-ref.js';

/** A channel as the onboarding buttons and modals carry it (its config name); anything else is rejected. */
export const channelNameValue = z
  .string()
  .regex(/^([CG][A-Z0-9]{1,30}|(teams|web):\S{1,300})$/)
  .transform(parseChannelName);
