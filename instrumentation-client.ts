// Runs in the browser before hydration, ahead of any client module that builds a zod schema.
import { config } from "zod/v4/core";

// zod's JIT probes `new Function` when an object schema is built; our Content-Security-Policy has no
// 'unsafe-eval', so the probe is refused and reported as a violation even though zod catches it.
config({ jitless: true });
