import { pipeline } from "node:stream/promises";
import type { RequestHandler } from "express";
import type { Guilde } from "../context";
import { DomainError } from "../errors";
import { openVideo } from "../tutorials/open-video";
import type { ByteRange } from "./storage";

/**
 * Streams an uploaded video after the policy allowed it, with HTTP Range support (206, Content-Range,
 * Accept-Ranges) so that players can scrub and seek: from local disk, or from S3 with a ranged
 * GetObject. The bucket is never exposed; a file the viewer may not read is simply not found.
 */
export function serveUploads(guilde: Guilde): RequestHandler {
  return async (req, res, next) => {
    try {
      const video = await openVideo(guilde, { viewer: res.locals.user, uploadId: String(req.params.uploadId ?? "") });
      res.setHeader("Accept-Ranges", "bytes");
      res.setHeader("ETag", video.etag);
      // Private (never in a shared cache), and checked again on each use: access can be taken away.
      res.setHeader("Cache-Control", "private, no-cache");
      res.setHeader("Content-Type", video.contentType);
      res.setHeader("Content-Disposition", "inline");
      if (req.headers["if-none-match"] === video.etag) {
        res.status(304).end();
        return;
      }

      let range: ByteRange | undefined;
      const ifRange = req.headers["if-range"];
      if (req.headers.range && (!ifRange || ifRange === video.etag)) {
        const ranges = req.range(video.size, { combine: true });
        if (ranges === -1) {
          res.status(416).setHeader("Content-Range", `bytes */${video.size}`).end();
          return;
        }
        // Several ranges at once are answered with the whole file, which HTTP allows.
        if (Array.isArray(ranges) && ranges.type === "bytes" && ranges.length === 1) range = ranges[0];
      }
      if (range) {
        res.status(206);
        res.setHeader("Content-Range", `bytes ${range.start}-${range.end}/${video.size}`);
        res.setHeader("Content-Length", String(range.end - range.start + 1));
      } else {
        res.status(200);
        res.setHeader("Content-Length", String(video.size));
      }
      if (req.method === "HEAD") {
        res.end();
        return;
      }
      const body = await guilde.storage.get(video.storageKey, range);
      await pipeline(body, res).catch((error: NodeJS.ErrnoException) => {
        // A player that seeks elsewhere drops its request: that is not a failure.
        if (error.code !== "ERR_STREAM_PREMATURE_CLOSE") throw error;
      });
    } catch (error) {
      if (error instanceof DomainError && !res.headersSent) {
        res.status(error.status).type("text/plain").send(error.message);
        return;
      }
      next(error);
    }
  };
}
