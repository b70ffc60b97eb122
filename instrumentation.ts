/**
 * Runs once when the server starts: secrets, database (created and migrated), and on a first
 * start the `admin` user, whose one-time password is printed here — on the server console only.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
