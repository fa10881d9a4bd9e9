/**
 * Lead life-cycle simulation: lead → mql → (distributed, first contact) → sql → opportunity → won,
 * with lost and disqualified as exits. Each step has a log-normal lag; nothing happens after
 * TODAY, so recent cohorts are still open (immature), exactly like a real CRM export.
 * (Written without per-call closures: it runs once per lead, millions of times.)
 */
import { Rng } from './prng';
import { TODAY } from './dates';
import { DISQUALIFY_REASONS, DUPLICATE_REASON, LAGS, QUALITY_EFFECT, type MediumProfile } from './story';

export type Stage = 'lead' | 'mql' | 'sql' | 'opportunity' | 'won' | 'lost' | 'disqualified';

export interface LifeCycleInput {
  readonly created: number;
  readonly medium: MediumProfile;
  /** Latent lead quality, standard normal-ish (higher converts better). */
  readonly quality: number;
  /** Multiplies the sales steps (rep skill or partner quality). */
  readonly salesFactor: number;
  readonly partner: boolean;
  /** Probability that the distributed lead is never followed up. */
  readonly neverFollowUp: number;
  /** A second record of a known person: often disqualified as duplicate. */
  readonly duplicate: boolean;
}

export interface LifeCycle {
  stage: Stage;
  mqlAt: number | null;
  sqlAt: number | null;
  opportunityAt: number | null;
  closedAt: number | null;
  firstContactAt: number | null;
  lastActivityAt: number;
  disqualifyReason: string | null;
  /** Distributed to sales but never followed up ("Karteileiche"). */
  neverFollowedUp: boolean;
}

const HALF_Q2 = (QUALITY_EFFECT * QUALITY_EFFECT) / 2;

function lag(rng: Rng, median: number): number {
  const v = Math.round(rng.lognormal(median, LAGS.sigma));
  return v < 0 ? 0 : v > LAGS.max ? LAGS.max : v;
}

/** Some activity after `from`, never after `limit` (nor TODAY). */
function activityAfter(rng: Rng, from: number, limit: number): number {
  const at = from + lag(rng, 10);
  return Math.min(at, limit, TODAY);
}

function rate(base: number, q: number, factor: number): number {
  const p = base * q * factor;
  return p > 0.97 ? 0.97 : p;
}

function finish(life: LifeCycle, stage: Stage, lastActivityAt: number): LifeCycle {
  life.stage = stage;
  life.lastActivityAt = lastActivityAt;
  return life;
}

/** Still open at `stage` since `since`; the next event (at `next`) lies after TODAY. */
function stillOpen(rng: Rng, life: LifeCycle, stage: Stage, since: number, next: number): LifeCycle {
  return finish(life, stage, activityAfter(rng, since, next - 1));
}

function disqualify(life: LifeCycle, at: number, reason: string): LifeCycle {
  life.disqualifyReason = reason;
  return finish(life, 'disqualified', at);
}

export function simulateLifeCycle(rng: Rng, input: LifeCycleInput): LifeCycle {
  const { created, medium, partner, salesFactor } = input;
  const q = Math.exp(QUALITY_EFFECT * input.quality - HALF_Q2);
  const steps = medium.steps;
  const life: LifeCycle = {
    stage: 'lead',
    mqlAt: null,
    sqlAt: null,
    opportunityAt: null,
    closedAt: null,
    firstContactAt: null,
    lastActivityAt: created,
    disqualifyReason: null,
    neverFollowedUp: false,
  };

  // Duplicates are usually caught by someone and disqualified.
  if (input.duplicate && rng.chance(0.4)) {
    const at = created + lag(rng, 3);
    return at > TODAY ? stillOpen(rng, life, 'lead', created, at) : disqualify(life, at, DUPLICATE_REASON);
  }

  // lead → mql (marketing qualification)
  const t1 = created + lag(rng, LAGS.mql * medium.mqlLagFactor);
  if (!rng.chance(rate(steps[0], q, 1))) {
    if (t1 > TODAY) return stillOpen(rng, life, 'lead', created, t1);
    if (rng.chance(0.3)) return disqualify(life, t1, rng.pick(DISQUALIFY_REASONS.lead));
    return finish(life, 'lead', activityAfter(rng, created, t1)); // never qualified, lies in nurturing
  }
  if (t1 > TODAY) return stillOpen(rng, life, 'lead', created, t1);
  life.mqlAt = t1;

  // Distribution to sales: follow-up, or a dead file.
  if (rng.chance(input.neverFollowUp)) {
    life.neverFollowedUp = true;
    return finish(life, 'mql', t1);
  }
  const fc = t1 + lag(rng, partner ? LAGS.firstContactPartner : LAGS.firstContactDirect);
  if (fc > TODAY) return stillOpen(rng, life, 'mql', t1, fc);
  life.firstContactAt = fc;

  // mql → sql (sales accepts)
  const t2 = fc + lag(rng, LAGS.sql);
  if (!rng.chance(rate(steps[1], q, 1))) {
    if (t2 > TODAY) return stillOpen(rng, life, 'mql', fc, t2);
    if (rng.chance(0.8)) return disqualify(life, t2, rng.pick(DISQUALIFY_REASONS.mql));
    return finish(life, 'mql', activityAfter(rng, fc, t2)); // back to nurturing
  }
  if (t2 > TODAY) return stillOpen(rng, life, 'mql', fc, t2);
  life.sqlAt = t2;

  // sql → opportunity
  const t3 = t2 + lag(rng, LAGS.opportunity);
  if (!rng.chance(rate(steps[2], q, salesFactor))) {
    if (t3 > TODAY) return stillOpen(rng, life, 'sql', t2, t3);
    if (rng.chance(0.65)) return disqualify(life, t3, rng.pick(DISQUALIFY_REASONS.sql));
    life.closedAt = t3;
    return finish(life, 'lost', t3);
  }
  if (t3 > TODAY) return stillOpen(rng, life, 'sql', t2, t3);
  life.opportunityAt = t3;

  // opportunity → won / lost
  const t4 = t3 + lag(rng, LAGS.close);
  const won = rng.chance(rate(steps[3], q, salesFactor));
  if (t4 > TODAY) return stillOpen(rng, life, 'opportunity', t3, t4);
  life.closedAt = t4;
  return finish(life, won ? 'won' : 'lost', Math.min(TODAY, t4 + rng.int(11)));
}
