import autocannon from 'autocannon';

export type LoadResult = { name: string; rps: number; p99: number; errors: number; non2xx: number };

export type LoadRequest = {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** A fixed body, or one built per request (single-use codes and refresh tokens). */
  body?: string | (() => string | undefined);
  onBody?: (body: string) => void;
};

/**
 * One autocannon run on loopback: `connections` concurrent keep-alive clients for
 * `seconds`, or until `amount` requests when the inputs are single-use.
 *
 * autocannon's requests/s is the mean of whole-second samples, and an `amount` run ends
 * on a partial second (1500 requests done in 2.2 s average out to 500/s over three samples),
 * so a fixed-amount run is timed from the start to its last response instead.
 */
export async function load(name: string, baseUrl: string, request: LoadRequest, options: { seconds?: number; amount?: number; connections?: number } = {}): Promise<LoadResult> {
  const dynamicBody = typeof request.body === 'function' ? request.body : undefined;
  const clock = { responses: 0, last: 0 };
  const onResponse = options.amount
    ? (body: string) => {
        clock.responses++;
        clock.last = performance.now();
        request.onBody?.(body);
      }
    : request.onBody;
  const started = performance.now();
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections ?? 10,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 5 }),
    requests: [buildRequest(request, dynamicBody, onResponse)],
  });
  const rps = options.amount && clock.responses > 0 ? (clock.responses * 1000) / (clock.last - started) : result.requests.average;
  return { name, rps: Math.round(rps), p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

/** autocannon treats a present-but-undefined hook as a hook: only set the keys that are used. */
function buildRequest(request: LoadRequest, dynamicBody: (() => string | undefined) | undefined, onBody: ((body: string) => void) | undefined): autocannon.Request {
  const built: autocannon.Request = { method: request.method ?? 'GET', path: request.path };
  if (request.headers) built.headers = request.headers;
  if (typeof request.body === 'string') built.body = request.body;
  if (dynamicBody) {
    built.setupRequest = (req: autocannon.Request) => {
      const body = dynamicBody();
      // A falsy return tells autocannon the inputs ran out.
      return (body === undefined ? undefined : { ...req, body }) as autocannon.Request;
    };
  }
  if (onBody) built.onResponse = (_status: number, body: string) => onBody(body);
  return built;
}
