// A logged-in client of a server reached over HTTP (a child process), as a browser would be: the
// session cookie and CSRF token on every request. For the fault tests and benchmarks.
import { TEST_PASSWORD } from './factories.ts';

export interface HttpReply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface HttpClient {
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<HttpReply<T>>;
  upload<T = unknown>(path: string, contentType: string, file: Buffer): Promise<HttpReply<T>>;
}

async function replyOf<T>(response: Response): Promise<HttpReply<T>> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

/** Logs in through POST /api/auth/login; throws unless it answers 200. */
export async function loginOverHttp(baseUrl: string, username: string, password = TEST_PASSWORD): Promise<HttpClient> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const session = /fk_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie: `fk_session=${session}`, 'x-csrf-token': csrfToken };
  return {
    request: async (method, path, body) =>
      replyOf(
        await fetch(`${baseUrl}${path}`, {
          method,
          headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      ),
    upload: async (path, contentType, file) =>
      replyOf(await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { ...headers, 'content-type': contentType }, body: file })),
  };
}
