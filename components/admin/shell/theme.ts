// The desk's colour theme: "system" follows prefers-color-scheme; "light" and "dark" are a person's
// choice, kept in a cookie so the server renders the class on <html> and the page never flashes.
export const THEME_COOKIE = "desk-theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export function parseTheme(value: string | undefined): Theme {
  return THEMES.includes(value as Theme) ? (value as Theme) : "system";
}

/** The classes of <html> for a theme ("desk" scopes the desk's light-and-dark tokens). */
export function themeClassName(theme: Theme): string {
  return theme === "system" ? "desk" : `desk ${theme}`;
}
