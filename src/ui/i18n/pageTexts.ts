import i18next from 'i18next';

/**
 * Adds a page's texts to both languages when the page's chunk loads: kept out of the first chunk,
 * which every visitor waits for.
 */
export function addPageTexts(en: object, de: object): void {
  const add = () => {
    i18next.addResourceBundle('en', 'translation', en, true, false);
    i18next.addResourceBundle('de', 'translation', de, true, false);
  };
  if (i18next.isInitialized) add();
  else i18next.on('initialized', add);
}
