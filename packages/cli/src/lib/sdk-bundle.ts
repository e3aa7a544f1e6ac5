// The entry of dist/sdk.cjs: the SDK bundled into one file that the bin requires on first
// use (see tsup.config.ts). Requiring @roster/users from node_modules resolves and compiles a
// graph of modules (the SDK, its transport, @urql/core, wonka) at about twice the cost.
export * from '@roster/users';
// The documented core's one query that reads both lists: the SDK's facade reads them with two.
export { ListUsersDocument } from '@roster/client';
