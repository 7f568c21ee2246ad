import { describe, expect, it } from 'vitest';
import { semanticColumnType } from './semantic-column-type.js';

describe('semanticColumnType', () => {
  it.each([
    ['number', 'number'],
    ['INTEGER', 'number'],
    ['numeric(38, 10)', 'number'],
    ['double precision', 'number'],
    ['int unsigned', 'number'],
    ['NUMBER', 'number'],
    ['timestamp(3) with time zone', 'time'],
    ['TIMESTAMP_NTZ', 'time'],
    ['date', 'time'],
    ['datetime2', 'time'],
    ['bool', 'boolean'],
    ['character varying(20)', 'string'],
    ['uuid', 'string'],
    ['integer[]', 'string'],
    ['interval', undefined],
    ['geometry(Point)', 'string'],
    ['whatever', undefined],
  ])('%s → %s', (type, expected) => {
    expect(semanticColumnType(type)).toBe(expected);
  });
});
