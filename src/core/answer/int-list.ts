/** An Int32Array that doubles when full: postings and per-document columns grow as entries are added. */
export class IntList {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(i: number): number {
    return this.data[i]!;
  }

  set(i: number, value: number): void {
    this.data[i] = value;
  }

  /** The whole buffer, filled part first, without copying; valid until the next push. */
  buffer(): Int32Array {
    return this.data;
  }

  /** The filled part, without copying; valid until the next push. */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
