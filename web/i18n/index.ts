/**
 * i18next with both catalogues bundled (they are small): bokmål by default, English when the
 * user switches (kept in localStorage). `<html lang>` follows the language.
 */
import i18next from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import { type Locale, toLocale } from "../format.js";
import en from "./en.json" with { type: "json" };
import nb from "./nb.json" with { type: "json" };

export const LANGUAGE_STORAGE_KEY = "naeringskompass.lang";

function storedLanguage(): Locale {
  try {
    return toLocale(window.localStorage.getItem(LANGUAGE_STORAGE_KEY) ?? "nb");
  } catch {
    return "nb";
  }
}

export function initI18n(): typeof i18next {
  const lng = typeof window === "undefined" ? "nb" : storedLanguage();
  void i18next.use(initReactI18next).init({
    resources: { nb: { translation: nb }, en: { translation: en } },
    lng,
    fallbackLng: "nb",
    supportedLngs: ["nb", "en"],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applyDocumentLanguage(lng);
  return i18next;
}

function applyDocumentLanguage(lng: Locale): void {
  if (typeof document !== "undefined") document.documentElement.lang = lng;
}

export async function setLanguage(lng: Locale): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  await i18next.changeLanguage(lng);
  applyDocumentLanguage(lng);
}

/** `t` plus the current locale ("nb" | "en") for formatting. */
export function useI18n() {
  const { t, i18n } = useTranslation();
  return { t, locale: toLocale(i18n.language) };
}
