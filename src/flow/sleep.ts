/** Resolves once `ms` have passed: the wait between one try and the next (a chunk's, a send's). */
export const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
