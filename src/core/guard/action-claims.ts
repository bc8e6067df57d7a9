/**
 * Past forms of what a support team does to a customer's account, order or data. A text that says the
 * writer did one of these ("I've refunded", "we have cancelled", "I revoked") claims an action on
 * someone's behalf; Baton takes none, so such a sentence is true only of the conversation it came from.
 */
const ACTION_VERBS = [
  'activated', 'added', 'adjusted', 'applied', 'approved', 'arranged', 'assigned', 'billed', 'blocked', 'booked',
  'cancelled', 'canceled', 'changed', 'charged', 'cleared', 'closed', 'confirmed', 'contacted', 'corrected',
  'created', 'credited', 'deactivated', 'decreased', 'deleted', 'deployed', 'disabled', 'dispatched', 'downgraded',
  'emailed', 'enabled', 'erased', 'escalated', 'exported', 'extended', 'filed', 'fixed', 'flagged', 'forwarded',
  'generated', 'granted', 'increased', 'invoiced', 'issued', 'lifted', 'locked', 'merged', 'migrated', 'moved',
  'paid', 'patched', 'paused', 'processed', 'purged', 'raised', 'reactivated', 'reassigned', 'rebooked',
  'refunded', 'regenerated', 'reimbursed', 'reinstated', 'released', 'reopened', 'removed', 'renewed', 'replaced',
  'rescheduled', 'resent', 'reset', 'resolved', 'restored', 'resumed', 'reversed', 'revoked', 'rolled', 'rotated',
  'scheduled', 'sent', 'shipped', 'submitted', 'suspended', 'switched', 'terminated', 'transferred',
  'unblocked', 'unlocked', 'updated', 'upgraded', 'verified', 'voided', 'waived', 'wiped',
];

const VERB = `(${ACTION_VERBS.join('|')})`;
/** "I", "we", "I've", "we have", "I had", then words like "just", "already", "gone ahead and", then the verb. */
const CLAIM = new RegExp(
  String.raw`\b(?:I|we)(?:['’]ve|['’]d|\s+have|\s+had)?(?:\s+(?:just|already|now|also|successfully|manually|personally|since|gone\s+ahead\s+and|went\s+ahead\s+and))*\s+${VERB}\b`,
  'gi',
);
/** A further action the same sentence claims: "... and voided the invoice", "..., then resent it". */
const AND_THEN = new RegExp(String.raw`\b(?:and|then)\s+(?:also\s+)?${VERB}\b`, 'gi');

export interface ActionClaim {
  /** The words that make the claim, as written. */
  phrase: string;
  verb: string;
}

/** Every first-person claim of a past action in the text, with the actions the same sentence goes on to claim. */
export function actionClaims(text: string): ActionClaim[] {
  return [...text.matchAll(CLAIM)].flatMap((m) => {
    const rest = text.slice(m.index + m[0].length).split(/[.!?\n]/, 1)[0]!;
    return [m, ...rest.matchAll(AND_THEN)].map((c) => ({ phrase: c[0], verb: c[1]!.toLowerCase() }));
  });
}
