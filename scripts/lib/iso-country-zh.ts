/**
 * i18n-iso-countries' Chinese country names (MIT; CLDR-based) by ISO 3166-1 numeric id, the id world-atlas
 * gives each country: the library half of basemap-places.ts countryZh, for the build and its test.
 */
import countries from 'i18n-iso-countries';
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };

countries.registerLocale(zh);

export const isoCountryZh = (numeric: string): string | undefined => countries.getName(countries.numericToAlpha2(numeric) ?? '', 'zh') || undefined;
