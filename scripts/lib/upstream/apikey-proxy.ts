/**
 * The upstream suites talk to http://localhost:54321 the way they talk to `supabase start`, whose gateway
 * lets a request without an `apikey` through. This stack's gateway refuses such requests, as hosted
 * projects do; so a proxy on the suites' port adds the local anon key to requests that carry none and
 * forwards everything else untouched.
 */
import http from "node:http";

export function startApikeyProxy(port: number, target: number, anonKey: string): Promise<http.Server> {
  const proxy = http.createServer((req, res) => {
    const headers = { ...req.headers };
    headers.apikey ??= anonKey;
    const upstream = http.request(
      { host: "127.0.0.1", port: target, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    proxy.once("error", reject);
    proxy.listen(port, "127.0.0.1", () => resolve(proxy));
  });
}
