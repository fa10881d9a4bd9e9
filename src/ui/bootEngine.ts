import { startEngineWorker } from '../db/earlyEngine';

/**
 * index.html's first script: it imports nothing but the engine's file names, so it runs as soon as
 * it arrives, and the engine's download and compile start before the app's own code is evaluated.
 */
startEngineWorker();
