// The wiki facade of the app layer; re-exported by ../index.ts.
export {};
