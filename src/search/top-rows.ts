/** A bounded min-heap of (score, row): the worst kept entry is at the root. */
export class TopRows {
  private readonly scores: number[] = [];
  private readonly rows: number[] = [];

  constructor(private readonly size: number) {}

  /** Whether a row of this score could enter (ties with the worst kept lose: they come later). */
  admits(score: number): boolean {
    return this.scores.length < this.size || score > (this.scores[0] as number);
  }

  push(score: number, row: number): void {
    if (this.scores.length < this.size) {
      this.scores.push(score);
      this.rows.push(row);
      this.up(this.scores.length - 1);
    } else {
      this.scores[0] = score;
      this.rows[0] = row;
      this.down(0);
    }
  }

  /** Rows best first. */
  sorted(): number[] {
    return this.rows
      .map((row, index) => ({ row, score: this.scores[index] as number }))
      .sort((a, b) => b.score - a.score || a.row - b.row)
      .map((entry) => entry.row);
  }

  // Worse = lower score, or the same score from a later row.
  private worse(a: number, b: number): boolean {
    const [sa, sb] = [this.scores[a] as number, this.scores[b] as number];
    return sa < sb || (sa === sb && (this.rows[a] as number) > (this.rows[b] as number));
  }

  private swap(a: number, b: number): void {
    [this.scores[a], this.scores[b]] = [this.scores[b] as number, this.scores[a] as number];
    [this.rows[a], this.rows[b]] = [this.rows[b] as number, this.rows[a] as number];
  }

  private up(index: number): void {
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.worse(index, parent)) return;
      this.swap(index, parent);
      index = parent;
    }
  }

  private down(index: number): void {
    for (;;) {
      const [left, right] = [index * 2 + 1, index * 2 + 2];
      let worst = index;
      if (left < this.scores.length && this.worse(left, worst)) worst = left;
      if (right < this.scores.length && this.worse(right, worst)) worst = right;
      if (worst === index) return;
      this.swap(index, worst);
      index = worst;
    }
  }
}
