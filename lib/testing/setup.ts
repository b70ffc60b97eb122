import path from "node:path";

// Fixed test secrets, so no test writes a .env.local; the database file is set per test.
process.env.AUTH_SECRET ??= "test-auth-secret-test-auth-secret-0000";
process.env.GONGKAI_DATA_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.GONGKAI_ROOT ??= path.resolve(import.meta.dirname, "..", "..");
