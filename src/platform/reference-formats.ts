import { SLACK_REFERENCES } from '../slack/slack-references.js';
import { TEAMS_REFERENCES } from '../teams/teams-references.js';
import { WEB_REFERENCES } from '../web/web-references.js';
import type { ReferenceFormat } from './reference-format.js';

/** Every platform's id formats, as the policy is checked against them; a platform with ids of its own adds one line. */
export const REFERENCE_FORMATS: readonly ReferenceFormat[] = [SLACK_REFERENCES, TEAMS_REFERENCES, WEB_REFERENCES];
