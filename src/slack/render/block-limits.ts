/** Block Kit limits this renderer respects (platform-facts §4). */
export const LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  confirmText: 300,
  contextElements: 10,
  optionText: 75,
  optionValue: 75,
  modalTitle: 24,
  fallbackText: 4000,
  privateMetadata: 3000,
} as const;
