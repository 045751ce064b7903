/**
 * A translated text as Testing Library reads the screen: whitespace collapsed, so French
 * typography's narrow no-break space (before : ; ! ?) matches as a space. For component tests.
 */
export const shown = (text: string): string => text.replace(/\s+/g, ' ').trim();
