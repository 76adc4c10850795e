import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { CreateWorkshopRequest, type InstanceInfo, type WorkshopPublicInfo } from '../../shared/http.ts';
import { JoinCode, WorkshopId } from '../../shared/ids.ts';
import type { WorkshopActor } from '../engine/actor.ts';
import type { Engine } from '../engine/engine.ts';
import { sameSecret } from '../engine/secrets.ts';
import { parseInbound } from '../parse-inbound.ts';
import type { EventStore } from '../store/event-store.ts';
import type { VideoService } from '../video/video-service.ts';

export type HttpDeps = {
  engine: Engine;
  store: EventStore;
  log: Logger;
  createPassword: string | undefined;
  livekitUrl: string | undefined;
  /** LiveKit video; null or missing when video is off. */
  video?: VideoService | null;
  trustProxy: boolean;
  /** The built client (dist/client); when missing, pages say how to build it. */
  clientDir: string;
};

function httpError(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ error: { code, message } });
}

function publicInfo(actor: WorkshopActor): WorkshopPublicInfo {
  const s = actor.snapshot;
  return {
    workshopId: s.id,
    code: s.code,
    title: s.title,
    description: s.description,
    profileFields: s.profileFields,
    locked: s.settings.locked,
    waitingRoom: s.settings.waitingRoom,
  };
}

/** The LiveKit server the browser will talk to, as CSP connect-src entries. */
function livekitSources(url: string | undefined): string[] {
  if (!url) return [];
  const u = new URL(url);
  const ws = u.protocol.startsWith('http') ? u.protocol.replace('http', 'ws') : u.protocol;
  const http = ws.replace('ws', 'http');
  return [`${ws}//${u.host}`, `${http}//${u.host}`];
}

export function createHttpApp(deps: HttpDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  if (deps.trustProxy) app.set('trust proxy', 1);

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", ...livekitSources(deps.livekitUrl)],
          imgSrc: ["'self'", 'data:', 'blob:'],
          mediaSrc: ["'self'", 'blob:'],
          // Svelte may set inline style attributes for transitions
          styleSrc: ["'self'", "'unsafe-inline'"],
          workerSrc: ["'self'", 'blob:'],
          // helmet's default would rewrite assets and ws:// to https on plain-http servers (a LAN
          // workshop, Safari on localhost): a blank page. Behind TLS, browsers use https anyway.
          upgradeInsecureRequests: null,
        },
      },
      // the join link is shared by people; keep referrers from leaking workshop paths elsewhere
      referrerPolicy: { policy: 'same-origin' },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', (_req, res) => {
    if (deps.store.isOpen()) res.json({ ok: true, store: 'open' });
    else res.status(503).json({ ok: false, store: 'closed' });
  });

  // LiveKit webhooks: the raw body is what LiveKit signed (sha256 in the Authorization JWT).
  app.post('/livekit/webhook', express.raw({ type: 'application/webhook+json', limit: '64kb' }), async (req, res) => {
    const video = deps.video;
    if (!video) {
      httpError(res, 404, 'not_found', 'Video is off on this server, so it takes no LiveKit webhooks (README, section "Video").');
      return;
    }
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const outcome = await video.webhook(body, req.get('authorization'));
    if (!outcome.ok) {
      deps.log.warn({ reason: outcome.reason }, 'LiveKit webhook refused');
      httpError(res, 401, 'forbidden', 'This webhook is not signed with this server\'s LiveKit API key and secret.');
      return;
    }
    res.json({ ok: true, duplicate: outcome.duplicate });
  });

  const api = express.Router();
  api.use(express.json({ limit: '32kb' }));

  api.get('/instance', (_req, res) => {
    const info: InstanceInfo = { createNeedsPassword: Boolean(deps.createPassword), video: { enabled: Boolean(deps.video) } };
    res.json(info);
  });

  const createLimiter = new RateLimiterMemory({ points: 20, duration: 60 });
  api.post('/workshops', async (req, res) => {
    try {
      await createLimiter.consume(req.ip ?? 'unknown');
    } catch {
      httpError(res, 429, 'rate_limited', 'Too many workshops created from here. Wait a minute and try again.');
      return;
    }
    const parsed = parseInbound(CreateWorkshopRequest, req.body);
    if (!parsed.ok) {
      httpError(res, 400, 'bad_request', parsed.message);
      return;
    }
    const { password, ...workshop } = parsed.data;
    if (deps.createPassword && !sameSecret(password ?? '', deps.createPassword)) {
      httpError(res, 401, 'wrong_password', 'That password is not right. Ask whoever runs this Indaba server for it.');
      return;
    }
    res.status(201).json(await deps.engine.create(workshop));
  });

  // Codes are short: slow down anyone trying them one after another.
  const lookupLimiter = new RateLimiterMemory({ points: 60, duration: 60 });
  api.get('/workshops/by-code/:code', async (req, res) => {
    try {
      await lookupLimiter.consume(req.ip ?? 'unknown');
    } catch {
      httpError(res, 429, 'rate_limited', 'Too many codes tried from here. Wait a minute and try again.');
      return;
    }
    const code = JoinCode.safeParse(req.params.code);
    const actor = code.success ? await deps.engine.findByCode(code.data) : null;
    if (!actor) {
      httpError(res, 404, 'not_found', 'There is no workshop with that code. Check it with the facilitator.');
      return;
    }
    res.json(publicInfo(actor));
  });

  api.get('/workshops/:id', async (req, res) => {
    const id = WorkshopId.safeParse(req.params.id);
    const actor = id.success ? await deps.engine.get(id.data) : null;
    if (!actor) {
      httpError(res, 404, 'not_found', 'There is no such workshop. Check the link with the facilitator.');
      return;
    }
    res.json(publicInfo(actor));
  });

  api.use((_req, res) => httpError(res, 404, 'not_found', 'No such API route.'));
  app.use('/api', api);

  // The single-page client: built files, and index.html for every page route.
  const index = path.join(deps.clientDir, 'index.html');
  app.use(express.static(deps.clientDir, { index: false, maxAge: '1h' }));
  app.get(['/', '/j/{*rest}', '/w/{*rest}'], (_req, res) => {
    if (fs.existsSync(index)) res.sendFile(path.resolve(index), { maxAge: 0 });
    else res.status(503).type('text').send('The Indaba client is not built yet. Run `npm run build` (npm start does it for you).');
  });

  app.use((_req: Request, res: Response) => httpError(res, 404, 'not_found', 'Nothing here. Check the address.'));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status ?? 500;
    if (status >= 500) deps.log.error({ err: error }, 'request failed');
    const tooBig = (error as { type?: string }).type === 'entity.too.large';
    const malformed = (error as { type?: string }).type === 'entity.parse.failed';
    if (tooBig) httpError(res, 413, 'bad_request', 'That request is too large.');
    else if (malformed) httpError(res, 400, 'bad_request', 'That request is not valid JSON.');
    else httpError(res, status >= 400 && status < 600 ? status : 500, 'server_error', 'Something went wrong on the server. Please try again.');
  });
  return app;
}

