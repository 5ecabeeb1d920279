import fs from "node:fs";
import path from "node:path";
import type { GraphFake } from "./fake-graph.handler";
import type { StoredEvent } from "./fake-calendar.store";
import type { FakeSubscription } from "./fake-subscriptions";

// The demo's Outlook calendars outlive a restart of `npm start`: without this, the fake would come
// back empty while the CRM still holds event ids, and the next pull would rightly take every
// synced activity for deleted in Outlook and cancel it.

interface SavedMailbox {
  token: string;
  seq: number;
  oldestValidSeq: number;
  events: StoredEvent[];
  /** The service keeps its subscriptions across a restart, so the fake does too. */
  subscriptions?: FakeSubscription[];
}

export function loadFakeState(fake: GraphFake, file: string): void {
  if (!fs.existsSync(file)) return;
  const saved = JSON.parse(fs.readFileSync(file, "utf8")) as SavedMailbox[];
  for (const entry of saved) {
    const box = fake.mailbox(entry.token);
    box.seq = entry.seq;
    box.oldestValidSeq = entry.oldestValidSeq;
    for (const event of entry.events) box.events.set(event.id, event);
    for (const subscription of entry.subscriptions ?? []) fake.notifications.restore(subscription);
  }
}

export function saveFakeState(fake: GraphFake, file: string): void {
  const saved: SavedMailbox[] = fake.mailboxes().map((box) => ({
    token: box.token,
    seq: box.seq,
    oldestValidSeq: box.oldestValidSeq,
    events: [...box.events.values()],
    subscriptions: fake.notifications.all().filter((subscription) => subscription.token === box.token),
  }));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename: a crash mid-write leaves the previous state, not half a file.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(saved));
  fs.renameSync(`${file}.tmp`, file);
}
