/** A text's claim that an action was taken for someone. */
export interface ActionClaim {
  /** The words that make the claim, as written: the clause up to its verb. */
  phrase: string;
  /** The action claimed, as its English base verb ("refund"), whatever language the claim is in. */
  verb: string;
}
