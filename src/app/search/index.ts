// The search facade of the app layer; re-exported by ../index.ts.
export {};
