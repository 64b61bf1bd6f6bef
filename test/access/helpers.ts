/** Shared constants of the access tests. */
export const AUDIENCE = "https://door.example";
export const EVENT = "devcon-2026";
