/**
 * Campaign responses (a "Campaign Members" export): besides the campaign a lead came from, some leads
 * answered other campaigns before (up to 90 days) and a few after (up to 60 days): what multi-touch
 * attribution credits. Drawn from a random stream of their own, so the other tables do not change.
 */
import type { Campaign } from './campaigns';
import type { Rng } from './prng';

// A type, not an interface: the sinks take rows as records of cells.
export type Touch = {
  readonly lead_id: string;
  readonly campaign_id: string;
  readonly touched_at: number;
};

/** Campaign indexes running on each day from `firstDay` to `lastDay`. */
function activeByDay(campaigns: readonly Campaign[], firstDay: number, lastDay: number): number[][] {
  const days: number[][] = Array.from({ length: lastDay - firstDay + 1 }, () => []);
  campaigns.forEach((c, i) => {
    for (let d = Math.max(firstDay, c.start); d <= Math.min(lastDay, c.end); d++) days[d - firstDay]!.push(i);
  });
  return days;
}

export class TouchMaker {
  private readonly active: number[][];
  private readonly firstDay: number;

  constructor(
    private readonly rng: Rng,
    private readonly campaigns: readonly Campaign[],
    firstDay: number,
    lastDay: number,
  ) {
    this.firstDay = firstDay - 90;
    this.active = activeByDay(campaigns, this.firstDay, lastDay + 60);
  }

  /** The touches of a lead created on `day` from `campaignId` (null: it named none). */
  make(leadId: string, day: number, campaignId: string | null): Touch[] {
    const touches: Touch[] = [];
    const earlier = this.rng.next() < 0.35 ? (this.rng.next() < 0.35 ? 2 : 1) : 0;
    for (let k = 0; k < earlier; k++) this.addAround(touches, leadId, day - 1 - Math.floor(this.rng.next() * 90));
    if (campaignId !== null) touches.push({ lead_id: leadId, campaign_id: campaignId, touched_at: day });
    if (this.rng.next() < 0.2) this.addAround(touches, leadId, day + 1 + Math.floor(this.rng.next() * 60));
    return touches.sort((a, b) => a.touched_at - b.touched_at);
  }

  private addAround(touches: Touch[], leadId: string, day: number): void {
    const running = this.active[day - this.firstDay];
    if (!running || running.length === 0) return;
    const campaign = this.campaigns[running[Math.floor(this.rng.next() * running.length)]!]!;
    touches.push({ lead_id: leadId, campaign_id: campaign.id, touched_at: day });
  }
}
