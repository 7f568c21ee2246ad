// The llm facade of the app layer; re-exported by ../index.ts.
export {};
