import { describe, expect, it } from "vitest";
import {
  checkPostgres,
  createTemporaryDatabase,
  DEFAULT_POSTGRES_URL,
  psql,
  redact,
  toLibpqUrl,
  withDatabase,
} from "../../src/verify/postgres.js";

describe("PostgreSQL URLs", () => {
  it("turns a SQLAlchemy asyncpg URL into a libpq URL", () => {
    expect(toLibpqUrl(DEFAULT_POSTGRES_URL)).toBe("postgresql://ps:ps@127.0.0.1:55432/postgres");
    expect(
      toLibpqUrl("postgresql+asyncpg://u:p@db:5432/app?ssl=require&prepared_statement_cache_size=0"),
    ).toBe("postgresql://u:p@db:5432/app?sslmode=require");
    expect(toLibpqUrl("postgres://u@db/app")).toBe("postgresql://u@db/app");
  });

  it("rejects other databases", () => {
    expect(() => toLibpqUrl("sqlite+aiosqlite:///tmp/x.db")).toThrow(/not a PostgreSQL URL/);
  });

  it("points a URL at another database, keeping driver and credentials", () => {
    expect(withDatabase(DEFAULT_POSTGRES_URL, "verify_abc")).toBe(
      "postgresql+asyncpg://ps:ps@127.0.0.1:55432/verify_abc",
    );
  });

  it("hides the password in messages", () => {
    expect(redact("postgresql+asyncpg://ps:secret@h:1/db")).toBe("postgresql+asyncpg://ps:***@h:1/db");
  });
});

const serverUrl = process.env.PS_TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;
const server = await checkPostgres(serverUrl);
const skipNote = server.ok ? "" : ` — skipped, PostgreSQL unreachable: ${server.reason}`;

describe("temporary databases", () => {
  it.skipIf(!server.ok)(`creates and drops a database${skipNote}`, async () => {
    const database = await createTemporaryDatabase(serverUrl);
    expect(database.name).toMatch(/^verify_[0-9a-f]{12}$/);
    expect(database.url).toBe(withDatabase(serverUrl, database.name));
    const probe = await psql(database.url, "SELECT current_database()");
    expect(probe).toEqual({ ok: true, output: database.name });
    await database.drop();
    await database.drop();
    expect((await psql(database.url, "SELECT 1")).ok).toBe(false);
  });

  it("reports why a server is unreachable", async () => {
    const check = await checkPostgres("postgresql+asyncpg://ps:ps@127.0.0.1:1/postgres");
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toContain("127.0.0.1");
  });
});
