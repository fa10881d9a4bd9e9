import type { TableKind } from '../../domain/schema';
// The sample exports are bundled as files of the app's own origin (hashed by Vite).
import campaignsCsv from '../../../data-samples/en/campaigns.csv?url';
import dealsCsv from '../../../data-samples/en/deals.csv?url';
import leadsCsv from '../../../data-samples/en/leads.csv?url';
import targetsCsv from '../../../data-samples/en/targets.csv?url';

/** The embedded default dataset the app opens with, in load order (leads first). */
export const SAMPLE_EXPORTS: readonly { kind: TableKind; fileName: string; url: string }[] = [
  { kind: 'leads', fileName: 'leads.csv', url: leadsCsv },
  { kind: 'deals', fileName: 'deals.csv', url: dealsCsv },
  { kind: 'campaigns', fileName: 'campaigns.csv', url: campaignsCsv },
  { kind: 'targets', fileName: 'targets.csv', url: targetsCsv },
];
