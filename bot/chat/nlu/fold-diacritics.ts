/**
 * Lower-case ASCII form of Vietnamese text: every tone and vowel mark dropped and đ → d.
 * "Định danh mức 2" → "dinh danh muc 2". Decomposing (NFD) first makes precomposed and decomposed
 * input (some phones send combining marks) fold alike.
 */
export function foldDiacritics(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}
