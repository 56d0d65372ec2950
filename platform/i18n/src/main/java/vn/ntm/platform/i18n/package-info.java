/** Message catalogs in Vietnamese and English: localized texts, the language rule, the catalog checks. */
package vn.ntm.platform.i18n;
