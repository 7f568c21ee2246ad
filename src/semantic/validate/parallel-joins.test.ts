import { describe, expect, it } from 'vitest';
import { loadSemanticModel } from '../model/load-semantic-model.js';

const regions = {
  path: 'semantic-layer/c/regions.yaml',
  text: 'name: regions\ntable: regions\ngrain: [id]\ncolumns: [{name: id, type: number}]\n',
};

function orders(joins: string): { path: string; text: string } {
  return {
    path: 'semantic-layer/c/orders.yaml',
    text: `name: orders\ntable: orders\ngrain: [id]\ncolumns:\n  - {name: id, type: number}\n  - {name: bill_region_id, type: number}\n  - {name: ship_region_id, type: number}\njoins:\n${joins}`,
  };
}

describe('parallel-joins', () => {
  it('warns when one source joins a target twice on different keys without an alias', () => {
    const { diagnostics } = loadSemanticModel(
      [
        regions,
        orders(
          '  - {to: regions, on: "bill_region_id = regions.id", relationship: many_to_one}\n  - {to: regions, on: "ship_region_id = regions.id", relationship: many_to_one}\n',
        ),
      ],
      { dialect: 'duckdb' },
    );
    expect(diagnostics.filter((d) => d.code === 'parallel-joins')).toEqual([
      expect.objectContaining({ severity: 'warning', fix: expect.stringContaining('alias') }),
    ]);
  });

  it('is silent when the second join is a role with an alias', () => {
    const { diagnostics } = loadSemanticModel(
      [
        regions,
        orders(
          '  - {to: regions, on: "bill_region_id = regions.id", relationship: many_to_one}\n  - {to: regions, alias: ship_region, on: "ship_region_id = ship_region.id", relationship: many_to_one}\n',
        ),
      ],
      { dialect: 'duckdb' },
    );
    expect(diagnostics.filter((d) => d.code === 'parallel-joins')).toEqual([]);
  });
});
