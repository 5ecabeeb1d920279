import { ConfidentialClientApplication, type ICachePlugin } from "@azure/msal-node";
import type { PrismaClient } from "../../generated/prisma/client";
import type { OnBehalfOfConfig } from "../calendar-sync.config";
import type { GraphTokenProvider } from "../graph/calendar-gateway";
import { GraphCallError } from "../graph/graph-errors";
import { decryptTokenCache, encryptTokenCache } from "./token-cache.crypto";

export interface OboTokenProvider extends GraphTokenProvider {
  /** Exchanges the add-in's token (the caller's bearer token) for Graph tokens and caches them. */
  remember(userId: string, assertion: string): Promise<void>;
}

const signInNeeded = (message: string) =>
  new GraphCallError({ kind: "auth", status: 401, code: "SignInNeeded", message });

/**
 * Production tokens: on-behalf-of the user (@azure/msal-node). Each user's MSAL cache lives in
 * GraphTokenCache, encrypted; the background worker then gets fresh access tokens silently
 * (refresh token from the cache) until the user opens the pane again and a new assertion arrives.
 */
export function createOboTokenProvider(prisma: PrismaClient, config: OnBehalfOfConfig): OboTokenProvider {
  const clients = new Map<string, ConfidentialClientApplication>();

  function cachePlugin(userId: string): ICachePlugin {
    return {
      async beforeCacheAccess(context) {
        const row = await prisma.graphTokenCache.findUnique({ where: { userId } });
        if (row) context.tokenCache.deserialize(decryptTokenCache(row.cipher, config.cacheKey, userId));
      },
      async afterCacheAccess(context) {
        if (!context.cacheHasChanged) return;
        const cipher = encryptTokenCache(context.tokenCache.serialize(), config.cacheKey, userId);
        await prisma.graphTokenCache.upsert({ where: { userId }, create: { userId, cipher }, update: { cipher } });
      },
    };
  }

  function clientFor(userId: string) {
    let client = clients.get(userId);
    if (!client) {
      client = new ConfidentialClientApplication({
        auth: { clientId: config.clientId, clientSecret: config.clientSecret, authority: config.authority },
        cache: { cachePlugin: cachePlugin(userId) },
      });
      clients.set(userId, client);
    }
    return client;
  }

  return {
    async remember(userId, assertion) {
      await clientFor(userId).acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: config.scopes });
    },
    async tokenFor(mailbox) {
      const client = clientFor(mailbox.userId);
      const [account] = await client.getTokenCache().getAllAccounts();
      if (!account) throw signInNeeded("Open the CRM pane in Outlook once so the service may reach your calendar");
      try {
        const result = await client.acquireTokenSilent({ account, scopes: config.scopes });
        if (!result?.accessToken) throw new Error("no access token");
        return result.accessToken;
      } catch (error) {
        throw signInNeeded(`Outlook sign-in needed: ${(error as Error).message}`);
      }
    },
  };
}
