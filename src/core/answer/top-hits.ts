/**
 * The k best documents by score, kept sorted (k is a dozen, so insertion beats a heap). Equal scores keep
 * the earlier-added document first, so a ranking does not depend on the order postings were walked.
 */
export class TopHits {
  readonly docs: number[] = [];
  readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  /** The score a document must beat to enter, once full; 0 before. */
  get floor(): number {
    return this.docs.length < this.k ? 0 : this.scores[this.k - 1]!;
  }

  offer(doc: number, score: number): void {
    let i = this.docs.length;
    while (i > 0 && (this.scores[i - 1]! < score || (this.scores[i - 1] === score && this.docs[i - 1]! > doc))) i--;
    if (i >= this.k) return;
    this.docs.splice(i, 0, doc);
    this.scores.splice(i, 0, score);
    if (this.docs.length > this.k) {
      this.docs.pop();
      this.scores.pop();
    }
  }
}
