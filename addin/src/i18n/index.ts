export { type Format, createFormat } from "./format";
export { type Language, LANGUAGES, paneLanguage } from "./language";
export { PaneLanguageProvider, createPaneI18n, useFormat } from "./pane-i18n";
export { loadCatalogs } from "./catalogs";
export { NAMESPACES, resources } from "./resources";
