import { startBrowserEngine } from '../db/wasmBrowser';

// The engine's download and compile take longest: its worker is started before anything else, beside
// the evaluation of the app's modules and its rendering (main.tsx imports this module first).
startBrowserEngine();
