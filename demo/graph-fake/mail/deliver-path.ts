/**
 * Not Graph: where the demo (or a browser suite) makes a message arrive in a user's Inbox, as if a
 * customer wrote (see GraphMailFake.deliver). Outside /v1.0, so no Graph client can mistake it. Its
 * own module, so the demo host's page can name it without the fake's server.
 */
export const DELIVER_PATH = "/fake/mail/deliver";
