// The bundled demo (`ktx demo`); re-exported by ../index.ts.
export { DEMO_CONNECTION_ID, demoAssetsDir } from './demo-assets.js';
export { DEMO_QUERIES, DEMO_SEARCH, type DemoColumnFormat, type DemoQuery } from './demo-queries.js';
export { formatDemoCell, renderDemoText } from './render-demo.js';
export {
  type DemoProgress,
  type DemoQueryResult,
  type DemoResult,
  type DemoStep,
  type RunDemoInput,
  runDemo,
} from './run-demo.js';
