// The API's Broadcast schema (maxLength, counted in characters as Python counts them:
// code points, so an emoji is one).
export const TITLE_MAX = 100;
export const BODY_MAX = 500;

export function characters(text: string): number {
  return Array.from(text).length;
}
