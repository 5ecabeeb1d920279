export { ConsentBadges } from "./consent-badges";
export { type RecordContact, withdrawnChannels } from "./consent-channels";
export { ConsentSection } from "./consent-section";
export { useConsentWarning } from "./use-consent-warning";
