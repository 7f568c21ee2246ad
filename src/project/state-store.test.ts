import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-dir.js';
import { isKtxError } from '../core/index.js';
import { STATE_MIGRATIONS } from './state-migrations.js';
import { openStateStore } from './state-store.js';

describe('openStateStore', () => {
  it('applies every migration once, also when opened again', () => {
    const path = join(tempDir(), '.ktx', 'state.sqlite');
    openStateStore(path).close();
    const db = openStateStore(path);
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as {
      version: number;
    }[];
    expect(versions.map((row) => row.version)).toEqual(
      STATE_MIGRATIONS.map((migration) => migration.version),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a store written by a newer ktx', () => {
    const path = join(tempDir(), 'state.sqlite');
    const db = openStateStore(path);
    db.prepare('INSERT INTO schema_migrations VALUES (999, ?, ?)').run('future', 'now');
    db.close();
    expect(() => openStateStore(path)).toThrow(expect.objectContaining({ code: 'state_store' }));
    try {
      openStateStore(path);
    } catch (error) {
      expect(isKtxError(error, 'state_store')).toBe(true);
    }
  });
});
