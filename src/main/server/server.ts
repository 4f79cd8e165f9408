// Browser mode: the same handler table as the desktop app behind a small HTTP server on
// 127.0.0.1. POST /api/<method> with a JSON body calls a method; GET /api/events is a
// Server-Sent Events stream of the contract's events; everything else serves the built
// renderer. See ADR 0002.
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';
import type { LibraryHost } from '../api/host';
import { hostAllowed, newToken, originAllowed, SECURITY_HEADERS, tokenMatches } from './security';

export interface ServeOptions {
  host: LibraryHost;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** 0 or absent: a free port. */
  port?: number;
  token?: string;
  /** Largest request body (imports of big files arrive as base64). */
  maxBodyBytes?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const maxBody = options.maxBodyBytes ?? 400 * 1024 * 1024;
  const rendererDir = path.resolve(options.rendererDir);
  const streams = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = options.host.onEvent((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        send(response, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (!hostAllowed(request, port))
      return send(response, 421, refusal('unauthorized', 'Unexpected Host header.'));
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (!url.pathname.startsWith('/api/')) return serveStatic(request, response, url.pathname);
    if (!originAllowed(request, port)) {
      return send(response, 403, refusal('unauthorized', 'Requests from other origins are refused.'));
    }
    if (url.pathname === '/api/events' && request.method === 'GET') {
      if (!tokenMatches(token, url.searchParams.get('token'))) {
        return send(response, 401, refusal('unauthorized', 'Missing or wrong token.'));
      }
      return openEventStream(response);
    }
    if (request.method !== 'POST')
      return send(response, 405, refusal('invalid-argument', 'Use POST for API calls.'));
    if (!tokenMatches(token, header(request, 'x-sheaf-token'))) {
      return send(response, 401, refusal('unauthorized', 'Missing or wrong token.'));
    }
    if (!(header(request, 'content-type') ?? '').startsWith('application/json')) {
      return send(response, 415, refusal('invalid-argument', 'API calls take application/json.'));
    }
    const body = await readBody(request, maxBody);
    if (body === undefined)
      return send(response, 413, refusal('invalid-argument', 'The request is too large.'));
    let args: unknown;
    try {
      args = body.length ? JSON.parse(body) : {};
    } catch {
      return send(response, 400, refusal('invalid-argument', 'The request body is not valid JSON.'));
    }
    const method = decodeURIComponent(url.pathname.slice('/api/'.length));
    send(response, 200, await dispatch(handlers, options.host, method, args));
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
    response.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(response);
    });
  }

  function serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, refusal('invalid-argument', 'Only GET here.'));
    }
    const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(rendererDir, `.${relative}`);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(response, 404, refusal('not-found', 'Not found.'));
    }
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'max-age=3600',
    });
    if (request.method === 'HEAD') return void response.end();
    fs.createReadStream(file).pipe(response);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function refusal(code: string, message: string) {
  return { ok: false, error: { code, message } };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
