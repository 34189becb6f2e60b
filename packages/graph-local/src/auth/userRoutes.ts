import type { User } from '@microsoft/microsoft-graph-types';
import type { Route } from '../http/router.js';
import type { RequestContext } from '../http/context.js';
import { ok } from '../http/context.js';
import { GraphError } from '../http/graphError.js';
import { checkQueryOptions, option, parseSelect } from '../odata/queryOptions.js';
import { selectProperties } from '../odata/select.js';
import { findUser } from './tokens.js';
import type { LocalUser } from './tokens.js';

function toUser(user: LocalUser): User {
  const [given, ...rest] = user.displayName.split(' ');
  return {
    id: user.id,
    displayName: user.displayName,
    userPrincipalName: user.upn,
    mail: user.upn,
    givenName: given ?? null,
    surname: rest.length ? rest.join(' ') : null,
    jobTitle: null,
    businessPhones: [],
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
  };
}

function answer(ctx: RequestContext, user: LocalUser) {
  checkQueryOptions(ctx.query, ['$select']);
  return ok({
    '@odata.context': `${ctx.serviceRoot}/$metadata#users/$entity`,
    ...selectProperties(toUser(user), parseSelect(option(ctx.query, '$select'))),
  });
}

/** `GET /me` and `GET /users/{id | userPrincipalName}`: users of the local tenant. */
export const userRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/me',
    handler: (ctx) =>
      answer(ctx, { id: ctx.principal.userId, upn: ctx.principal.upn, displayName: ctx.principal.displayName }),
  },
  {
    method: 'GET',
    pattern: '/users/:userId',
    handler: (ctx) => {
      const user = findUser(ctx.db, ctx.params.userId!.toLowerCase()) ?? findUser(ctx.db, ctx.params.userId!);
      if (!user)
        throw new GraphError(
          404,
          'Request_ResourceNotFound',
          `Resource '${ctx.params.userId}' does not exist or one of its queried reference-property objects are not present.`,
        );
      return answer(ctx, user);
    },
  },
];
