import "i18next";
import type { resources } from "./resources";

// Type-safe keys: t("app:viewEmail") and useTranslation("app") are checked against the English catalogs.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: (typeof resources)["en"];
    returnNull: false;
  }
}
