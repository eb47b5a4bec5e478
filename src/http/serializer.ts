import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

/**
 * Fastify's own response serializers (fast-json-stringify), each compiled at its route's first
 * response instead of all of them before the server can listen (about half a second of CPU).
 */
export function lazySerializers(
  externalSchemas?: unknown,
  options?: Parameters<ReturnType<typeof SerializerSelector>>[1],
) {
  const compile = SerializerSelector()(externalSchemas, options);
  return (route: Parameters<typeof compile>[0]) => {
    let serialize: ReturnType<typeof compile> | undefined;
    return (doc: unknown) => (serialize ??= compile(route))(doc);
  };
}
