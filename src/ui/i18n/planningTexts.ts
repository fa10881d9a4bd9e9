import i18next from 'i18next';
import { planningDe } from './planning.de';
import { planningEn } from './planning.en';

/**
 * Adds the Planning page's texts (a fifth of all the app's words) to both languages when the page's
 * chunk loads: kept out of the first chunk, which every visitor waits for.
 */
export function addPlanningTexts(): void {
  const add = () => {
    i18next.addResourceBundle('en', 'translation', planningEn, true, false);
    i18next.addResourceBundle('de', 'translation', planningDe, true, false);
  };
  if (i18next.isInitialized) add();
  else i18next.on('initialized', add);
}
