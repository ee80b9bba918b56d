/** The first `max` characters of a text, on one line, with … when cut (titles in reminders and reports). */
export function shortTitle(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
