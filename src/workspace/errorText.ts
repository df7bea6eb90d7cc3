/** A caught error's message for a sentence of our own: no trailing period or whitespace. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[.\s]+$/, '');
}

/** `text` as the end of a sentence: a period added unless it has one (limit messages do). */
export function endSentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}
