import { assertNever } from '../../core/index.js';
import type { Cte, QueryNode, Select } from '../ast/query.js';
import { invalidAst } from './sql-text.js';

/**
 * Lifts every CTE in a query tree into one list, each CTE after the CTEs its own query declared, and
 * returns the tree without them. Hoisting keeps meaning because CTE names are unique across the tree
 * (checked here): a CTE only gains visibility, it never shadows another one.
 */
export function hoistCtes(node: QueryNode): { ctes: Cte[]; body: QueryNode } {
  const ctes: Cte[] = [];
  const names = new Set<string>();

  const hoistSelect = (select: Select): Select => {
    for (const cte of select.ctes) {
      const query = cte.query.kind === 'raw-query' ? cte.query : hoistQuery(cte.query);
      if (names.has(cte.name)) throw invalidAst(`two CTEs are named "${cte.name}"`);
      names.add(cte.name);
      ctes.push({ name: cte.name, query });
    }
    return select.ctes.length === 0 ? select : { ...select, ctes: [] };
  };

  const hoistQuery = (query: QueryNode): QueryNode => {
    switch (query.kind) {
      case 'select':
        return hoistSelect(query);
      case 'union':
        return { ...query, selects: query.selects.map(hoistSelect) };
      default:
        return assertNever(query, 'query node');
    }
  };

  const body = hoistQuery(node);
  return { ctes, body };
}
