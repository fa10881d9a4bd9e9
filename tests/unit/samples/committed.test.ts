import { describe, expect, it } from 'vitest';
import { generate, hashes, SAMPLES_DIR, withTempDir } from './sampleFiles';

describe('committed sample files', () => {
  it('are exactly what `npm run samples` generates (never edit them by hand: regenerate)', async () => {
    const committed = await hashes(SAMPLES_DIR);
    await withTempDir(async (dir) => {
      await generate(dir); // the defaults: seed 42, 20,000 leads, en + de
      expect(committed).toEqual(await hashes(dir));
    });
  }, 60_000);
});
