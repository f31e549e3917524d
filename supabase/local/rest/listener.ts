/**
 * A dedicated connection LISTENing on channel `pgrst`: `reload schema` (or an empty payload, which
 * PostgREST treats as "reload everything") triggers a schema cache reload. Reconnects after errors.
 */
import pg from "pg";

const RECONNECT_MS = 1_000;

export class SchemaListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly onReload: () => void,
  ) {}

  start(): void {
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: "postgrest-local-listener",
    });
    this.client = client;
    client.on("error", () => this.retry(client));
    client.on("end", () => this.retry(client));
    client.on("notification", (message) => {
      const payload = (message.payload ?? "").trim();
      if (payload === "" || payload === "reload schema" || payload === "reload config") this.onReload();
    });
    try {
      await client.connect();
      await client.query("LISTEN pgrst");
      // Anything that changed while we were not listening is picked up now.
      this.onReload();
    } catch {
      this.retry(client);
    }
  }

  private retry(client: pg.Client): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.timer = setTimeout(() => void this.connect(), RECONNECT_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
