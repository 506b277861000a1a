// The state a server action hands back to its form (importable from client components).
export type ActionState = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  // What the user typed, so a refused form keeps it (passwords are never echoed back).
  values?: Record<string, string>;
  data?: Record<string, unknown>;
};

export const idleState: ActionState = { status: "idle" };
