import { describe, expect, it } from 'vitest';
import type { LogicalType } from '../port.js';
import { logicalTypeFromName } from './logical-type.js';

// Native names as each engine spells them in catalogs and result metadata.
const CASES: Array<[string, LogicalType]> = [
  ['integer', 'integer'],
  ['int8', 'integer'],
  ['BIGINT', 'integer'],
  ['bigint(20) unsigned', 'integer'],
  ['HUGEINT', 'integer'],
  ['numeric(38,10)', 'decimal'],
  ['DECIMAL(12,2)', 'decimal'],
  ['double precision', 'float'],
  ['float4', 'float'],
  ['boolean', 'boolean'],
  ['character varying(200)', 'text'],
  ['bpchar', 'text'],
  ['longtext', 'text'],
  ["enum('x','y')", 'text'],
  ['date', 'date'],
  ['time without time zone', 'time'],
  ['timestamp(6) without time zone', 'timestamp'],
  ['DATETIME(6)', 'timestamp'],
  ['timestamp with time zone', 'timestamptz'],
  ['TIMESTAMP WITH TIME ZONE', 'timestamptz'],
  ['interval', 'interval'],
  ['jsonb', 'json'],
  ['uuid', 'uuid'],
  ['bytea', 'binary'],
  ['varbinary(16)', 'binary'],
  ['integer[]', 'array'],
  ['_int4', 'array'],
  ['STRUCT(a INTEGER)', 'unknown'],
  ['point', 'unknown'],
];

describe('logicalTypeFromName', () => {
  it.each(CASES)('%s → %s', (name, expected) => {
    expect(logicalTypeFromName(name)).toBe(expected);
  });
});
