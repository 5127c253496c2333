/** "1 candidat", "3 candidats": the regular French plural the import pages need. */
export const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? 's' : ''}`;
