import type { IPublicClientApplication } from "@azure/msal-browser";
import type { TokenSource } from "../api/crm-api";
import type { AuthConfig } from "./auth-config";

/** Opens the sign-in dialog page and resolves with the token it sends back (office/office-dialog.ts). */
export type DialogSignIn = () => Promise<string>;

/**
 * Nested app authentication: Outlook signs the user in and MSAL gets a token for the service's
 * scope without a popup. Where the host does not support it (`nestedAppAuth` false: no
 * NestedAppAuth 1.1, office/host-capabilities.ts; older clients, Outlook.com and Gmail mailboxes),
 * MSAL is not even loaded and the Office dialog signs in; so it does when interaction is needed and
 * popups are blocked.
 * MSAL loads on first use, so it does not weigh on the pane's first paint.
 */
export function createMsalTokenSource(
  config: AuthConfig,
  dialogSignIn: DialogSignIn,
  nestedAppAuth: boolean,
): TokenSource {
  let app: Promise<IPublicClientApplication> | null = null;
  let dialogToken: { token: string; until: number } | null = null;
  const request = { scopes: [config.apiScope] };

  const nestedApp = () => {
    app ??= import("@azure/msal-browser").then(({ createNestablePublicClientApplication }) =>
      createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } }),
    );
    return app;
  };

  return async () => {
    if (dialogToken && dialogToken.until > Date.now()) return dialogToken.token;
    try {
      if (!nestedAppAuth) throw new Error("NestedAppAuth 1.1 is not supported here");
      const pca = await nestedApp();
      try {
        return (await pca.acquireTokenSilent(request)).accessToken;
      } catch {
        return (await pca.acquireTokenPopup(request)).accessToken;
      }
    } catch {
      const token = await dialogSignIn();
      // Dialog tokens are not cached by MSAL here: keep it for a while (access tokens last >= 60 min).
      dialogToken = { token, until: Date.now() + 50 * 60_000 };
      return token;
    }
  };
}
