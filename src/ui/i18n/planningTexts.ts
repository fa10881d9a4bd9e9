import { addPageTexts } from './pageTexts';
import { planningDe } from './planning.de';
import { planningEn } from './planning.en';

/** The Planning page's texts (a fifth of all the app's words), added when the page's chunk loads. */
export function addPlanningTexts(): void {
  addPageTexts(planningEn, planningDe);
}
