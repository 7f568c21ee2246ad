import type { LlmBackendName } from './port.js';

export interface LlmSdkDetection {
  /** The npm package the backend needs. */
  name: string;
  installed: boolean;
  version?: string;
  /** How to install it, when it is missing (or its binary is). */
  fix?: string;
}

/**
 * Whether the heavy optional SDK a backend needs is installed, without loading it (`ktx status`,
 * setup). API backends use the AI SDK, a regular dependency, so they get undefined. The detection
 * modules of each backend are imported lazily: they are cheap, but only status needs them.
 */
export async function detectLlmSdk(backend: LlmBackendName): Promise<LlmSdkDetection | undefined> {
  if (backend === 'claude-code') {
    const sdk = await import('./backends/claude-code/claude-code-sdk.js');
    const found = sdk.detectClaudeCodeSdk();
    const detection: LlmSdkDetection = { name: sdk.CLAUDE_AGENT_SDK_PACKAGE, installed: found.installed };
    if (found.version) detection.version = found.version;
    if (!found.installed) detection.fix = sdk.CLAUDE_AGENT_SDK_INSTALL_FIX;
    return detection;
  }
  if (backend === 'codex') {
    const sdk = await import('./backends/codex/codex-sdk-loader.js');
    const found = sdk.detectCodexSdk();
    const detection: LlmSdkDetection = { name: '@openai/codex-sdk', installed: found.installed };
    if (found.version) detection.version = found.version;
    if (!found.installed)
      detection.fix = `Install the Codex SDK and CLI next to ktx: \`${sdk.CODEX_INSTALL_COMMAND}\`, then rerun \`ktx status\`.`;
    return detection;
  }
  return undefined;
}
