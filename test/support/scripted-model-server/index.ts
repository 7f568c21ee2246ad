export { scriptedEmbedding } from './embeddings.js';
export { startScriptedModelServer } from './start-scripted-model-server.js';
export type {
  IncomingRequest,
  RecordedRequest,
  RequestClassifier,
  ScriptedApi,
  ScriptedDelayTurn,
  ScriptedErrorStatus,
  ScriptedErrorTurn,
  ScriptedHangTurn,
  ScriptedJsonTurn,
  ScriptedModelServer,
  ScriptedModelServerOptions,
  ScriptedTextTurn,
  ScriptedToolCall,
  ScriptedToolCallsTurn,
  ScriptedTurn,
  ScriptedUsage,
} from './types.js';
