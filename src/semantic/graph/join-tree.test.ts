import { describe, expect, it } from 'vitest';
import { isKtxError } from '../../core/index.js';
import type { SemanticJoin, SemanticModel, SemanticSource } from '../model/semantic-model.js';
import { buildJoinGraph } from './join-graph.js';
import { joinTree } from './join-tree.js';

function source(name: string, joins: Partial<SemanticJoin>[] = []): SemanticSource {
  return {
    name,
    relation: { kind: 'table', path: [name] },
    grain: ['id'],
    columns: [],
    measures: [],
    segments: [],
    joins: joins.map((join) => ({
      relationship: 'many_to_one',
      keys: [{ from: `${join.to}_id`, to: 'id' }],
      to: '',
      ...join,
    })),
  };
}

function model(...sources: SemanticSource[]): SemanticModel {
  return { dialect: 'duckdb', sources: new Map(sources.map((each) => [each.name, each])) };
}

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('joinTree', () => {
  it('follows many-to-one chains and marks no fan-out', () => {
    const graph = buildJoinGraph(
      model(
        source('orders', [{ to: 'customers' }]),
        source('customers', [{ to: 'regions' }]),
        source('regions'),
      ),
    );
    const tree = joinTree(graph, 'orders', ['regions']);
    expect(tree.edges.map((edge) => `${edge.from}>${edge.to}`)).toEqual([
      'orders>customers',
      'customers>regions',
    ]);
    expect(tree.fansOut).toBe(false);
  });

  it('reaches the many side through the inverse edge and reports the fan-out', () => {
    const graph = buildJoinGraph(model(source('orders'), source('items', [{ to: 'orders' }])));
    const tree = joinTree(graph, 'orders', ['items']);
    expect(tree.edges[0]).toMatchObject({
      from: 'orders',
      to: 'items',
      relationship: 'one_to_many',
      keys: [{ from: 'id', to: 'orders_id' }],
    });
    expect(tree.fansOut).toBe(true);
  });

  it('prefers a longer safe path over a fanning shortcut', () => {
    // a → b → c → d safely, or a ← d directly (one-to-many from a): three safe steps cost less than one fan-out.
    const graph = buildJoinGraph(
      model(
        source('a', [{ to: 'b' }]),
        source('b', [{ to: 'c' }]),
        source('c', [{ to: 'd' }]),
        source('d', [{ to: 'a' }]),
      ),
    );
    expect(joinTree(graph, 'a', ['d']).edges.map((edge) => edge.to)).toEqual(['b', 'c', 'd']);
  });

  it('refuses a genuinely ambiguous path, naming both routes and the fix', () => {
    const graph = buildJoinGraph(
      model(
        source('a', [{ to: 'b' }, { to: 'c' }]),
        source('b', [{ to: 'd' }]),
        source('c', [{ to: 'd' }]),
        source('d'),
      ),
    );
    const error = thrown(() => joinTree(graph, 'a', ['d']));
    expect(isKtxError(error, 'join_path_ambiguous')).toBe(true);
    expect((error as Error).message).toContain('a → b → d');
    expect((error as Error).message).toContain('a → c → d');
    expect((error as { fix: string }).fix).toMatch(/alias/);
  });

  it('keeps role-playing aliases apart from the plain join, so two roles are not ambiguous', () => {
    const graph = buildJoinGraph(
      model(
        source('orders', [
          { to: 'regions', keys: [{ from: 'bill_region_id', to: 'id' }] },
          { to: 'regions', alias: 'ship_region', keys: [{ from: 'ship_region_id', to: 'id' }] },
        ]),
        source('regions'),
      ),
    );
    const tree = joinTree(graph, 'orders', ['regions', 'ship_region']);
    expect(tree.edges.map((edge) => [edge.to, edge.keys[0]!.from])).toEqual([
      ['regions', 'bill_region_id'],
      ['ship_region', 'ship_region_id'],
    ]);
  });

  it('says when nothing connects two sources', () => {
    const graph = buildJoinGraph(model(source('a'), source('b')));
    expect(
      isKtxError(
        thrown(() => joinTree(graph, 'a', ['b'])),
        'join_path_missing',
      ),
    ).toBe(true);
  });
});

describe('joinTree with two joins between the same sources', () => {
  it('refuses two plain joins on different keys (found by the randomized test, seed 66)', () => {
    const graph = buildJoinGraph(
      model(
        source('orders', [
          { to: 'regions', keys: [{ from: 'bill_region_id', to: 'id' }] },
          { to: 'regions', keys: [{ from: 'ship_region_id', to: 'id' }] },
        ]),
        source('regions'),
      ),
    );
    expect(
      isKtxError(
        thrown(() => joinTree(graph, 'orders', ['regions'])),
        'join_path_ambiguous',
      ),
    ).toBe(true);
  });

  it('treats one relationship declared on both sides as one route', () => {
    const graph = buildJoinGraph(
      model(
        source('orders', [{ to: 'customers', keys: [{ from: 'customer_id', to: 'id' }] }]),
        source('customers', [
          { to: 'orders', relationship: 'one_to_many', keys: [{ from: 'id', to: 'customer_id' }] },
        ]),
      ),
    );
    expect(joinTree(graph, 'orders', ['customers']).edges).toHaveLength(1);
    expect(joinTree(graph, 'customers', ['orders']).fansOut).toBe(true);
  });
});
