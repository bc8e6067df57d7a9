/** Interaction ids: one constant each. State never goes into these; it travels as an opaque value. */
export const ACTION = {
  talkToHuman: 'baton.talk_to_human',
  claim: 'baton.claim',
  release: 'baton.release',
  close: 'baton.close',
  /** Prefix of the rating buttons: one action id per rating (`baton.csat.1`..`.5`), unique in their block. */
  csat: 'baton.csat',
  approveCandidate: 'baton.approve_candidate',
  /** "Reply to customer" on the packet: opens the composer whose text goes to the customer. */
  replyToCustomer: 'baton.reply_to_customer',
  /** "Add note" on the packet: opens the internal note's form; the note stays with the team. */
  addNote: 'baton.add_note',
  /** "Assign to…" on the packet: a teammate picker; the one picked claims the escalation. */
  assign: 'baton.assign',
  shareCandidate: 'baton.share_candidate',
  /** The reply composer's Send where the composer is a card in place of the packet (Teams). */
  sendToCustomer: 'baton.send_to_customer',
  /** "Cancel" on a form shown in place of the packet (Teams): the packet comes back. */
  showPacket: 'baton.show_packet',
  /** A copilot draft's review buttons: the value is the draft packet's id. */
  sendDraft: 'baton.send_draft',
  editDraft: 'baton.edit_draft',
  discardDraft: 'baton.discard_draft',
  /** The customer's verdict on one answer; the value names the answer (see model/answer-ref.ts). */
  answerHelpful: 'baton.answer_helpful',
  answerNotHelpful: 'baton.answer_not_helpful',
  /** The draft editor's Send where the editor is a card in place of the packet (Teams). */
  sendEditedDraft: 'baton.send_edited_draft',
  /** On the leads' message about a new channel: map it to an account that exists, or create one. */
  mapChannel: 'baton.map_channel',
  newAccount: 'baton.new_account',
  /** On a mapped channel's message: the introduction a lead approves before Baton speaks there. */
  reviewIntro: 'baton.review_intro',
  /** The mapping forms' submit and Cancel where the form is a card in place of the leads' message (Teams). */
  submitMapping: 'baton.submit_mapping',
  submitNewAccount: 'baton.submit_new_account',
  showOffer: 'baton.show_offer',
  /** The share form's submit where the form is a card in place of the KB candidate (Teams). */
  submitShare: 'baton.submit_share',
  /** Prefix of a clarifying question's buttons: `baton.clarify.<question>.<option>`, unique in their block. */
  clarify: 'baton.clarify',
  /** A proposed answer of the review (`/baton review`): the value names the topic and the version shown. */
  approveAnswer: 'baton.answer_approve',
  approveAnswerForAccount: 'baton.answer_approve_account',
  editAnswer: 'baton.answer_edit',
  rejectAnswer: 'baton.answer_reject',
} as const;

export const VIEW = {
  closeEscalation: 'baton.close_escalation',
  replyToCustomer: 'baton.reply_to_customer',
  internalNote: 'baton.internal_note',
  shareCandidate: 'baton.share_candidate',
  editDraft: 'baton.edit_draft',
  mapChannel: 'baton.map_channel',
  newAccount: 'baton.new_account',
  approveIntro: 'baton.approve_intro',
  reviewAnswer: 'baton.review_answer',
} as const;

/** The answer review's edit modal: the text, who it speaks to, and the confirmation of marked spans. */
export const ANSWER_FIELD = { answer: 'review_answer', scope: 'review_scope', confirm: 'review_confirm' } as const;

/** The fields of the mapping and introduction modals. */
export const ONBOARD_FIELD = { account: 'account', name: 'account_name', tier: 'account_tier', crm: 'account_crm', intro: 'intro' } as const;

/** The one field of the share modal: the answer as every customer will be shown it. */
export const SHARE_FIELD = { answer: 'shared_answer' } as const;

export const CLOSE_FIELD = {
  rootCause: 'root_cause',
  aiAccuracy: 'ai_accuracy',
  automation: 'automation_potential',
  note: 'resolution_note',
} as const;

/** The reply composer's one field: what the specialist sends the customer. */
export const REPLY_FIELD = 'customer_reply';

/** The internal note form's one field: what the team reads, never the customer. */
export const NOTE_FIELD = 'internal_note';
