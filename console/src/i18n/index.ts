import { createI18n } from "vue-i18n";
import admin from "./messages/admin";
import attendance from "./messages/attendance";
import common from "./messages/common";
import live from "./messages/live";
import map from "./messages/map";
import patrols from "./messages/patrols";
import people from "./messages/people";
import review from "./messages/review";
import reports from "./messages/reports";
import roster from "./messages/roster";
import sos from "./messages/sos";
import sosIncidents from "./messages/sosIncidents";
import tonight from "./messages/tonight";
import zones from "./messages/zones";

export type Locale = "ko" | "en";
export const LOCALES: Locale[] = ["ko", "en"];
// The language choice is a preference, not a secret: it may stay in the browser.
const LOCALE_KEY = "patrol-console-locale";

// Each page keeps its words in a module of its own: { ko: {...}, en: {...} }.
const modules = [common, map, zones, patrols, roster, people, live, tonight, admin, review, attendance, reports, sos, sosIncidents];

function merged(locale: Locale) {
  return Object.assign({}, ...modules.map((module) => module[locale]));
}

export function savedLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(LOCALE_KEY);
  return saved === "en" ? "en" : "ko";
}

export const i18n = createI18n({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: "ko",
  messages: { ko: merged("ko"), en: merged("en") },
});

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale;
}

export function setLocale(locale: Locale) {
  i18n.global.locale.value = locale;
  localStorage.setItem(LOCALE_KEY, locale);
  document.documentElement.lang = locale;
}
