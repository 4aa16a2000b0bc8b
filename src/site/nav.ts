/** Site name and main navigation: one list, used by the header and tests. */
export const SITE_NAME = "Finsam i siffror";

export const NAV: ReadonlyArray<{ href: string; label: string }> = [
  { href: "/", label: "Start" },
  { href: "/forbund/", label: "Förbund" },
  { href: "/kommun/", label: "Kommuner" },
  { href: "/ar/", label: "År" },
  { href: "/deltagare/", label: "Deltagare" },
  { href: "/jamfor/", label: "Jämför" },
  { href: "/data/", label: "Data" },
  { href: "/metod/", label: "Metod" },
];

/** The nav item a path belongs to ("/kommun/0180/" → "/kommun/"). */
export function currentSection(pathname: string): string {
  if (pathname === "/") return "/";
  return NAV.find((n) => n.href !== "/" && pathname.startsWith(n.href))?.href ?? "";
}

export interface Crumb {
  href?: string;
  label: string;
}
