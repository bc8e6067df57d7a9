/** An Int32Array that doubles when full: postings and per-document columns grow as entries are added. */
export class IntList {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.data = new Int32Array(capacity);
  }

  /** A list over `values` as they are (no copy): a loaded index's columns; the first push copies them. */
  static of(values: Int32Array): IntList {
    const list = new IntList(0);
    list.data = values;
    list.length = values.length;
    return list;
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(Math.max(4, this.data.length * 2));
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
