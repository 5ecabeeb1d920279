/// <reference types="office-js" />
import { createStandardPublicClientApplication } from "@azure/msal-browser";
import { authConfigFromBuild } from "./auth-config";

// The page Office's dialog opens when nested app authentication is not available: it signs in
// with a redirect and hands the access token to the pane through messageParent.
async function main() {
  const config = authConfigFromBuild();
  const report = (message: { token?: string; error?: string }) =>
    Office.context.ui.messageParent(JSON.stringify(message));
  if (!config) return report({ error: "This build has no AUTH_CLIENT_ID" });
  const pca = await createStandardPublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: location.href.split("?")[0] },
  });
  const result = await pca.handleRedirectPromise();
  if (result?.accessToken) return report({ token: result.accessToken });
  await pca.acquireTokenRedirect({ scopes: [config.apiScope] });
}

Office.onReady(() =>
  main().catch((error: Error) => Office.context.ui.messageParent(JSON.stringify({ error: error.message }))),
);
