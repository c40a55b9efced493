/**
 * Natural batching ("group commit"): an item is written at once when the
 * writer is idle; items that arrive while a write is in flight wait for it
 * and then go together in the next one. No timer, so a lone request pays no
 * extra latency, and under load one round trip serves many requests. Each
 * caller still gets its own answer once its batch is done: `write` returns
 * one result per item, and an item whose result is an Error is rejected with it.
 */
export class GroupCommit<Item, Result> {
  #queue: { item: Item; resolve: (r: Result) => void; reject: (e: unknown) => void }[] = []
  #running = 0

  constructor(
    private write: (items: Item[]) => Promise<(Result | Error)[]>,
    private options: { maxBatch: number; concurrency: number }
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ item, resolve, reject })
      this.#pump()
    })
  }

  #pump() {
    while (this.#running < this.options.concurrency && this.#queue.length) {
      const batch = this.#queue.splice(0, this.options.maxBatch)
      this.#running++
      this.write(batch.map((entry) => entry.item))
        .then(
          (results) =>
            batch.forEach((entry, i) =>
              results[i] instanceof Error ? entry.reject(results[i]) : entry.resolve(results[i])
            ),
          (error) => batch.forEach((entry) => entry.reject(error))
        )
        .finally(() => {
          this.#running--
          this.#pump()
        })
    }
  }
}
