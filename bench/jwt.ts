/** HS256 access tokens in the exact shape the generated app issues (sub, type, iat, exp, jti). */
import { createHmac, randomBytes } from "node:crypto";

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString("base64url");
}

export function accessToken(userId: number, secret: string, lifetimeSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const claims = base64url(
    JSON.stringify({
      sub: String(userId),
      type: "access",
      iat: now,
      exp: now + lifetimeSeconds,
      jti: randomBytes(16).toString("hex"),
    }),
  );
  const signature = createHmac("sha256", secret).update(`${header}.${claims}`).digest("base64url");
  return `${header}.${claims}.${signature}`;
}
