/** Set by vite.config.ts: whether the build contains a published bundle in data/. */
declare const __PUBLISHED_BUNDLE__: boolean;
