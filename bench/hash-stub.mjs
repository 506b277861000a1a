// `node --import tsx --import ./bench/hash-stub.mjs …`: the app's lib/auth/password.ts replaced by
// bench/stub-password.ts, so an in-process signup is measured without its argon2id hash (the bench
// measures the hash on its own, as the ceiling).
import { register } from "node:module";

register("./hash-stub-hooks.mjs", import.meta.url);
