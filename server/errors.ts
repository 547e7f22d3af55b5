/**
 * The few ways a service refuses. Routes never build error statuses by hand: `server/http/respond.ts`
 * maps these once. Messages and field errors are i18n keys, translated where they are shown.
 */
export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 429 | 503,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  constructor(message = "errors.notFound") {
    super(404, message);
  }
}

export class Forbidden extends DomainError {
  constructor(message = "errors.forbidden") {
    super(403, message);
  }
}

export class Invalid extends DomainError {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "errors.invalid",
  ) {
    super(400, message);
  }
}

export class Conflict extends DomainError {
  constructor(
    message = "errors.conflict",
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(409, message);
  }
}

export class RateLimited extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = "errors.rateLimited",
  ) {
    super(429, message);
  }
}

/** A service Guilde depends on (such as the company's identity provider) does not answer: try again later. */
export class Unavailable extends DomainError {
  constructor(message = "errors.unavailable") {
    super(503, message);
  }
}
