import { describe, expect, it } from 'vitest';
import { toRows } from '../../src/db/arrowRows';
import { isEmailSyntax } from '../../src/domain/quality/emailSyntax';
import { emailIsValid } from '../../src/sql/emailSyntax';
import { ENGINES } from './helpers/engines';

/** Addresses at every edge of the syntax: dots, whitespace of each kind, letters outside ASCII, the top-level domain. */
const ADDRESSES = [
  'a@b.de', 'A.B@c.d.com', 'x@y.z.info', 'a+b@c.co', 'ü@ä.de', 'a@b.DE', 'Jürgen.Weiß@müller.de',
  '.a@b.de', 'a.@b.de', 'a..b@c.de', 'a@b', 'a@b.c', 'a@b.c1', 'a@.b.de', 'a@b..de', 'a@b.de.', 'a@b.dé',
  'a b@c.de', 'a\t@b.de', 'a\n@b.de', 'a\f@b.de', 'a\r@b.de', 'a\u000bb@c.de', 'a\u00a0b@c.de', 'a\u3000b@c.de',
  'a@b@c.de', '@b.de', 'a@', '', '@', '.', 'a@b.de ', ' a@b.de', 'a@b-c.de', 'a@b.c-d', 'a@1.2.de', 'a@b.x.y1.zz',
];

describe.each(ENGINES)('e-mail syntax on bytes against the SQL pattern on $name', ({ open }) => {
  it('gives every address the verdict the engine gives it', async () => {
    const db = await open();
    try {
      const rows = toRows(await db.query({ sql: `SELECT i, ${emailIsValid('v')} AS ok FROM (VALUES ${ADDRESSES.map(() => '(?, ?)').join(', ')}) t(i, v) ORDER BY i`, params: ADDRESSES.flatMap((a, i) => [i, a]) }));
      const engine = rows.map((r) => r.ok === true);
      const encoder = new TextEncoder();
      const bytes = ADDRESSES.map((a) => isEmailSyntax(encoder.encode(a), 0, encoder.encode(a).length));
      expect(bytes).toEqual(engine);
      // Both kinds of verdict are there (the pattern is not trivially true or false here).
      expect(engine.filter(Boolean).length).toBeGreaterThan(8);
      expect(engine.filter((ok) => !ok).length).toBeGreaterThan(15);
    } finally {
      await db.close();
    }
  });
});
