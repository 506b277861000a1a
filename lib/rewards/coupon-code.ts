import { randomInt } from "node:crypto";
import { CODE_ALPHABET } from "@/lib/referrals/code-format";

export const COUPON_PREFIX = "MN";
const GROUPS = 3;
const GROUP_LENGTH = 4;

/**
 * `MN-7KQ4-XH9P-3TDW`: 12 characters drawn uniformly (node:crypto) from the 31-character alphabet without
 * confusables — about 59 bits, so a coupon cannot be guessed from another one. Uniqueness is the
 * database's (unique index); redeemPoints draws again on the astronomically rare collision.
 */
export function generateCouponCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = "";
    for (let i = 0; i < GROUP_LENGTH; i++) group += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    groups.push(group);
  }
  return [COUPON_PREFIX, ...groups].join("-");
}

export const COUPON_PATTERN = new RegExp(
  `^${COUPON_PREFIX}(-[${CODE_ALPHABET}]{${GROUP_LENGTH}}){${GROUPS}}$`,
);
