/**
 * Sign-in settings, fixed at build time (webpack DefinePlugin replaces process.env.*):
 * AUTH_CLIENT_ID (the add-in's Entra ID app), AUTH_AUTHORITY and AUTH_API_SCOPE (the service's
 * scope, e.g. api://crm.contoso.com/<id>/access_as_user). Without a client id the pane uses the
 * local service's development sign-in.
 */
export interface AuthConfig {
  clientId: string;
  authority: string;
  apiScope: string;
}

export function authConfigFromBuild(): AuthConfig | null {
  const clientId = process.env.AUTH_CLIENT_ID ?? "";
  if (!clientId) return null;
  return {
    clientId,
    authority: process.env.AUTH_AUTHORITY || "https://login.microsoftonline.com/organizations",
    apiScope: process.env.AUTH_API_SCOPE ?? "",
  };
}
