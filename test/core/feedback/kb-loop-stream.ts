/**
 * A stream of customer questions on topics the knowledge base does not cover, each asked four ways.
 * The first two wordings of every topic come in the first half of the stream, the last two in the
 * second half: later questions resemble earlier escalations.
 */
export interface StreamTopic {
  resolution: string;
  /** A phrase only this topic's resolution holds, to tell a right answer from a wrong one. */
  marker: string;
  questions: [string, string, string, string];
}

export const STREAM_TOPICS: StreamTopic[] = [
  { marker: 'Rotate secret', resolution: 'Open Settings > Webhooks, press Rotate secret and update your receiver within 24 hours.', questions: ['How do I rotate the webhook signing secret?', 'where can we rotate our webhook secret', 'we need a new webhook signing secret, how?', 'Rotating the signing secret for webhooks - steps?'] },
  { marker: 'Report timezone', resolution: 'Go to Settings > Workspace > Report timezone and pick the zone; past reports keep theirs.', questions: ['How do I change the timezone of our reports?', 'reports show the wrong timezone, can I change it', 'Where is the report timezone setting?', 'change timezone used by workspace reports'] },
  { marker: 'Custom domain', resolution: 'Add a CNAME to help.yourcompany.com, then enter it under Settings > Custom domain and press Verify.', questions: ['How do we set up a custom domain for the help center?', 'can the help center run on our own domain', 'custom domain for our help center - how?', 'Where do I add our own domain to the help center?'] },
  { marker: 'Archive project', resolution: 'Open the project menu and choose Archive project; archived projects stay searchable and can be restored.', questions: ['How do I archive an old project without deleting it?', 'can we archive a project instead of deleting', 'archive old projects but keep them?', 'Where is the option to archive a project?'] },
  { marker: 'bulk import', resolution: 'Use Members > Import, download the CSV template, fill one user a row and upload it for a bulk import.', questions: ['How can I bulk import users from a CSV file?', 'import many users at once from csv', 'is there a bulk user import with a spreadsheet?', 'Upload a CSV of users to add them all?'] },
  { marker: 'Notification language', resolution: 'Each user sets it under Profile > Notification language; admins set the default in Settings > Language.', questions: ['How do I change the language of email notifications?', 'notification emails come in the wrong language', 'can email notifications be sent in German?', 'Where do we set the language of notification emails?'] },
  { marker: 'Zapier trigger', resolution: 'Connect the Zapier app with an API key, then choose the New record Zapier trigger in your Zap.', questions: ['How do I connect Zapier to trigger on new records?', 'zapier integration for new records?', 'Can Zapier start a zap when a record is created?', 'set up a Zapier trigger for new records'] },
  { marker: 'Dark mode default', resolution: 'Admins can set Dark mode default under Settings > Appearance; users can still switch it off.', questions: ['Can I turn on dark mode for everyone in the workspace?', 'enable dark mode for all users', 'dark mode as the default for the whole team?', 'How do admins switch everyone to dark mode?'] },
];

export interface StreamItem {
  topic: number;
  question: string;
}

export function questionStream(): StreamItem[] {
  const half = (from: 0 | 2) => STREAM_TOPICS.flatMap((t, topic) => [0, 1].map((k) => ({ topic, question: t.questions[from + k]! })));
  // Interleaved by wording so a topic's two questions in a half are not back to back.
  const order = (items: StreamItem[]) => [...items.filter((_, i) => i % 2 === 0), ...items.filter((_, i) => i % 2 === 1)];
  return [...order(half(0)), ...order(half(2))];
}
