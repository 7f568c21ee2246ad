import { type PortableYaml, yamlFileFromPortable } from './portable-yaml.js';
import { type ParsedYamlFile, parseYamlText } from './yaml-file.js';

interface Entry {
  text: string;
  parsed: ParsedYamlFile;
  portable?: () => PortableYaml | undefined;
}

/**
 * Parsed YAML files by path, reused while the text is the same. Parsing is most of the cost of
 * loading a semantic layer; a caller that outlines files (`outlineSemanticFile`) and then loads some
 * of them (`loadSemanticModel`) passes one cache to both, so no text is parsed twice. A caller that
 * keeps parses between processes stores `portable(path)` and hands it back with `adopt`. Parsed
 * values are read-only to everyone, which is what makes sharing them safe. Lives as long as its owner
 * keeps it: drop it (or `clear()`) to free the documents.
 */
export class SemanticParseCache {
  readonly #entries = new Map<string, Entry>();

  parse(path: string, text: string): ParsedYamlFile {
    const hit = this.#entries.get(path);
    if (hit && hit.text === text) return hit.parsed;
    const { parsed, portable } = parseYamlText(path, text);
    this.#entries.set(path, { text, parsed, portable });
    return parsed;
  }

  /** Whether `text` of `path` is parsed already. */
  has(path: string, text: string): boolean {
    return this.#entries.get(path)?.text === text;
  }

  /**
   * The JSON-safe form of a file this cache parsed (not of an adopted one), when its document is
   * plain; undefined otherwise.
   */
  portable(path: string): PortableYaml | undefined {
    return this.#entries.get(path)?.portable?.();
  }

  /** Takes a portable parse of exactly `text` (the caller checks that, e.g. by hash) instead of parsing it. */
  adopt(path: string, text: string, portable: PortableYaml): void {
    this.#entries.set(path, { text, parsed: { ok: true, yaml: yamlFileFromPortable(path, portable) } });
  }

  clear(): void {
    this.#entries.clear();
  }
}
