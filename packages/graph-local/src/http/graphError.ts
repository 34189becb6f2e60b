/** Graph's error codes this server answers with (the `error.code` of Graph's error body). */
export type GraphErrorCode =
  | 'BadRequest'
  | 'invalidRequest'
  | 'InvalidAuthenticationToken'
  | 'accessDenied'
  | 'itemNotFound'
  | 'ErrorItemNotFound'
  | 'ErrorAccessDenied'
  | 'nameAlreadyExists'
  | 'conflict'
  | 'preconditionFailed'
  | 'RequestEntityTooLarge'
  | 'resyncRequired'
  | 'FailedDependency'
  | 'ErrorInvalidParameter'
  | 'ErrorInvalidIdMalformed'
  | 'Forbidden'
  | 'TooManyRequests'
  | 'serviceNotAvailable'
  | 'generalException'
  | 'NotFound'
  | 'UnknownError'
  | 'Request_ResourceNotFound';

/**
 * A failure to answer as Graph does: thrown by any handler, turned into `{"error":{"code","message","innerError"}}`
 * with this status by the server.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: GraphErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** 400 BadRequest for a request Graph would refuse, naming what was wrong. */
export function badRequest(message: string): GraphError {
  return new GraphError(400, 'BadRequest', message);
}

/** 404 itemNotFound, as SharePoint and Outlook resources answer for an unknown id. */
export function notFound(message = 'The resource could not be found.'): GraphError {
  return new GraphError(404, 'itemNotFound', message);
}
