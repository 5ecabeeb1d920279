/**
 * Group commit for one kind of write: while a batch is being written, the writes that arrive wait and
 * then go together, as one statement and so one commit (one fsync on PGlite, where every commit
 * blocks the only thread until the disk has it). Alone, a write goes at once: no added latency.
 * Every caller's promise settles only after the statement that carried its write has returned,
 * that is after its commit: no answer goes out before its data is on disk. A batch that fails (one
 * item breaks a constraint) is written again item by item, so each caller gets its own outcome.
 */
export function groupCommit<In, Out>(
  /** Writes the batch in one statement (one transaction); answers one result per item, in order. */
  writeBatch: (items: In[]) => Promise<Out[]>,
  /** The most items one statement carries (bounds its parameters and the memory it needs). */
  maxBatch: number,
): (item: In) => Promise<Out> {
  let waiting: { item: In; resolve: (out: Out) => void; reject: (error: unknown) => void }[] = [];
  let writing = false;

  async function drain() {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(maxBatch);
      try {
        const results = await writeBatch(batch.map((entry) => entry.item));
        batch.forEach((entry, index) => entry.resolve(results[index]!));
      } catch (error) {
        if (batch.length === 1) batch[0]!.reject(error);
        else
          await Promise.all(
            batch.map((entry) => writeBatch([entry.item]).then(([result]) => entry.resolve(result!), entry.reject)),
          );
      }
    }
    writing = false;
  }

  return (item) =>
    new Promise<Out>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}
