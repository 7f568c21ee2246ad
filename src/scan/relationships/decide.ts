import type { Candidate } from './candidate.js';
import type { RelationshipFinding, RelationshipStatus, ValidationEvidence } from './relationship.js';
import { relationshipId } from './relationship.js';
import type { Containment, KeyCheck } from './validator.js';

const round = (value: number) => Math.round(value * 1000) / 1000;

export function refOf(columns: Candidate['from']): { schema: string; table: string; columns: string[] } {
  const table = columns[0]!.table.source;
  return { schema: table.schema, table: table.name, columns: columns.map((column) => column.name) };
}

function finding(
  candidate: Candidate,
  status: RelationshipStatus,
  score: number,
  reasons: string[],
  validation?: ValidationEvidence,
): RelationshipFinding {
  const from = refOf(candidate.from);
  const to = refOf(candidate.to);
  return {
    id: relationshipId(from, to),
    from,
    to,
    origin: candidate.origin,
    status,
    relationship: 'many_to_one',
    nameScore: round(candidate.nameScore),
    score: round(score),
    reasons: [...candidate.reasons, ...reasons],
    ...(validation ? { validation } : {}),
  };
}

/** A candidate the budget (or a failed query) left unvalidated: kept for review, never accepted. */
export function unvalidated(candidate: Candidate, reason: string): RelationshipFinding {
  return finding(candidate, 'review', 0.6 * candidate.nameScore, [reason]);
}

/**
 * The decision for a validated candidate. Hard gates first: the target must be a key (≥ 99% distinct
 * non-null values) and the source must have values. Then coverage (share of distinct source values
 * found in the target): ≥ 99% accepts; 90–99% accepts only a strong name match (orphans are common
 * in real data and are reported); ≥ 50% goes to review; less is rejected. Value-overlap candidates
 * need full coverage of at least three distinct values, and the caller demotes them to review when
 * another target fits too.
 */
export function decide(
  candidate: Candidate,
  key: KeyCheck,
  containment: Containment | undefined,
): RelationshipFinding {
  const targetUniqueness = key.keyedRows === 0 ? 0 : key.distinctKeys / key.keyedRows;
  if (targetUniqueness < 0.99 || key.keyedRows === 0) {
    return finding(candidate, 'rejected', 0.3 * candidate.nameScore, [
      `target not a key: ${key.distinctKeys} distinct of ${key.keyedRows} non-null rows`,
    ]);
  }
  if (!containment) return unvalidated(candidate, 'validation query failed');
  const coverage = containment.sourceDistinct === 0 ? 0 : containment.matched / containment.sourceDistinct;
  const validation: ValidationEvidence = {
    sourceDistinct: containment.sourceDistinct,
    matched: containment.matched,
    coverage: round(coverage),
    violationRate: round(1 - coverage),
    targetRows: key.keyedRows,
    targetDistinct: key.distinctKeys,
    targetUniqueness: round(targetUniqueness),
  };
  const signal = candidate.origin === 'value' ? 0.5 : candidate.nameScore;
  const score = 0.4 * signal + 0.45 * coverage + 0.15 * targetUniqueness;
  const orphans = containment.sourceDistinct - containment.matched;
  if (containment.sourceDistinct === 0)
    return finding(candidate, 'review', score, ['source column has no values'], validation);
  if (candidate.origin === 'value') {
    if (coverage === 1 && containment.sourceDistinct >= 3)
      return candidate.weak
        ? finding(
            candidate,
            'review',
            score,
            ['every distinct value found in the target', candidate.weak],
            validation,
          )
        : finding(candidate, 'accepted', score, ['every distinct value found in the target'], validation);
    return finding(
      candidate,
      coverage >= 0.5 ? 'review' : 'rejected',
      score,
      [
        coverage === 1
          ? 'too few distinct values to tell'
          : `${orphans} distinct value(s) missing from the target`,
      ],
      validation,
    );
  }
  if (coverage >= 0.99)
    return finding(
      candidate,
      'accepted',
      score,
      [orphans > 0 ? `${orphans} orphan value(s)` : 'every distinct value found in the target'],
      validation,
    );
  if (coverage >= 0.9 && candidate.nameScore >= 0.9)
    return finding(
      candidate,
      'accepted',
      score,
      [`${orphans} orphan value(s) (${Math.round((1 - coverage) * 100)}%)`],
      validation,
    );
  if (coverage >= 0.5)
    return finding(
      candidate,
      'review',
      score,
      [`partial coverage: ${orphans} distinct value(s) missing`],
      validation,
    );
  return finding(
    candidate,
    'rejected',
    score,
    [`low coverage: ${orphans} of ${containment.sourceDistinct} distinct values missing`],
    validation,
  );
}
