import { readFileSync } from 'node:fs';
import type { SemanticQuery } from '../../app/index.js';
import { KtxError } from '../../core/index.js';

export interface SlQueryOptions {
  connectionId?: string;
  measure?: string[];
  dimension?: string[];
  filter?: string[];
  segment?: string[];
  orderBy?: string[];
  limit?: number;
  includeEmpty: boolean;
  queryFile?: string;
  format?: string;
  execute?: boolean;
  maxRows?: number;
}

const GRAIN_SUFFIX = /^(.*):(hour|day|week|month|quarter|year)$/;

/** `orders.created_at:month` → `{field, granularity}`; anything else stays a plain field. */
function dimension(
  text: string,
): string | { field: string; granularity: 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' } {
  const match = GRAIN_SUFFIX.exec(text);
  if (match) return { field: match[1]!, granularity: match[2] as 'month' };
  if (/:/.test(text)) {
    throw new KtxError('invalid_argument', `Unknown time grain in --dimension ${text}.`, {
      fix: 'Use :hour, :day, :week, :month, :quarter or :year.',
    });
  }
  return text;
}

function orderBy(text: string): { field: string; direction: 'asc' | 'desc' } {
  const match = /^(.*?)(?::(asc|desc))?$/i.exec(text)!;
  return { field: match[1]!, direction: (match[2]?.toLowerCase() as 'asc' | 'desc' | undefined) ?? 'asc' };
}

/** Flags (or --query-file JSON, which flags then extend) → SemanticQuery. */
export function queryFromFlags(options: SlQueryOptions): SemanticQuery {
  let base: SemanticQuery = { measures: [] };
  if (options.queryFile) {
    try {
      base = JSON.parse(
        readFileSync(options.queryFile === '-' ? 0 : options.queryFile, 'utf8'),
      ) as SemanticQuery;
    } catch (error) {
      throw new KtxError(
        'invalid_argument',
        `Cannot read --query-file ${options.queryFile}: ${(error as Error).message}.`,
        {
          fix: 'Pass a JSON file like {"measures": ["orders.revenue"], "dimensions": [{"field": "orders.created_at", "granularity": "month"}]}.',
        },
      );
    }
  }
  const query: SemanticQuery = {
    ...base,
    measures: [...(base.measures ?? []), ...(options.measure ?? [])],
    dimensions: [...(base.dimensions ?? []), ...(options.dimension ?? []).map(dimension)],
    filters: [...(base.filters ?? []), ...(options.filter ?? [])],
    segments: [...(base.segments ?? []), ...(options.segment ?? [])],
    orderBy: [...(base.orderBy ?? []), ...(options.orderBy ?? []).map(orderBy)],
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.includeEmpty === false ? { includeEmpty: false } : {}),
  };
  if (query.measures.length === 0 && (query.dimensions ?? []).length === 0) {
    throw new KtxError('missing_input', 'Missing --measure (or --dimension, or --query-file).', {
      fix: 'Pass --measure source.measure; `ktx sl` lists sources.',
    });
  }
  return query;
}
