/**
 * Methods called with the app-level token (`xapp-…`) rather than a bot or user token: here only
 * `apps.connections.open`, which hands out a one-use WebSocket URL for Socket Mode (§1.9). The
 * fake Web API checks the token type before the handler runs (see APP_LEVEL_METHODS).
 */
import { fail, type MethodHandler } from './fake-slack-method-kit.js';

/** Where `apps.connections.open` gets its URLs from: a FakeSocketMode attached to the fake Web API. */
export interface SocketModeLink {
  /** A fresh `ws://…/link/?ticket=…` URL, valid for one connection. */
  openConnectionUrl(): string;
}

/** Methods that take only an app-level token; every other method refuses one. */
export const APP_LEVEL_METHODS = new Set(['apps.connections.open']);

const appsConnectionsOpen: MethodHandler = ({ state }) => {
  // With Socket Mode off Slack refuses the call; its exact error string is our assumption.
  if (state.socketMode === undefined) return fail('socket_mode_not_enabled');
  return { ok: true, url: state.socketMode.openConnectionUrl() };
};

export const appMethods: Record<string, MethodHandler> = {
  'apps.connections.open': appsConnectionsOpen,
};
