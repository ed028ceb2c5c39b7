// Vitest global setup: placeholder until the database test harness lands.
export default async function setup() {}
