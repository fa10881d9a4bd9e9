/**
 * Data-quality issues, deliberately injected and counted: duplicates (a second lead_id for the
 * same person), missing and malformed e-mails and phones, missing company/country/industry.
 * Rates rise over the last ~6 months (the guideline's downward spiral).
 */
import { Rng } from './prng';
import { DECAY_START_DAY, LAST_LEAD_DAY } from './dates';
import { DECAY_MAX } from './story';
import { companyVariant, emailCaseVariant, type Person } from './people';

/** 0 before DECAY_START_DAY, rising linearly to 1 on the last lead day. */
export function decayOf(day: number): number {
  if (day <= DECAY_START_DAY) return 0;
  return Math.min(1, (day - DECAY_START_DAY) / (LAST_LEAD_DAY - DECAY_START_DAY));
}

/** Multiplier for issue rates: 1 before the decay, DECAY_MAX at the end. */
export function decayMultiplier(day: number): number {
  return 1 + (DECAY_MAX - 1) * decayOf(day);
}

/** An address that fails a syntax check: no @, or a double dot. */
export function malformEmail(rng: Rng, email: string): string {
  const at = email.indexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  switch (rng.int(4)) {
    case 0:
      return `${local}.${domain}`; // @ lost
    case 1:
      return `${local}${domain}`; // @ lost, run together
    case 2:
      return local.includes('.') ? `${local.replace('.', '..')}@${domain}` : `${local}..@${domain}`;
    default:
      return `${local}@${domain.replace('.', '..')}`;
  }
}

/** A number that fails a plausibility check: too short, or letters in it. */
export function malformPhone(rng: Rng, phone: string): string {
  switch (rng.int(4)) {
    case 0:
      return phone.replace(/\D/g, '').slice(0, 4 + rng.int(2)); // too short
    case 1:
      return `${phone.slice(0, -2)}O${phone.slice(-1)}`; // letter O for a zero
    case 2:
      return `${phone.slice(0, -1)}x`; // letter typed in
    default:
      return rng.pick(['folgt', 'n/a', 'siehe Zentrale', 'unbekannt']);
  }
}

export type DuplicateKind = 'exact' | 'email-case' | 'company-variant';

/** The same person entered again: an exact copy, the e-mail in another case, or a fuzzy company name. */
export function duplicateOf(rng: Rng, person: Person): { person: Person; kind: DuplicateKind } {
  const u = rng.next();
  if (u < 0.45) return { person, kind: 'exact' };
  if (u < 0.7) return { person: { ...person, email: emailCaseVariant(person.email) }, kind: 'email-case' };
  return { person: { ...person, companyName: companyVariant(person.companyName, rng) }, kind: 'company-variant' };
}

/** A person and the lead they first came as. */
export interface KnownPerson {
  readonly person: Person;
  readonly leadId: string;
}

/** The last `size` people seen, so a duplicate refers to someone who recently became a lead. */
export class RecentPeople {
  private readonly ring: (KnownPerson | undefined)[];
  private next = 0;
  private filled = 0;

  constructor(private readonly size = 4096) {
    this.ring = new Array<KnownPerson | undefined>(size);
  }

  remember(known: KnownPerson): void {
    this.ring[this.next] = known;
    this.next = (this.next + 1) % this.size;
    if (this.filled < this.size) this.filled += 1;
  }

  recall(rng: Rng): KnownPerson | null {
    if (this.filled === 0) return null;
    return this.ring[rng.int(this.filled)] ?? null;
  }
}
