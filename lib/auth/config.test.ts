// The auth logger: expected outcomes (a wrong password, an unreadable session cookie) are not logged as
// errors, even when a production build has shortened the error classes' names.
import { CredentialsSignin, JWTSessionError } from "@auth/core/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authConfig } from "./config";

// What a minifier leaves of a class: its behaviour, under a one-letter name.
class m extends JWTSessionError {}
class c extends CredentialsSignin {}

describe("auth logger", () => {
  afterEach(() => vi.restoreAllMocks());
  const log = (error: Error) => authConfig.logger!.error!(error);

  it("says an unreadable session cookie in one line, without a stack", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    log(new m("Invalid Compact JWE"));
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]![0])).toMatch(/unreadable session cookie/);
    expect(error).not.toHaveBeenCalled();
  });

  it("stays silent about a wrong password", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    log(new c());
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });

  it("logs any other error in full", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const failure = new Error("database unreachable");
    log(failure);
    expect(error).toHaveBeenCalledWith(failure);
  });
});
