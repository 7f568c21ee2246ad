// pg-cursor ships no types; this declares the part ktx uses.
// @see https://node-postgres.com/apis/cursor
declare module 'pg-cursor' {
  import type { Connection, CustomTypesConfig, FieldDef } from 'pg';

  interface CursorConfig {
    rowMode?: 'array';
    types?: CustomTypesConfig;
  }

  interface CursorResult {
    fields: FieldDef[];
  }

  export default class Cursor<Row = unknown> {
    constructor(text: string, values?: unknown[], config?: CursorConfig);
    submit(connection: Connection): void;
    read(rows: number, callback: (error: Error | undefined, rows: Row[], result: CursorResult) => void): void;
    close(): Promise<void>;
  }
}
