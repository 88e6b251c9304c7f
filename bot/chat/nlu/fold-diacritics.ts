/**
 * Lower-case ASCII form of Vietnamese text: NFC first (Zalo on some phones sends decomposed
 * marks), then every tone and vowel mark dropped and đ → d. "Định danh mức 2" → "dinh danh muc 2".
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}
