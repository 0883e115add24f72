// Who is signed in. The access token lives only in this module's memory; the refresh
// token is an HttpOnly cookie the browser keeps for /api/v1/auth, out of any script's reach.
import { reactive } from "vue";
import type { components } from "../api/schema";
import { currentLocale } from "../i18n";

type Me = components["schemas"]["Me"];
type Token = components["schemas"]["Token"];
type Problem = components["schemas"]["Problem"];

const CSRF_COOKIE = "patrol_refresh_csrf";

export const session = reactive({
  accessToken: null as string | null,
  me: null as Me | null,
  // True while the session has ended and the sign-in dialog waits over the page.
  expired: false,
});

let waitingForSignIn: Array<() => void> = [];
let refreshing: Promise<boolean> | null = null;

export class SignInRefused extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

function readCookie(name: string): string {
  const prefix = `${name}=`;
  const found = document.cookie.split("; ").find((part) => part.startsWith(prefix));
  return found ? decodeURIComponent(found.slice(prefix.length)) : "";
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: {
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      "Accept-Language": currentLocale(),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function loadMe(): Promise<void> {
  const response = await fetch("/api/v1/me", {
    headers: { Authorization: `Bearer ${session.accessToken}`, "Accept-Language": currentLocale() },
  });
  if (!response.ok) throw new SignInRefused(await response.json());
  session.me = await response.json();
}

export async function signIn(phone: string, password: string): Promise<void> {
  const response = await post("/api/v1/auth/token", { phone, password, refresh_token_in: "cookie" });
  if (!response.ok) throw new SignInRefused(await response.json());
  const token: Token = await response.json();
  const previousUser = session.me?.id;
  session.accessToken = token.access_token;
  await loadMe();
  session.expired = false;
  // Someone else signing in at the dialog must not inherit the page of the one before.
  if (previousUser !== undefined && previousUser !== session.me?.id) {
    window.location.assign("/console/");
    return;
  }
  waitingForSignIn.forEach((resume) => resume());
  waitingForSignIn = [];
}

/** A new access token from the refresh cookie; false when there is no live session. */
export function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    const csrf = readCookie(CSRF_COOKIE);
    if (!csrf) return false;
    const response = await post("/api/v1/auth/refresh", undefined, { "X-CSRF-TOKEN": csrf });
    if (!response.ok) return false;
    session.accessToken = ((await response.json()) as Token).access_token;
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Called when a request found the session ended: refresh, or else show the sign-in
 * dialog over the page and wait, so nothing typed is lost. */
export async function renewSession(): Promise<void> {
  if (await refresh()) return;
  session.expired = true;
  await new Promise<void>((resume) => waitingForSignIn.push(resume));
}

/** On page load: resume the session the refresh cookie still holds, if any. */
export async function resumeSession(): Promise<void> {
  if (await refresh()) {
    await loadMe().catch(() => {
      session.accessToken = null;
      session.me = null;
    });
  }
}

export async function signOut(): Promise<void> {
  if (session.accessToken) {
    await fetch("/api/v1/auth/logout", {
      method: "POST",
      credentials: "same-origin",
      headers: { Authorization: `Bearer ${session.accessToken}` },
    }).catch(() => undefined);
  }
  session.accessToken = null;
  session.me = null;
  session.expired = false;
}
