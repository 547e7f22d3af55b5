import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./components/nonce";

const streamTimeout = 5_000;

/**
 * Renders the whole page, then sends it in one piece. No route defers data, so streaming the shell
 * would gain nothing, and writing React's many small chunks to the socket one by one cost more CPU
 * than rendering them (one system call each).
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // Stops a render that never completes; cleared once it does.
    const deadline = setTimeout(() => abort(), streamTimeout + 1000);
    const chunks: Buffer[] = [];
    const page = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        clearTimeout(deadline);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        if (loadContext.requestStartedAt !== undefined) {
          responseHeaders.append("Server-Timing", `total;dur=${(performance.now() - loadContext.requestStartedAt).toFixed(1)}`);
        }
        resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(page);
        },
        onShellError(error: unknown) {
          clearTimeout(deadline);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors in the shell are reported by the error boundary; log the rest.
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}
