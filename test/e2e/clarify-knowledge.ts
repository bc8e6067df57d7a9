import type { KnowledgeEntry } from '../../src/core/ports/knowledge.js';

/**
 * Two topics a short question can mean equally: "How do I change the name?" may be the workspace's
 * name or one's own display name. Each has its own answer.
 */
export const NAME_TOPICS: KnowledgeEntry[] = [
  {
    id: 'kb-rename-workspace', kind: 'conversation', purpose: 'answer', category: 'how_to', topic: 'rename_workspace', title: 'Renaming the workspace',
    question: 'How do I change the name of our workspace?', answer: 'An admin renames the workspace under Settings > General > Workspace name.',
  },
  {
    id: 'kb-rename-workspace-2', kind: 'conversation', purpose: 'answer', category: 'how_to', topic: 'rename_workspace', title: 'Renaming the workspace',
    question: 'how can I change the workspace name', answer: 'An admin renames the workspace under Settings > General > Workspace name.',
  },
  {
    id: 'kb-display-name', kind: 'conversation', purpose: 'answer', category: 'how_to', topic: 'display_name', title: 'Your display name',
    question: 'How do I change the name on my profile?', answer: 'Open your avatar menu > Profile and edit Display name.',
  },
  {
    id: 'kb-display-name-2', kind: 'conversation', purpose: 'answer', category: 'how_to', topic: 'display_name', title: 'Your display name',
    question: 'how can I change my display name', answer: 'Open your avatar menu > Profile and edit Display name.',
  },
];
