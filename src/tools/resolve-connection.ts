import { didYouMean, KtxError } from '../core/index.js';
import type { ToolConnection, ToolContext } from './tool-context.js';

/**
 * The connection a call acts on: the one named, else the only one configured. Unknown ids get
 * "did you mean"; several connections and none named is an error listing them.
 */
export function resolveConnection(context: ToolContext, requested: string | undefined): ToolConnection {
  const connections = context.connections();
  const ids = connections.map((connection) => connection.id);
  if (requested !== undefined) {
    const found = connections.find((connection) => connection.id === requested);
    if (found) return found;
    throw new KtxError('connection_unknown', `No connection \`${requested}\`${didYouMean(requested, ids)}.`, {
      fix:
        ids.length > 0
          ? `Pass connectionId as one of: ${ids.join(', ')}.`
          : 'Configure one with `ktx setup`.',
    });
  }
  if (connections.length === 1) return connections[0]!;
  throw new KtxError(
    connections.length === 0 ? 'connection_unknown' : 'missing_input',
    connections.length === 0 ? 'No connection is configured.' : 'Several connections are configured.',
    {
      fix:
        connections.length === 0
          ? 'Ask the user to run `ktx setup --database <driver> --database-url <url>`.'
          : `Pass connectionId as one of: ${ids.join(', ')} (connection_list describes them).`,
    },
  );
}
