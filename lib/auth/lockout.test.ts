// Integration tests of the sign-in lockout against the real database.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { LOCKOUT_MAX_FAILURES, LOCKOUT_WINDOW_MS, markSignInSucceeded, startSignInAttempt } from "@/lib/auth/lockout";

const email = () => `lockout-${randomUUID()}@desk.test`;
const ip = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function fail(times: number, who: { email: string; ip: string }, at = new Date()) {
  for (let i = 0; i < times; i++) await startSignInAttempt(who.email, who.ip, at);
}

describe("sign-in lockout", () => {
  it("lets the first five attempts through and refuses the sixth for one account", async () => {
    const who = { email: email(), ip: ip() };
    await fail(LOCKOUT_MAX_FAILURES, who);
    const sixth = await startSignInAttempt(who.email, ip());
    expect(sixth.lockout.locked).toBe(true);
    if (sixth.lockout.locked) expect(sixth.lockout.retryAfterMs).toBeGreaterThan(LOCKOUT_WINDOW_MS - 60_000);
  });

  it("refuses an address that failed five times, whatever the account", async () => {
    const address = ip();
    for (let i = 0; i < LOCKOUT_MAX_FAILURES; i++) await startSignInAttempt(email(), address);
    expect((await startSignInAttempt(email(), address)).lockout.locked).toBe(true);
    expect((await startSignInAttempt(email(), ip())).lockout.locked).toBe(false);
  });

  it("counts only the last fifteen minutes", async () => {
    const who = { email: email(), ip: ip() };
    const longAgo = new Date(Date.now() - LOCKOUT_WINDOW_MS - 1000);
    await fail(LOCKOUT_MAX_FAILURES, who, longAgo);
    expect((await startSignInAttempt(who.email, who.ip)).lockout.locked).toBe(false);
  });

  it("starts counting again after a successful sign-in", async () => {
    const who = { email: email(), ip: ip() };
    await fail(LOCKOUT_MAX_FAILURES - 1, who, new Date(Date.now() - 2000));
    const success = await startSignInAttempt(who.email, who.ip, new Date(Date.now() - 1000));
    await markSignInSucceeded(success.attemptId);
    await fail(LOCKOUT_MAX_FAILURES - 1, who);
    expect((await startSignInAttempt(who.email, who.ip)).lockout.locked).toBe(false);
  });

  it("holds under parallel attempts: never more than five get through", async () => {
    // Each attempt is recorded before it is judged, so of any two parallel attempts the later
    // judged one sees the other: at most LOCKOUT_MAX_FAILURES can be let through.
    const who = { email: email(), ip: ip() };
    const results = await Promise.all(Array.from({ length: 60 }, () => startSignInAttempt(who.email, ip())));
    const allowed = results.filter((result) => !result.lockout.locked).length;
    expect(allowed).toBeLessThanOrEqual(LOCKOUT_MAX_FAILURES);
    expect((await startSignInAttempt(who.email, ip())).lockout.locked).toBe(true);
  });
});
