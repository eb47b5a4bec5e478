/** The date n days before today (UTC), as the API's period filters take it. */
export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
