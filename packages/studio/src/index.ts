/**
 * Roster Studio: a local admin page for the members of a workspace. {@link startStudio}
 * serves the prebuilt page and a same-origin GraphQL endpoint on 127.0.0.1 that holds the
 * credentials, so the secret never reaches the browser. `roster studio` starts it.
 * @packageDocumentation
 */
export { startStudio, STUDIO_GRAPHQL_PATH, STUDIO_SESSION_PATH, type StudioOptions, type StudioServer } from './studio.js';
export type { StudioSession } from './capabilities.js';
export type { StudioErrorExtensions, StudioResponse } from './forward.js';
export { ALLOWED_OPERATIONS } from './operations.js';
export { CONTENT_SECURITY_POLICY } from './http.js';
