/** The fake platform's tag: its references are `fake:<room>`. */
export const FAKE = 'fake';
