export * from "./enums";
export * from "./users";
export * from "./billing";
export * from "./referrals";
export * from "./commissions";
export * from "./rewards";
export * from "./admin";
export * from "./invites";
